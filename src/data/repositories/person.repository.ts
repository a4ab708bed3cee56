import type { DataSource, EntityManager } from 'typeorm';

import { Agency } from '../entities/agency.entity';
import { Person } from '../entities/person.entity';
import { portableQuery } from '../portable-sql';

/** A person with their agency loaded. */
export type PersonRecord = Person & { agency: Agency | null };

/** What identifying a caller needs: the person's id, name, roles and agency. */
export type CallerRecord = Pick<Person, 'id' | 'displayName' | 'roles'> & {
  agency: Pick<Agency, 'id' | 'code' | 'name' | 'sector'> | null;
};

type CallerRow = {
  id: number;
  display_name: string;
  roles: string;
  agency_id: number | null;
  agency_code: string | null;
  agency_name: string | null;
  agency_sector: string | null;
};

/** Queries over people and agencies. */
export class PersonRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  /** @returns the person with this Entra object id, with their agency, or null */
  async findByAadObjectId(aadObjectId: string): Promise<PersonRecord | null> {
    const person = await this.db.getRepository(Person).findOne({
      where: { aadObjectId },
      relations: { agency: true },
    });
    return person ? { ...person, agency: person.agency ?? null } : null;
  }

  /**
   * The person behind a request or bot turn, read with one hand-written query: this runs on every
   * request, and TypeORM's query building costs twenty times the query itself.
   * @returns the person's id, name, roles and agency, or null
   */
  async findCaller(aadObjectId: string): Promise<CallerRecord | null> {
    const [row] = await portableQuery<CallerRow>(
      this.db,
      `SELECT p.id, p.display_name, p.roles, a.id AS agency_id, a.code AS agency_code,
              a.name AS agency_name, a.sector AS agency_sector
         FROM people p LEFT JOIN agencies a ON a.id = p.agency_id
        WHERE p.aad_object_id = ?`,
      [aadObjectId]
    );
    if (!row) {
      return null;
    }
    const agency =
      row.agency_id === null
        ? null
        : { id: Number(row.agency_id), code: String(row.agency_code), name: String(row.agency_name), sector: String(row.agency_sector) };
    return { id: Number(row.id), displayName: row.display_name, roles: row.roles, agency };
  }

  /** @returns every person, with agencies, ordered by name */
  async list(): Promise<PersonRecord[]> {
    const people = await this.db
      .getRepository(Person)
      .find({ relations: { agency: true }, order: { displayName: 'ASC' } });
    return people.map((p) => ({ ...p, agency: p.agency ?? null }));
  }

  /** @returns the agency with this code, or null */
  async findAgency(code: string): Promise<Agency | null> {
    return this.db.getRepository(Agency).findOne({ where: { code } });
  }

  /** @returns every agency ordered by name */
  async listAgencies(): Promise<Agency[]> {
    return this.db.getRepository(Agency).find({ order: { name: 'ASC' } });
  }

  /**
   * Inserts a person.
   * @param props the person's identity, name, agency id and roles
   * @returns the stored person
   */
  async insert(props: {
    aadObjectId: string;
    displayName: string;
    email?: string | null;
    agencyId: number | null;
    roles: string[];
  }): Promise<Person> {
    const repo = this.db.getRepository(Person);
    return repo.save(
      repo.create({
        aadObjectId: props.aadObjectId,
        displayName: props.displayName,
        email: props.email ?? null,
        agencyId: props.agencyId,
        roles: props.roles.join(','),
        createdAt: new Date(),
      })
    );
  }
}
