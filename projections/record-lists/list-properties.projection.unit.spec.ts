import { recordedLog } from '#test/support/events';
import { reduceListProperties } from './list-properties.projection.js';

const T0 = '2026-01-10T09:00:00.000Z';

describe('list properties projection', () => {
  it("keeps one object type's definitions, not other types', removed ones flagged", () => {
    const log = recordedLog();
    const defined = (objectType: string, name: string) =>
      log('PropertyDefined', { objectType, name, label: name, type: 'string', options: [], unique: false }, T0, `property-definitions-${objectType}`);
    const changed = reduceListProperties(new Map(), 'deal', [
      defined('deal', 'advertiser_id'),
      defined('ticket', 'queue'),
      defined('deal', 'segment'),
      log('PropertyDefinitionRemoved', { objectType: 'deal', name: 'segment' }, T0, 'property-definitions-deal'),
    ]);
    expect(changed.map((d) => [d.name, d.type, d.removed])).toEqual([
      ['advertiser_id', 'string', false],
      ['segment', 'string', true],
    ]);
  });
});
