import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last number handed out in one reference series, e.g. scope `notification:2026`. */
@Entity('reference_counters')
export class ReferenceCounter {
  @PrimaryColumn({ type: String, length: 60 })
  scope!: string;

  @Column({ type: Number })
  counter!: number;
}
