import type { DataSource } from 'typeorm';

import { Agency } from '../entities/agency.entity';
import { Person } from '../entities/person.entity';
import { seedSampleActionPlans } from './action-plans';
import { seedSampleAudits } from './sample-audits';

/** Sample agencies of a typical local partnership. */
export const SAMPLE_AGENCIES = [
  { code: 'LA-CSC', name: "Children's Social Care", sector: 'social_care' },
  { code: 'POLICE', name: 'County Police', sector: 'police' },
  { code: 'ICB', name: 'Integrated Care Board', sector: 'health' },
  { code: 'ACUTE', name: 'General Hospital NHS Trust', sector: 'health' },
  { code: 'COMMUNITY-HEALTH', name: 'Community Health Services', sector: 'health' },
  { code: 'EDUCATION', name: 'Schools and Education', sector: 'education' },
  { code: 'PROBATION', name: 'Probation Service', sector: 'other' },
  { code: 'HOUSING', name: 'Housing Services', sector: 'other' },
];

/** Sample users covering every role and several agencies; ids are their dev-mode object ids. */
export const SAMPLE_USERS = [
  { id: 'dev-practitioner-police', name: 'Priya Patel', agency: 'POLICE', roles: ['practitioner'] },
  { id: 'dev-practitioner-school', name: 'Sam Okafor', agency: 'EDUCATION', roles: ['practitioner'] },
  { id: 'dev-business-unit', name: 'Beth Lewis', agency: 'LA-CSC', roles: ['business_unit'] },
  { id: 'dev-panel-member', name: 'Mo Hussain', agency: 'ICB', roles: ['panel_member', 'practitioner'] },
  { id: 'dev-agency-lead-police', name: 'Alex Morgan', agency: 'POLICE', roles: ['agency_lead'] },
  { id: 'dev-agency-lead-health', name: 'Jo Williams', agency: 'ACUTE', roles: ['agency_lead'] },
  { id: 'dev-board-chair', name: 'Chris Taylor', agency: null, roles: ['board'] },
];

/**
 * Seeds sample agencies and users when the database has none (dev mode and tests).
 * Safe to call on every start: it does nothing once agencies exist.
 * @param ds the initialised DataSource
 * @returns whether anything was written
 */
export async function seedSampleData(ds: DataSource): Promise<boolean> {
  return ds.transaction(async (em) => {
    if ((await em.getRepository(Agency).count()) > 0) {
      return false;
    }
    const agencies = await em.getRepository(Agency).save(SAMPLE_AGENCIES.map((a) => ({ ...a })));
    const idByCode = new Map(agencies.map((a) => [a.code, a.id]));
    await em.getRepository(Person).save(
      SAMPLE_USERS.map((u) => ({
        aadObjectId: u.id,
        displayName: u.name,
        email: null,
        agencyId: u.agency ? (idByCode.get(u.agency) ?? null) : null,
        roles: u.roles.join(','),
        createdAt: new Date(),
      }))
    );
    await seedSampleActionPlans(em);
    await seedSampleAudits(em, new Date());
    return true;
  });
}
