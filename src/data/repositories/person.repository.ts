import type { DataSource, EntityManager } from 'typeorm';

import { Agency } from '../entities/agency.entity';
import { Person } from '../entities/person.entity';

/** A person with their agency loaded. */
export type PersonRecord = Person & { agency: Agency | null };

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
