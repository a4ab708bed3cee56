import type {
  ActionDetailDto,
  ActionStatus,
  ActionSummaryDto,
  PlanSourceType,
  RagStatus,
} from '../../contracts/actions';
import type { ActionListRow } from '../../data/repositories/action-list.repository';
import type { ActionDetailRow } from '../../data/repositories/action.repository';
import type { Caller } from '../caller';
import { canChangeAction, canSignOff, hasFullView } from './access';
import { isOverdue } from './rag-rule';

const SQLITE_UTC = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{3}$/;

/**
 * @returns an ISO 8601 instant from what the driver gives back for a time column (a Date on SQL
 * Server; on SQLite TypeORM stores UTC text `YYYY-MM-DD HH:MM:SS.SSS`), or null
 */
export function isoInstant(value: unknown): string | null {
  if (value === null || value === undefined || value === '') {
    return null;
  }
  if (value instanceof Date) {
    return value.toISOString();
  }
  const text = String(value);
  if (SQLITE_UTC.test(text)) {
    // TypeORM's SQLite form of a UTC instant: only the separator and the zone differ from ISO 8601
    return `${text.slice(0, 10)}T${text.slice(11)}Z`;
  }
  const withZone = /[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`;
  const d = new Date(withZone);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** @returns the evidence links stored as JSON (an empty list when absent or unreadable) */
export function parseLinks(json: string | null): string[] {
  if (!json) {
    return [];
  }
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * Presents a list row for a caller.
 * @param row the row
 * @param caller who asks (decides `canEdit`)
 * @param today today's date, for `overdue`
 */
export function toSummary(row: ActionListRow, caller: Caller, today: string): ActionSummaryDto {
  const status = row.status as ActionStatus;
  const agencyId = Number(row.agencyId);
  return {
    id: Number(row.id),
    version: Number(row.version),
    plan: {
      id: Number(row.planId),
      title: row.planTitle,
      sourceType: row.planSourceType as PlanSourceType,
      sourceRef: row.planSourceRef,
    },
    recommendationId: Number(row.recommendationId),
    leadAgency: { id: agencyId, code: row.agencyCode, name: row.agencyName },
    owner: row.ownerId === null || row.ownerId === undefined ? null : { id: Number(row.ownerId), name: row.ownerName ?? '' },
    description: row.description,
    targetDate: row.targetDate,
    revisedTargetDate: row.revisedTargetDate ?? null,
    dueDate: row.dueDate,
    status,
    ruleStatus: row.ruleStatus as ActionStatus,
    overrideStatus: (row.overrideStatus ?? null) as RagStatus | null,
    overdue: isOverdue(row.dueDate, status, today),
    lastProgressAt: isoInstant(row.lastProgressAt),
    completionProposedAt: isoInstant(row.completionProposedAt),
    signedOffAt: isoInstant(row.signedOffAt),
    updatedAt: isoInstant(row.updatedAt) ?? '',
    canEdit: canChangeAction(caller, agencyId),
  };
}

/**
 * Presents a detail row for a caller; private fields are null unless the caller has full view.
 * @param row the row
 * @param caller who asks
 * @param today today's date
 */
export function toDetail(row: ActionDetailRow, caller: Caller, today: string): ActionDetailDto {
  const summary = toSummary(row, caller, today);
  const full = hasFullView(caller, summary.leadAgency.id);
  const overrideAt = isoInstant(row.overrideAt);
  return {
    ...summary,
    recommendation: { id: summary.recommendationId, text: row.recommendationText, order: Number(row.recommendationOrder) },
    fullView: full,
    override:
      summary.overrideStatus && overrideAt
        ? {
            status: summary.overrideStatus,
            reason: full ? row.overrideReason : null,
            by: full ? row.overrideByName : null,
            at: overrideAt,
          }
        : null,
    revisedTargetReason: full ? row.revisedTargetReason : null,
    progressNote: full ? row.progressNote : null,
    evidence: full ? { text: row.evidenceText, links: parseLinks(row.evidenceLinksJson) } : { text: null, links: [] },
    completionProposedBy: full ? row.completionProposedByName : null,
    signedOffBy: full ? row.signedOffByName : null,
    canSignOff: canSignOff(caller),
    createdAt: isoInstant(row.createdAt) ?? '',
  };
}
