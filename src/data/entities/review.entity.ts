import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A review the board runs: opened when the business unit accepts (or changes to) a reviewable
 * route on a notification, or created directly. Its title holds no names; the lead reviewer is a
 * professional (an Entra object id, or a name for an independent reviewer outside the tenant).
 */
@Entity('reviews')
export class Review {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  /** the notification it was opened from; null for a review created directly (one per notification) */
  @Column({ name: 'notification_id', type: Number, nullable: true })
  notificationId!: number | null;

  /** the route code it reviews, e.g. `SCR`, `CASE_REVIEW_1`, `DHR` (DHR involvement) */
  @Column({ type: String, length: 40 })
  type!: string;

  /** `2015` or `current`: the review model it was opened under */
  @Column({ type: String, length: 20 })
  model!: string;

  /** what the review is called, with a reference and no names */
  @Column({ type: String, length: 200 })
  title!: string;

  /** `scoping`, `in_progress`, `draft_report`, `board_sign_off`, `published`, `closed` */
  @Column({ type: String, length: 30 })
  status!: string;

  /** `YYYY-MM-DD` the clocks run from (the decision date) */
  @Column({ name: 'starts_on', type: String, length: 10 })
  startsOn!: string;

  /** the completion clock the milestones were spread back from, e.g. `SCR_COMPLETE` */
  @Column({ name: 'completion_clock', type: String, length: 40 })
  completionClock!: string;

  /** `YYYY-MM-DD` the completion clock is due */
  @Column({ name: 'completion_due', type: String, length: 10 })
  completionDue!: string;

  /** comma-separated agency codes involved in the case */
  @Column({ name: 'involved_agencies', type: String, length: 1000, default: '' })
  involvedAgencies!: string;

  @Column({ name: 'lead_reviewer_aad_id', type: String, length: 100, nullable: true })
  leadReviewerAadId!: string | null;

  @Column({ name: 'lead_reviewer_name', type: String, length: 200, nullable: true })
  leadReviewerName!: string | null;

  @Column({ name: 'lead_reviewer_agency_id', type: Number, nullable: true })
  leadReviewerAgencyId!: number | null;

  /** the business unit's statement that the lead is independent of the agencies involved */
  @Column({ name: 'lead_reviewer_independent', type: Boolean, default: false })
  leadReviewerIndependent!: boolean;

  /** the action plan made from the review's recommendations */
  @Column({ name: 'action_plan_id', type: Number, nullable: true })
  actionPlanId!: number | null;

  /** Entra object id of who opened it */
  @Column({ name: 'created_by', type: String, length: 100 })
  createdBy!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;

  /** bumped on every change to the review or its parts */
  @Column({ type: Number })
  version!: number;
}
