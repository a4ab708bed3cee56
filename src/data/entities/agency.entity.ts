import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A partner agency (police, a health trust, a school, children's social care, …). */
@Entity('agencies')
export class Agency {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  /** short stable code used in the API and cards, e.g. `POLICE` */
  @Column({ type: String, length: 40, unique: true })
  code!: string;

  @Column({ type: String, length: 200 })
  name!: string;

  /** police, health, education, social_care, other */
  @Column({ type: String, length: 40 })
  sector!: string;
}
