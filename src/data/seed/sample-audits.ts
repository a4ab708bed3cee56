import type { EntityManager } from 'typeorm';

import { AuditCase } from '../entities/audit-case.entity';
import { FocusGroup } from '../entities/focus-group.entity';
import { ThemedAudit } from '../entities/themed-audit.entity';

const DAY_MS = 24 * 60 * 60 * 1000;

/** @returns a UTC instant `days` from `now` at the given UTC hour and minute */
function daysAhead(now: Date, days: number, hour: number, minute = 0): Date {
  const d = new Date(now.getTime() + days * DAY_MS);
  d.setUTCHours(hour, minute, 0, 0);
  return d;
}

/**
 * Seeds two sample themed audits (neglect; missing children) with anonymised cases and open
 * focus-group sessions in the coming weeks, for dev mode. Runs inside `seedSampleData`'s
 * transaction on an empty database.
 * @param em the seeding transaction
 * @param now the current time (sessions are placed after it)
 */
export async function seedSampleAudits(em: EntityManager, now: Date): Promise<void> {
  const stamps = { createdBy: 'system', createdAt: now, updatedAt: now };
  const [neglect, missing] = await em.getRepository(ThemedAudit).save([
    {
      theme: 'Neglect',
      title: 'Neglect: multi-agency themed audit',
      periodStart: '2025-04-01',
      periodEnd: '2025-09-30',
      agencies: ['LA-CSC', 'POLICE', 'ACUTE', 'EDUCATION'],
      team: [
        { name: 'Beth Lewis', agency: 'LA-CSC', aadObjectId: 'dev-business-unit' },
        { name: 'Jo Williams', agency: 'ACUTE', aadObjectId: 'dev-agency-lead-health' },
      ],
      status: 'in_progress',
      ...stamps,
    },
    {
      theme: 'Missing children',
      title: 'Children missing from home and care',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      agencies: ['LA-CSC', 'POLICE', 'HOUSING'],
      team: [{ name: 'Alex Morgan', agency: 'POLICE', aadObjectId: 'dev-agency-lead-police' }],
      status: 'planned',
      ...stamps,
    },
  ]);
  await em.getRepository(AuditCase).save([
    {
      auditId: neglect.id,
      caseRef: 'NEG-01',
      grades: { lived_experience: 'requires_improvement', multi_agency_working: 'good' },
      whatWorkedWell: 'Health visitor and school shared concerns early.',
      notes: null,
      createdAt: now,
      updatedAt: now,
    },
    { auditId: neglect.id, caseRef: 'NEG-02', grades: {}, whatWorkedWell: null, notes: null, createdAt: now, updatedAt: now },
    { auditId: missing.id, caseRef: 'MIS-01', grades: {}, whatWorkedWell: null, notes: null, createdAt: now, updatedAt: now },
  ]);
  const session = { online: false, status: 'open', confirmedCount: 0, signupSeq: 0, createdAt: now, updatedAt: now };
  await em.getRepository(FocusGroup).save([
    {
      ...session,
      auditId: neglect.id,
      startsAt: daysAhead(now, 14, 9, 30),
      durationMinutes: 90,
      location: 'Council House, Committee Room 2',
      capacity: 12,
      eligibility: { agencies: [], roles: [] },
    },
    {
      ...session,
      auditId: neglect.id,
      startsAt: daysAhead(now, 21, 13),
      durationMinutes: 60,
      location: 'Microsoft Teams meeting',
      online: true,
      capacity: 8,
      eligibility: { agencies: ['POLICE', 'EDUCATION'], roles: [] },
    },
    {
      ...session,
      auditId: missing.id,
      startsAt: daysAhead(now, 28, 10),
      durationMinutes: 120,
      location: 'Police HQ, Training Suite',
      capacity: 10,
      eligibility: { agencies: [], roles: [] },
    },
  ]);
}
