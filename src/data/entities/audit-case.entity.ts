import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** One case sampled by a themed audit, known only by an anonymised reference, with its grades. */
@Entity('audit_cases')
export class AuditCase {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  @Column({ name: 'audit_id', type: Number })
  auditId!: number;

  /** anonymised case identifier (never a name), unique within the audit */
  @Column({ name: 'case_ref', type: String, length: 40 })
  caseRef!: string;

  /** grade per domain: outstanding, good, requires_improvement or inadequate */
  @Column({ name: 'grades_json', type: 'simple-json' })
  grades!: Record<string, string>;

  @Column({ name: 'what_worked_well', type: 'text', nullable: true })
  whatWorkedWell!: string | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  @Column({ name: 'updated_at', type: Date })
  updatedAt!: Date;
}
