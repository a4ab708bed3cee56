import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A step of a review with a target date worked out from a statutory clock, editable with a reason. */
@Entity('review_milestones')
export class ReviewMilestone {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  @Column({ name: 'review_id', type: Number })
  reviewId!: number;

  /** `scoping`, `info_reports_in`, `panel_meeting`, `practitioner_event`, `family_involvement`, `draft_report`, `board_sign_off`, `publication` */
  @Column({ type: String, length: 30 })
  code!: string;

  /** `YYYY-MM-DD` */
  @Column({ name: 'target_date', type: String, length: 10 })
  targetDate!: string;

  /** the clock code the date was worked out from; null once edited by hand */
  @Column({ name: 'computed_from', type: String, length: 40, nullable: true })
  computedFrom!: string | null;

  /** why the date was last changed by hand (the full history is in the audit log) */
  @Column({ name: 'edited_reason', type: 'text', nullable: true })
  editedReason!: string | null;

  @Column({ name: 'done_at', type: Date, nullable: true })
  doneAt!: Date | null;
}
