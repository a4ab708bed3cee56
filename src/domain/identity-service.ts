import type { DataSource } from 'typeorm';

import type { Role } from '../contracts/identity';
import { PersonRepository } from '../data/repositories/person.repository';
import { ValidationError } from '../errors';
import { toCaller, type Caller } from './caller';

/** Resolves callers from their Entra object id and manages sample users in dev mode. */
export class IdentityService {
  private readonly people: PersonRepository;

  constructor(db: DataSource) {
    this.people = new PersonRepository(db);
  }

  /**
   * @param id Entra object id (token `oid` or activity `from.aadObjectId`)
   * @param fallbackName name to use when the app has no record of the person
   * @returns the caller with roles and agency from the database
   */
  async resolve(id: string, fallbackName: string): Promise<Caller> {
    return toCaller(id, fallbackName, await this.people.findCaller(id));
  }

  /** @returns every known person as a caller (dev mode's sample-user list) */
  async listCallers(): Promise<Caller[]> {
    const people = await this.people.list();
    return people.map((p) => toCaller(p.aadObjectId, p.displayName, p));
  }

  /**
   * Creates a sample person (dev mode only; the caller checks dev mode).
   * @param props id, name, agency code and roles of the new person
   * @returns the new caller
   * @throws ValidationError when the agency code is unknown
   */
  async createSampleUser(props: {
    id: string;
    name: string;
    agency: string | null;
    roles: Role[];
  }): Promise<Caller> {
    let agencyId: number | null = null;
    if (props.agency) {
      const agency = await this.people.findAgency(props.agency);
      if (!agency) {
        throw new ValidationError(`Unknown agency code: ${props.agency}`);
      }
      agencyId = agency.id;
    }
    await this.people.insert({
      aadObjectId: props.id,
      displayName: props.name,
      agencyId,
      roles: props.roles,
    });
    return this.resolve(props.id, props.name);
  }
}
