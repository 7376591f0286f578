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

/** One function per command type. The map must name every type, so a new command fails the build as a `never` check would. */
export type CommandHandlers<C extends Command, S, E extends DomainEvent> = Readonly<{
  [T in C['type']]: (command: Extract<C, Readonly<{ type: T }>>, state: S) => readonly E[];
}>;

/** `decide` for a decider whose every case only hands the command to its own function. */
export const decideByType =
  <C extends Command, S, E extends DomainEvent>(handlers: CommandHandlers<C, S, E>) =>
  (command: C, state: S): readonly E[] => {
    // A type from untyped code fails as a switch's never check does, and never reaches Object.prototype.
    if (!Object.hasOwn(handlers, command.type)) return assertNever(command as never);
    // The map pairs each type with its own command; TypeScript cannot follow that through the lookup.
    return (handlers[command.type as C['type']] as (command: C, state: S) => readonly E[])(command, state);
  };
