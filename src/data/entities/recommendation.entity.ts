import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A recommendation of an action plan; its actions carry it out. */
@Entity('recommendations')
export class Recommendation {
  @PrimaryGeneratedColumn('increment')
  id!: number;

  @Column({ name: 'plan_id', type: Number })
  planId!: number;

  @Column({ name: 'content', type: 'text' })
  text!: string;

  /** 1-based position in the plan */
  @Column({ name: 'sort_order', type: Number })
  order!: number;
}
