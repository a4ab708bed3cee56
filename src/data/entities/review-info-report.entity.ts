import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An agency asked for an information report on a review, when it is due and when it came in. */
@Entity('review_info_reports')
export class ReviewInfoReport {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  @Column({ name: 'review_id', type: Number })
  reviewId!: number;

  @Column({ name: 'agency_id', type: Number })
  agencyId!: number;

  /** Entra object id of the agency's contact for the report */
  @Column({ name: 'contact_aad_id', type: String, length: 100, nullable: true })
  contactAadId!: string | null;

  /** `YYYY-MM-DD` */
  @Column({ name: 'due_date', type: String, length: 10 })
  dueDate!: string;

  @Column({ name: 'received_at', type: Date, nullable: true })
  receivedAt!: Date | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
