import { devToken, type TestServer } from './start-server';

/** The sample users of each role the tracker tests use. */
export const ROLE_USERS = {
  practitioner: 'dev-practitioner-police',
  panel_member: 'dev-panel-member',
  business_unit: 'dev-business-unit',
  board: 'dev-board-chair',
  agency_lead: 'dev-agency-lead-police',
  other_agency_lead: 'dev-agency-lead-health',
} as const;

/** A role name of ROLE_USERS. */
export type TrackerRole = keyof typeof ROLE_USERS;

/** @returns a dev token for each sample role */
export async function roleTokens(server: TestServer): Promise<Record<TrackerRole, string>> {
  const entries = await Promise.all(
    Object.entries(ROLE_USERS).map(async ([role, user]) => [role, await devToken(server, user)] as const)
  );
  return Object.fromEntries(entries) as Record<TrackerRole, string>;
}

/** One action row read straight from the database, for computing expected answers. */
export type DbAction = {
  id: number;
  status: string;
  due_date: string;
  lead_agency_id: number;
  agency_code: string;
  plan_id: number;
  owner_person_id: number | null;
  source_type: string;
  description: string;
  plan_title: string;
  source_ref: string;
  rec_text: string;
  version: number;
};

/** @returns every action with what the filters look at, straight from the database */
export async function allActions(server: TestServer): Promise<DbAction[]> {
  return server.db.query(
    `SELECT a.id, a.status, a.due_date, a.lead_agency_id, g.code AS agency_code, a.plan_id, a.owner_person_id,
            p.source_type, a.description, p.title AS plan_title, p.source_ref, r.content AS rec_text, a.version
       FROM actions a JOIN action_plans p ON p.id = a.plan_id JOIN agencies g ON g.id = a.lead_agency_id
       JOIN recommendations r ON r.id = a.recommendation_id`
  );
}

/** @returns the first action (by id) of an agency that matches, straight from the database */
export async function actionOf(
  server: TestServer,
  agencyCode: string,
  matches: (a: DbAction) => boolean = () => true
): Promise<DbAction> {
  const hit = (await allActions(server))
    .filter((a) => a.agency_code === agencyCode && matches(a))
    .sort((a, b) => a.id - b.id)[0];
  if (!hit) {
    throw new Error(`no matching action of ${agencyCode}`);
  }
  return hit;
}

/** @returns the history rows of an action exactly as stored */
export async function historyRows(server: TestServer, actionId: number): Promise<Record<string, unknown>[]> {
  return server.db.query('SELECT * FROM action_history WHERE action_id = ? ORDER BY id', [actionId]);
}
