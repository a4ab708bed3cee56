/** An action's RAG status; `complete` means signed off by the business unit or the board. */
export type ActionStatus = 'red' | 'amber' | 'green' | 'complete';

/** A status a person may set by override (completion has its own path). */
export type RagStatus = 'red' | 'amber' | 'green';

/** Every action status, worst first (the order of the RAG bar and of `sort=status`). */
export const ACTION_STATUSES = ['red', 'amber', 'green', 'complete'] as const;

/** What produced an action plan. */
export type PlanSourceType = 'review' | 'audit' | 'section11' | 'evaluation';

/** Every plan source type. */
export const PLAN_SOURCE_TYPES = ['review', 'audit', 'section11', 'evaluation'] as const;

/** List orders of `GET /api/actions` (`sort`). */
export const ACTION_SORTS = ['overdue', 'due', '-due', 'status'] as const;

/** A list order: overdue first (default), due date (earliest or latest first), status (worst first). */
export type ActionSort = (typeof ACTION_SORTS)[number];

/** How the list is grouped (`groupBy`): the group key sorts first. */
export type ActionGroupBy = 'plan' | 'agency' | 'none';

/** Counts per status for the whole filtered set, plus how many of it are overdue. */
export type ActionCountsDto = {
  red: number;
  amber: number;
  green: number;
  complete: number;
  total: number;
  overdue: number;
};

/** A human override of the RAG rule. `reason` and `by` are shown only to those with full view. */
export type ActionOverrideDto = {
  status: RagStatus;
  reason: string | null;
  by: string | null;
  at: string;
};

/** One row of the tracker list (no private fields). */
export type ActionSummaryDto = {
  id: number;
  version: number;
  plan: { id: number; title: string; sourceType: PlanSourceType; sourceRef: string };
  recommendationId: number;
  leadAgency: { id: number; code: string; name: string };
  owner: { id: number; name: string } | null;
  description: string;
  /** `YYYY-MM-DD` */
  targetDate: string;
  revisedTargetDate: string | null;
  /** the date that counts: the revised target, else the target */
  dueDate: string;
  status: ActionStatus;
  /** what the RAG rule says (shown beside a human override) */
  ruleStatus: ActionStatus;
  /** the override's status and time; reason and author only in the detail for full view */
  overrideStatus: RagStatus | null;
  overdue: boolean;
  lastProgressAt: string | null;
  completionProposedAt: string | null;
  signedOffAt: string | null;
  updatedAt: string;
  /** whether the caller may change this action (the server still checks) */
  canEdit: boolean;
};

/** `GET /api/actions/{id}`: the summary plus the fields only the lead agency, the business unit and the board see. */
export type ActionDetailDto = ActionSummaryDto & {
  recommendation: { id: number; text: string; order: number };
  /** false when private fields are hidden from the caller (another agency's action) */
  fullView: boolean;
  override: ActionOverrideDto | null;
  revisedTargetReason: string | null;
  progressNote: string | null;
  evidence: { text: string | null; links: string[] };
  completionProposedBy: string | null;
  signedOffBy: string | null;
  /** whether the caller may sign the action off as complete */
  canSignOff: boolean;
  createdAt: string;
};

/** `GET /api/actions` answer. */
export type ActionListDto = {
  items: ActionSummaryDto[];
  counts: ActionCountsDto;
  /** pass as `cursor` for the next page; null on the last page */
  nextCursor: string | null;
};

/** One line of an action's append-only history. */
export type ActionHistoryEntryDto = {
  id: number;
  at: string;
  /** the person's name, or `system` for the RAG rule */
  by: string;
  /** what changed: status, rule_status, override, progress_note, evidence, target_date, completion_proposed, signed_off, created */
  field: string;
  from: string | null;
  to: string | null;
  note: string | null;
};

/** `GET /api/actions/{id}/history` answer. */
export type ActionHistoryDto = { items: ActionHistoryEntryDto[] };

/** `PATCH /api/actions/{id}` body. `version` is the one the caller last saw. */
export type ActionPatchDto = {
  version: number;
  status?: ActionStatus;
  /** a progress note; also the reason for a status override */
  note?: string;
  evidence?: { text?: string; links?: string[] };
  revisedTargetDate?: string;
  revisedTargetReason?: string;
  proposeCompletion?: boolean;
  clearOverride?: boolean;
};

/** An action to create under a recommendation. */
export type NewActionDto = {
  leadAgency: string;
  ownerPersonId?: number | null;
  description: string;
  targetDate: string;
};

/** A recommendation to create, optionally with its actions. */
export type NewRecommendationDto = { text: string; actions?: NewActionDto[] };

/** `POST /api/plans` body. */
export type NewPlanDto = {
  sourceType: PlanSourceType;
  sourceRef: string;
  title: string;
  recommendations?: NewRecommendationDto[];
};

/** An action plan with its size and RAG counts. */
export type PlanSummaryDto = {
  id: number;
  sourceType: PlanSourceType;
  sourceRef: string;
  title: string;
  createdAt: string;
  recommendationCount: number;
  counts: ActionCountsDto;
};

/** `GET /api/plans/{id}` and the answer of the creating routes. */
export type PlanDetailDto = PlanSummaryDto & {
  recommendations: { id: number; text: string; order: number; actionIds: number[] }[];
};

/** `GET /api/actions/facets`: what the tracker's filters offer. */
export type ActionFacetsDto = {
  agencies: { id: number; code: string; name: string }[];
  plans: { id: number; title: string; sourceType: PlanSourceType; sourceRef: string }[];
  sources: PlanSourceType[];
  statuses: ActionStatus[];
};
