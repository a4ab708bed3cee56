import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';

import { Agency } from './agency.entity';

/** Someone who uses the app, mapped from their Entra ID object id. */
@Entity('people')
export class Person {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  /** Entra ID object id (`oid`), or a dev-mode user id */
  @Column({ name: 'aad_object_id', type: String, length: 100, unique: true })
  aadObjectId!: string;

  @Column({ name: 'display_name', type: String, length: 200 })
  displayName!: string;

  @Column({ type: String, length: 320, nullable: true })
  email!: string | null;

  @Column({ name: 'agency_id', type: Number, nullable: true })
  agencyId!: number | null;

  @ManyToOne(() => Agency, { nullable: true })
  @JoinColumn({ name: 'agency_id' })
  agency?: Agency | null;

  /** comma-separated role codes; the repository exposes them as an array */
  @Column({ type: String, length: 200, default: '' })
  roles!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;
}
