/** Role codes used by the API and the database. */
export const ROLES = ['practitioner', 'business_unit', 'panel_member', 'agency_lead', 'board'] as const;

/** A role code. */
export type Role = (typeof ROLES)[number];

/** An agency as the API shows it. */
export type AgencyDto = { code: string; name: string; sector: string };

/** `GET /api/me`: who the caller is, as the server sees them. */
export type MeDto = {
  id: string;
  name: string;
  agency: AgencyDto | null;
  roles: Role[];
};

/** `GET /dev/users` item. */
export type DevUserDto = { id: string; name: string; agency: string | null; roles: Role[] };
