import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * One SMART action of a recommendation, with its RAG status. `status` is what shows: `complete`
 * once signed off, else the override if any, else `rule_status`. `version` guards every write
 * (optimistic concurrency).
 */
@Entity('actions')
export class Action {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  @Column({ name: 'recommendation_id', type: Number })
  recommendationId!: number;

  /** the recommendation's plan, copied here for fast filtering */
  @Column({ name: 'plan_id', type: Number })
  planId!: number;

  @Column({ name: 'lead_agency_id', type: Number })
  leadAgencyId!: number;

  @Column({ name: 'owner_person_id', type: Number, nullable: true })
  ownerPersonId!: number | null;

  @Column({ type: 'text' })
  description!: string;

  /** `YYYY-MM-DD` */
  @Column({ name: 'target_date', type: String, length: 10 })
  targetDate!: string;

  @Column({ name: 'revised_target_date', type: String, length: 10, nullable: true })
  revisedTargetDate!: string | null;

  @Column({ name: 'revised_target_reason', type: 'text', nullable: true })
  revisedTargetReason!: string | null;

  /** the revised target if set, else the target (kept in step for sorting and filtering) */
  @Column({ name: 'due_date', type: String, length: 10 })
  dueDate!: string;

  /** red, amber, green or complete */
  @Column({ type: String, length: 10 })
  status!: string;

  /** what the RAG rule says */
  @Column({ name: 'rule_status', type: String, length: 10 })
  ruleStatus!: string;

  @Column({ name: 'override_status', type: String, length: 10, nullable: true })
  overrideStatus!: string | null;

  @Column({ name: 'override_reason', type: 'text', nullable: true })
  overrideReason!: string | null;

  @Column({ name: 'override_by_person_id', type: Number, nullable: true })
  overrideByPersonId!: number | null;

  @Column({ name: 'override_at', type: Date, nullable: true })
  overrideAt!: Date | null;

  @Column({ name: 'progress_note', type: 'text', nullable: true })
  progressNote!: string | null;

  @Column({ name: 'last_progress_at', type: Date, nullable: true })
  lastProgressAt!: Date | null;

  @Column({ name: 'evidence_text', type: 'text', nullable: true })
  evidenceText!: string | null;

  /** JSON array of http(s) links */
  @Column({ name: 'evidence_links_json', type: 'text', nullable: true })
  evidenceLinksJson!: string | null;

  @Column({ name: 'completion_proposed_at', type: Date, nullable: true })
  completionProposedAt!: Date | null;

  @Column({ name: 'completion_proposed_by_person_id', type: Number, nullable: true })
  completionProposedByPersonId!: number | null;

  @Column({ name: 'signed_off_by_person_id', type: Number, nullable: true })
  signedOffByPersonId!: number | null;

  @Column({ name: 'signed_off_at', type: Date, nullable: true })
  signedOffAt!: Date | null;

  @Column({ type: Number })
  version!: number;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
