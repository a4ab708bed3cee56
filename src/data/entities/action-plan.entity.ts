import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** An action plan produced by a review, an audit, a Section 11 assessment or an evaluation. */
@Entity('action_plans')
export class ActionPlan {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  /** review, audit, section11 or evaluation */
  @Column({ name: 'source_type', type: String, length: 20 })
  sourceType!: string;

  /** the source's reference, e.g. a review's case reference or an audit's code */
  @Column({ name: 'source_ref', type: String, length: 100 })
  sourceRef!: string;

  @Column({ type: String, length: 300 })
  title!: string;

  @Column({ name: 'created_at', type: Date })
  createdAt!: Date;

  /** Entra object id of the creator, or `system` */
  @Column({ name: 'created_by', type: String, length: 100 })
  createdBy!: string;
}
