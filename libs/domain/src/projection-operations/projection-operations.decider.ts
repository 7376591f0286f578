import { assertNever, ruleViolated, type Decider } from '../shared/index.js';
import type { ProjectionOperationsCommand } from './projection-operations.commands.js';
import type { ProjectionOperationsEvent } from './projection-operations.events.js';

/** The events skipped so far, as `<buildVersion>:<eventId>`. */
export type ProjectionOperationsState = Readonly<{ skipped: ReadonlySet<string> }>;

const skipKey = (buildVersion: number, eventId: string): string => `${buildVersion}:${eventId}`;

export const projectionOperationsDecider: Decider<ProjectionOperationsCommand, ProjectionOperationsEvent, ProjectionOperationsState> = {
  decide: (command, state) => {
    switch (command.type) {
      case 'SkipProjectionEvent': {
        const reason = command.data.reason.trim();
        if (reason === '') throw ruleViolated('reason-required', 'say why the event is skipped: the read model will lack it');
        // A re-sent skip (after a crash before the build resumed) is the same decision, not a second one.
        if (state.skipped.has(skipKey(command.data.buildVersion, command.data.eventId))) return [];
        return [{ type: 'ProjectionEventSkipped', data: { ...command.data, reason } }];
      }
      default:
        return assertNever(command.type);
    }
  },
  evolve: (state, event) => {
    switch (event.type) {
      case 'ProjectionEventSkipped':
        return { skipped: new Set([...state.skipped, skipKey(event.data.buildVersion, event.data.eventId)]) };
      default:
        return assertNever(event.type);
    }
  },
  initialState: () => ({ skipped: new Set() }),
};
