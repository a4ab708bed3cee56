import type { DataSource, EntityManager } from 'typeorm';

import type { Action } from '../entities/action.entity';
import { Agency } from '../entities/agency.entity';
import { newActionRow } from '../entities/new-action-row';
import { Person } from '../entities/person.entity';
import { ActionRepository } from '../repositories/action.repository';
import { PlanRepository } from '../repositories/plan.repository';
import { writeTransaction } from '../write-transaction';

/**
 * How a seeded action is made to look. Dates are chosen relative to today so that the status
 * is what the RAG rule gives with the default thresholds (amber within 14 days of the target
 * with no progress in 30 days): the rule worker then has nothing to change.
 */
export type SeedKind = 'red' | 'amber' | 'green' | 'fresh' | 'complete' | 'override' | 'proposed' | 'revised';

const DAY_MS = 86_400_000;

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

function at(date: string, hour = 10): Date {
  return new Date(Date.parse(`${date}T${String(hour).padStart(2, '0')}:00:00Z`));
}

/** A seeded action: its kind and how far its target is from today. */
type SeedAction = { agencyId: number; ownerId: number | null; description: string; kind: SeedKind; days: number };

/** @returns an action row of a kind, `days` from today (past for red kinds) */
export function seedActionRow(
  rec: { id: number; planId: number },
  a: SeedAction,
  today: string,
  createdAt: Date
): Omit<Action, 'id'> {
  const target = addDays(today, a.days);
  const row = newActionRow({
    recommendation: rec,
    leadAgencyId: a.agencyId,
    ownerPersonId: a.ownerId,
    description: a.description,
    targetDate: target,
    status: 'green',
    createdAt,
  });
  const progress = (daysAgo: number, note: string) => {
    row.lastProgressAt = at(addDays(today, -daysAgo));
    row.progressNote = note;
  };
  switch (a.kind) {
    case 'red':
      row.status = row.ruleStatus = 'red';
      progress(45, 'Work started; waiting for sign-off of the draft.');
      break;
    case 'amber':
      row.status = row.ruleStatus = 'amber';
      break;
    case 'fresh':
      progress(3, 'On track: draft circulated to the subgroup.');
      break;
    case 'override':
      row.status = 'amber';
      row.ruleStatus = 'red';
      row.overrideStatus = 'amber';
      row.overrideReason = 'Delivery agreed with the subgroup chair for next month; capacity is in place.';
      row.overrideByPersonId = a.ownerId;
      row.overrideAt = at(addDays(today, -1));
      progress(1, 'New delivery date agreed with the subgroup chair.');
      break;
    case 'proposed':
      progress(2, 'Done; evidence attached for sign-off.');
      row.evidenceText = 'Procedure published on the intranet and briefed to all teams.';
      row.evidenceLinksJson = JSON.stringify(['https://intranet.example.org/procedures/missing-children']);
      row.completionProposedAt = at(addDays(today, -2));
      row.completionProposedByPersonId = a.ownerId;
      break;
    case 'revised':
      row.targetDate = addDays(today, a.days - 60);
      row.revisedTargetReason = 'Extension agreed by the board: dependent on the new case-recording system.';
      row.revisedTargetDate = row.dueDate = addDays(today, Math.max(a.days, 20));
      progress(10, 'Waiting for the new case-recording system.');
      break;
    case 'complete':
      row.status = row.ruleStatus = 'complete';
      progress(20, 'Completed.');
      row.evidenceText = 'Audit report accepted by the Quality and Effectiveness subgroup.';
      row.signedOffAt = at(addDays(today, -15));
      break;
    default:
      break;
  }
  return row;
}

/** Inserts action rows with a `created` history line each. */
async function insertSeedActions(em: EntityManager, rows: Omit<Action, 'id'>[], actorName: string): Promise<number[]> {
  const repo = new ActionRepository(em);
  const ids = await repo.insertMany(rows);
  await repo.appendHistory(
    ids.map((id, i) => ({
      actionId: id,
      at: rows[i].createdAt,
      actorId: 'system',
      actorName,
      field: 'created',
      fromValue: null,
      toValue: rows[i].status,
      note: null,
    }))
  );
  return ids;
}

type SamplePlan = {
  sourceType: string;
  sourceRef: string;
  title: string;
  recs: { text: string; actions: [string, string, SeedKind, number][] }[];
};

