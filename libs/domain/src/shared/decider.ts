// The shape every aggregate follows: pure decide/evolve over plain readonly objects, no I/O and no clock.
export type DomainEvent<Type extends string = string, Data = unknown> = Readonly<{ type: Type; data: Data }>;

export type CommandMetadata = Readonly<{
  /** The clock, read once at the edge. */
  now: string;
  /** Business time of what the command records (imported history, a page view that happened earlier). */
  occurredAt?: string;
}>;

export type Command<Type extends string = string, Data = unknown> = Readonly<{
  type: Type;
  data: Data;
  metadata: CommandMetadata;
}>;

export type Decider<C extends Command, E extends DomainEvent, S> = Readonly<{
  decide: (command: C, state: S) => readonly E[];
  evolve: (state: S, event: E) => S;
  initialState: () => S;
}>;

export const fold = <E extends DomainEvent, S>(decider: Pick<Decider<never, E, S>, 'evolve' | 'initialState'>, events: readonly E[]): S =>
  events.reduce(decider.evolve, decider.initialState());

/** Compile-time exhaustiveness: a new event or command type that a switch forgets fails the build. */
export const assertNever = (value: never): never => {
  throw new Error(`unhandled case: ${JSON.stringify(value)}`);
};
