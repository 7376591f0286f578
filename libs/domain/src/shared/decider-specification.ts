// given(events).when(command).then(events) / .thenThrows(...): decider specs read as specifications, no mocks.
import { DomainError, type DomainErrorCode } from './errors.js';
import { fold, type Command, type Decider, type DomainEvent } from './decider.js';

export const DeciderSpecification = {
  for<C extends Command, E extends DomainEvent, S>(decider: Decider<C, E, S>) {
    return (given: readonly E[]) => ({
      when: (command: C) => {
        const run = () => decider.decide(command, fold(decider, given));
        return {
          then: (expected: readonly E[]) => expect(run()).toEqual(expected),
          thenThrows: (code: DomainErrorCode, rule?: string) => {
            let caught: unknown;
            try {
              run();
            } catch (error) {
              caught = error;
            }
            expect(caught).toBeInstanceOf(DomainError);
            expect((caught as DomainError).code).toBe(code);
            if (rule !== undefined) expect((caught as DomainError).details.rule).toBe(rule);
          },
        };
      },
    });
  },
};
