import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Someone who sits on a review's panel, with the agency they represent and their role on it. */
@Entity('review_panel_members')
export class ReviewPanelMember {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  @Column({ name: 'review_id', type: Number })
  reviewId!: number;

  /** Entra object id of the member */
  @Column({ name: 'aad_object_id', type: String, length: 100 })
  aadObjectId!: string;

  @Column({ name: 'agency_id', type: Number, nullable: true })
  agencyId!: number | null;

  /** e.g. chair, health representative */
  @Column({ name: 'panel_role', type: String, length: 100 })
  panelRole!: string;

  /** where invitations go when the profile has no email */
  @Column({ type: String, length: 320, nullable: true })
  email!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
