import { DeciderSpecification } from '../shared/decider-specification.js';
import { projectionOperationsDecider, type ProjectionEventSkipped, type SkipProjectionEvent } from './index.js';

const given = DeciderSpecification.for(projectionOperationsDecider);
const data = { projection: 'pipeline-health', buildVersion: 3, eventId: 'e-1', position: '42', reason: 'amount beyond any column' };
const skip = (overrides: Partial<SkipProjectionEvent['data']> = {}): SkipProjectionEvent => ({
  type: 'SkipProjectionEvent',
  data: { ...data, ...overrides },
  metadata: { now: '2026-03-01T00:00:00.000Z' },
});
const skipped: ProjectionEventSkipped = { type: 'ProjectionEventSkipped', data };

describe('projection operations', () => {
  it('records a skip with its reason', () => {
    given([]).when(skip({ reason: '  amount beyond any column ' })).then([skipped]);
  });

  it('refuses a skip without a reason', () => {
    given([]).when(skip({ reason: '   ' })).thenThrows('RULE_VIOLATED', 'reason-required');
  });

  it('records a re-sent skip once', () => {
    given([skipped]).when(skip({ reason: 'again' })).then([]);
  });

  it('skips the same event again for another build', () => {
    given([skipped]).when(skip({ buildVersion: 4 })).then([{ type: 'ProjectionEventSkipped', data: { ...data, buildVersion: 4 } }]);
  });
});
