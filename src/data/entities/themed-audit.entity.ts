import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A multi-agency themed audit (neglect, children in need, missing children, …). */
@Entity('audits')
export class ThemedAudit {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  /** the audit's theme, e.g. `Neglect` */
  @Column({ type: String, length: 100 })
  theme!: string;

  @Column({ type: String, length: 200 })
  title!: string;

  /** `YYYY-MM-DD`, the start of the period the audit looks at */
  @Column({ name: 'period_start', type: String, length: 10, nullable: true })
  periodStart!: string | null;

  /** `YYYY-MM-DD` */
  @Column({ name: 'period_end', type: String, length: 10, nullable: true })
  periodEnd!: string | null;

  /** agency codes taking part */
  @Column({ name: 'agencies_json', type: 'simple-json' })
  agencies!: string[];

  /** the audit team: `{name, agency, aadObjectId?}` */
  @Column({ name: 'team_json', type: 'simple-json' })
  team!: { name: string; agency: string | null; aadObjectId?: string | null }[];

  /** planned, in_progress or completed */
  @Column({ type: String, length: 20 })
  status!: string;

  @Column({ name: 'created_by', type: String, length: 100 })
  createdBy!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
