import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/**
 * A case notified to the board: the notifier's answers, the recommendation worked out when it was
 * made, and the business unit's latest decision. Holds no names: the notifier is an Entra object
 * id, the child is described only by the answers (age in years, yes/no answers, a short summary
 * the notifier is told to keep free of names).
 */
@Entity('notifications')
export class Notification {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  /** human-friendly unique reference, e.g. `N-2026-0042` */
  @Column({ type: String, length: 20, unique: true })
  reference!: string;

  /** Entra object id of the person who notified the case */
  @Column({ name: 'notifier_aad_id', type: String, length: 100 })
  notifierAadId!: string;

  /** the notifier's agency when they notified, if they have one */
  @Column({ name: 'notifier_agency_id', type: Number, nullable: true })
  notifierAgencyId!: number | null;

  /** the validated answers (DOMAIN.md §3 field names) as JSON */
  @Column({ name: 'answers_json', type: 'text' })
  answersJson!: string;

  /** `2015` or `current`: the review model the case was routed under */
  @Column({ type: String, length: 20 })
  model!: string;

  /** the recommendation (routes, reasons, clocks) as JSON */
  @Column({ name: 'recommendation_json', type: 'text' })
  recommendationJson!: string;

  /** the recommendation's primary route code, for filtering */
  @Column({ name: 'recommended_route', type: String, length: 40 })
  recommendedRoute!: string;

  /** `new`, `awaiting_information` or `decided` */
  @Column({ type: String, length: 30 })
  status!: string;

  /** the latest decision: `accept`, `change` or `request_information` */
  @Column({ name: 'decision_action', type: String, length: 30, nullable: true })
  decisionAction!: string | null;

  /** the route the business unit decided on (null while asking for information) */
  @Column({ name: 'decided_route', type: String, length: 40, nullable: true })
  decidedRoute!: string | null;

  /** why the route was changed, or what information was asked for */
  @Column({ name: 'decision_reason', type: 'text', nullable: true })
  decisionReason!: string | null;

  /** Entra object id of the business unit member who made the latest decision */
  @Column({ name: 'decided_by', type: String, length: 100, nullable: true })
  decidedBy!: string | null;

  @Column({ name: 'decided_at', type: Date, nullable: true })
  decidedAt!: Date | null;

  /** clocks that started at the decision (e.g. SCR completion) as JSON */
  @Column({ name: 'decision_clocks_json', type: 'text', nullable: true })
  decisionClocksJson!: string | null;

  /** what makes a repeated submission the same one (a chat draft, or an API Idempotency-Key) */
  @Column({ name: 'idempotency_key', type: String, length: 200, unique: true })
  idempotencyKey!: string;

  /** `chat` or `api` */
  @Column({ type: String, length: 10 })
  source!: string;

  /** bumped on every change; a decision made on an older version is refused */
  @Column({ type: Number })
  version!: number;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
