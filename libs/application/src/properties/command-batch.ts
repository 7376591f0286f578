// A PATCH that changes built-in fields and custom properties of one record is two commands of its decider: decided
// one after the other and appended together, so the request applies whole or not at all under one revision.
import type { Command, Decider, DomainEvent } from '#domain/shared';

export type CommandBatch<C extends Command> = Command<'CommandBatch', readonly C[]>;

/** The commands as one; its metadata is the first command's (they are built from one request). */
export const commandBatch = <C extends Command>(commands: readonly [C, ...C[]]): CommandBatch<C> => ({
  type: 'CommandBatch',
  data: commands,
  metadata: commands[0].metadata,
});

/** Decides each command of a batch on the state the ones before it leave. */
export const batchDecider = <C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>): Decider<CommandBatch<C>, E, S> => ({
  decide: ({ data: commands }, state) => {
    const decided: E[] = [];
    let current = state;
    for (const command of commands) {
      const events = decider.decide(command, current);
      decided.push(...events);
      current = events.reduce(decider.evolve, current);
    }
    return decided;
  },
  evolve: decider.evolve,
  initialState: decider.initialState,
});