const SAMPLE_PLANS: SamplePlan[] = [
  {
    sourceType: 'review',
    sourceRef: 'SCR-2025-03',
    title: 'Serious Case Review 2025/03: neglect and school attendance',
    recs: [
      {
        text: "Agencies should share attendance concerns with children's social care within one working day.",
        actions: [
          ['EDUCATION', 'Publish an attendance-escalation protocol to all schools', 'red', -20],
          ['LA-CSC', 'Add attendance concerns to the front-door referral form', 'green', 60],
          ['POLICE', 'Brief neighbourhood teams on poor attendance as a neglect indicator', 'amber', 7],
        ],
      },
      {
        text: 'Health practitioners should record who the child lives with at every contact.',
        actions: [
          ['ACUTE', 'Audit 30 health records for household composition', 'complete', -30],
          ['COMMUNITY-HEALTH', 'Add a household-composition field to the record template', 'fresh', 10],
        ],
      },
    ],
  },
  {
    sourceType: 'audit',
    sourceRef: 'AUD-2026-02',
    title: 'Multi-agency themed audit: children missing from home',
    recs: [
      {
        text: 'Return home interviews should be offered within 72 hours of a missing episode.',
        actions: [
          ['POLICE', 'Notify the return-interview service of missing episodes the same day', 'override', -5],
          ['LA-CSC', 'Commission extra return-interview capacity', 'amber', 4],
        ],
      },
      {
        text: 'Missing-episode data should go to the board every month.',
        actions: [
          ['POLICE', "Add missing episodes to the board's monthly data set", 'proposed', 45],
          ['HOUSING', 'Tell housing officers about missing episodes in their tenancies', 'green', 90],
        ],
      },
    ],
  },
  {
    sourceType: 'section11',
    sourceRef: 'S11-2025',
    title: 'Section 11 self-assessment 2025: improvement actions',
    recs: [
      {
        text: 'Safer recruitment checks should be re-audited across the partnership.',
        actions: [
          ['PROBATION', 'Re-audit DBS renewals for staff in contact with children', 'red', -40],
          ['POLICE', 'Re-check vetting renewals for officers in child-protection roles', 'red', -12],
          ['ACUTE', 'Refresh safeguarding training for emergency-department staff', 'amber', 3],
          ['ICB', 'Add safeguarding standards to GP contract monitoring', 'complete', -60],
          ['LA-CSC', 'Move recruitment records to the new HR system', 'revised', 40],
        ],
      },
    ],
  },
  {
    sourceType: 'evaluation',
    sourceRef: 'EVAL-2026-01',
    title: 'Evaluation of the neglect toolkit training',
    recs: [
      {
        text: 'Delegates should be followed up to measure change in practice.',
        actions: [
          ['EDUCATION', 'Survey designated safeguarding leads three months after the course', 'green', 120],
          ['LA-CSC', 'Report follow-up results to the Learning and Improvement subgroup', 'red', -2],
        ],
      },
    ],
  },
];

/**
 * Seeds sample action plans across the sample agencies (a mix of red, amber, green and complete,
 * some overdue, one override, one completion proposal, one revised target). Owners are the
 * sample people of each agency. Runs inside the sample-data transaction.
 * @param em the transaction's entity manager (agencies and people already seeded)
 * @param today today's date (`YYYY-MM-DD`); defaults to today in UTC
 */
export async function seedSampleActionPlans(em: EntityManager, today = new Date().toISOString().slice(0, 10)): Promise<void> {
  const agencies = new Map((await em.getRepository(Agency).find()).map((a) => [a.code, a.id]));
  const people = await em.getRepository(Person).find({ order: { id: 'ASC' } });
  const ownerOf = (agencyId: number) =>
    (people.find((p) => p.agencyId === agencyId && p.roles.includes('agency_lead')) ??
      people.find((p) => p.agencyId === agencyId))?.id ?? null;
  const plans = new PlanRepository(em);
  const createdAt = at(addDays(today, -90));
  for (const plan of SAMPLE_PLANS) {
    const [planId] = await plans.insertPlans([
      { sourceType: plan.sourceType, sourceRef: plan.sourceRef, title: plan.title, createdAt, createdBy: 'system' },
    ]);
    const recIds = await plans.insertRecommendations(plan.recs.map((r, i) => ({ planId, text: r.text, order: i + 1 })));
    const rows = plan.recs.flatMap((r, i) =>
      r.actions.flatMap(([code, description, kind, days]) => {
        const agencyId = agencies.get(code);
        if (agencyId === undefined) {
          return [];
        }
        const a = { agencyId, ownerId: ownerOf(agencyId), description, kind, days };
        return [seedActionRow({ id: recIds[i], planId }, a, today, createdAt)];
      })
    );
    await insertSeedActions(em, rows, 'sample data');
  }
}

