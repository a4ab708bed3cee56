import { ActionRepository, chunks, type RuleCandidate } from '../../data/repositories/action.repository';
import { AuditRepository } from '../../data/repositories/audit.repository';
import { writeTransaction } from '../../data/write-transaction';
import type { Action } from '../../data/entities/action.entity';
import type { ActionStatus, RagStatus } from '../../contracts/actions';
import { dateInZone, effectiveStatus, ruleStatus } from './rag-rule';
import { todayOf, type TrackerDeps } from './tracker-deps';

/** What one run of the rule did. */
export type RecomputeResult = { checked: number; changed: number };

type Change = { row: RuleCandidate; rule: ActionStatus; status: ActionStatus };

const BATCH = 500;

/**
 * Applies the RAG rule to every action not yet complete and writes only the rows whose rule view
 * (and so possibly status) changed, each guarded by its version: when several server instances run
 * at once, one writes and the others skip the row, so each change gets one history line (actor
 * `system`). A human override stays in force; the rule's view beside it is updated.
 * @param deps database, clock, thresholds, events
 * @returns how many actions were checked and changed
 */
export async function recomputeRag(deps: TrackerDeps): Promise<RecomputeResult> {
  const today = todayOf(deps);
  const candidates = await new ActionRepository(deps.db).ruleCandidates();
  const pending: Change[] = [];
  for (const row of candidates) {
    const rule = ruleStatus(
      {
        targetDate: row.targetDate,
        revisedTargetDate: row.revisedTargetDate,
        lastProgressDate: row.lastProgressAt ? dateInZone(new Date(row.lastProgressAt), deps.timeZone) : null,
        signedOff: false,
      },
      today,
      deps.rag
    );
    if (rule !== row.ruleStatus) {
      pending.push({ row, rule, status: effectiveStatus(rule, row.overrideStatus as RagStatus | null) });
    }
  }
  let changed = 0;
  const notify: Change[] = [];
  for (const batch of chunks(pending, BATCH)) {
    const written = await writeTransaction(deps.db, async (em) => {
      const repo = new ActionRepository(em);
      const now = deps.now();
      const done: Change[] = [];
      for (const c of batch) {
        const set: Partial<Action> = { ruleStatus: c.rule, status: c.status, updatedAt: now };
        if (await repo.updateIfVersion(c.row.id, c.row.version, set)) {
          done.push(c);
        }
      }
      await repo.appendHistory(done.flatMap((c) => historyLines(c, now)));
      if (done.length > 0) {
        await new AuditRepository(em).append({
          actorId: 'system',
          action: 'action.rag_recomputed',
          entityType: 'action',
          entityId: 'batch',
          detail: { today, changed: done.length },
        });
      }
      return done;
    });
    changed += written.length;
    notify.push(...written.filter((c) => c.status !== c.row.status));
  }
  for (const c of notify) {
    deps.events?.emit('action.changed', { actionId: c.row.id, leadAgencyId: c.row.leadAgencyId, status: c.status });
  }
  return { checked: candidates.length, changed };
}

function historyLines(c: Change, now: Date) {
  const base = { actionId: c.row.id, at: now, actorId: 'system', actorName: 'system', note: 'RAG rule' };
  const lines = [{ ...base, field: 'rule_status', fromValue: c.row.ruleStatus, toValue: c.rule }];
  if (c.status !== c.row.status) {
    lines.push({ ...base, field: 'status', fromValue: c.row.status, toValue: c.status });
  }
  return lines;
}
