// The per-rep activity views the rep-activity projection maintains.
import { Column, Entity, PrimaryColumn } from 'typeorm';

@Entity({ name: 'rep_activity_daily', synchronize: false })
export class RepActivityDay {
  @PrimaryColumn({ name: 'owner_id', type: 'text' }) ownerId!: string;
  /** UTC day, YYYY-MM-DD. */
  @PrimaryColumn({ type: 'date' }) day!: string;
  @Column({ type: 'int' }) emails!: number;
  @Column({ type: 'int' }) calls!: number;
  @Column({ type: 'int' }) meetings!: number;
  @Column({ type: 'int' }) notes!: number;
  @Column({ name: 'tasks_created', type: 'int' }) tasksCreated!: number;
  @Column({ name: 'tasks_completed', type: 'int' }) tasksCompleted!: number;
  @Column({ name: 'deals_created', type: 'int' }) dealsCreated!: number;
  @Column({ name: 'deals_won', type: 'int' }) dealsWon!: number;
  @Column({ name: 'tickets_closed', type: 'int' }) ticketsClosed!: number;
}

@Entity({ name: 'rep_activity_won_amounts', synchronize: false })
export class RepActivityWonAmount {
  @PrimaryColumn({ name: 'owner_id', type: 'text' }) ownerId!: string;
  @PrimaryColumn({ type: 'date' }) day!: string;
  @PrimaryColumn({ type: 'char', length: 3 }) currency!: string;
  @Column({ name: 'deals_won', type: 'int' }) dealsWon!: number;
  /** numeric(20,2): arrives as a string so no cent is lost on the way. */
  @Column({ type: 'numeric' }) amount!: string;
}

export const REP_ACTIVITY_ENTITIES = [RepActivityDay, RepActivityWonAmount];