/** What a bulk seed made. */
export type BulkSeedResult = { agencyIds: number[]; planIds: number[]; actions: number };

/** A small deterministic random generator (mulberry32). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const BULK_KINDS: [SeedKind, number][] = [
  ['red', 0.15],
  ['amber', 0.12],
  ['green', 0.45],
  ['fresh', 0.08],
  ['complete', 0.15],
  ['revised', 0.05],
];

function pickKind(r: number): { kind: SeedKind; days: (rnd: () => number) => number } {
  let acc = 0;
  const kind = BULK_KINDS.find(([, w]) => (acc += w) > r)?.[0] ?? 'green';
  const ranges: Record<string, [number, number]> = {
    red: [-120, -1],
    amber: [0, 14],
    fresh: [0, 14],
    green: [15, 400],
    complete: [-200, 100],
    revised: [20, 200],
  };
  const [lo, hi] = ranges[kind] ?? [15, 400];
  return { kind, days: (rnd) => lo + Math.floor(rnd() * (hi - lo + 1)) };
}

/**
 * Bulk-seeds actions for tests and benchmarks: `agencies` agencies (existing ones first, then
 * `BULK-NN` ones), `plans` plans of 3 recommendations each and `actions` actions spread over
 * them at random (deterministic for a seed), with statuses consistent with the default RAG rule.
 * One transaction, chunked inserts: 20,000 actions take a few seconds on SQLite.
 * @param ds the data source
 * @param opts counts, today's date (default today in UTC) and the random seed
 * @returns the agency and plan ids used and the number of actions made
 */
export async function bulkSeedActions(
  ds: DataSource,
  opts: { actions: number; plans: number; agencies: number; today?: string; seed?: number }
): Promise<BulkSeedResult> {
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const rnd = random(opts.seed ?? 42);
  return writeTransaction(ds, async (em) => {
    const agencyRepo = em.getRepository(Agency);
    const existing = await agencyRepo.find({ order: { id: 'ASC' } });
    const extra = Array.from({ length: Math.max(0, opts.agencies - existing.length) }, (_, i) => ({
      code: `BULK-${String(existing.length + i + 1).padStart(2, '0')}`,
      name: `Partner agency ${existing.length + i + 1}`,
      sector: 'other',
    }));
    const created = extra.length ? await agencyRepo.save(extra) : [];
    const agencyIds = [...existing, ...created].slice(0, opts.agencies).map((a) => a.id);
    const people = await em.getRepository(Person).find({ order: { id: 'ASC' } });
    const plans = new PlanRepository(em);
    const createdAt = at(addDays(today, -100));
    const planIds = await plans.insertPlans(
      Array.from({ length: opts.plans }, (_, i) => ({
        sourceType: ['review', 'audit', 'section11', 'evaluation'][i % 4],
        sourceRef: `BULK-${String(i + 1).padStart(4, '0')}`,
        title: `Improvement plan ${i + 1}`,
        createdAt,
        createdBy: 'system',
      }))
    );
    const recIds = await plans.insertRecommendations(
      planIds.flatMap((planId) => [1, 2, 3].map((order) => ({ planId, text: `Recommendation ${order} of plan ${planId}`, order })))
    );
    const rows = Array.from({ length: opts.actions }, (_, i) => {
      const p = i % planIds.length;
      const rec = { id: recIds[p * 3 + (Math.floor(i / planIds.length) % 3)], planId: planIds[p] };
      const agencyId = agencyIds[Math.floor(rnd() * agencyIds.length)];
      const { kind, days } = pickKind(rnd());
      const ownerId = people.find((x) => x.agencyId === agencyId)?.id ?? null;
      return seedActionRow(rec, { agencyId, ownerId, description: `Action ${i + 1}: agree and deliver improvement step`, kind, days: days(rnd) }, today, createdAt);
    });
    await insertSeedActions(em, rows, 'bulk seed');
    return { agencyIds, planIds, actions: rows.length };
  });
}
