import { DeciderSpecification } from '../shared/decider-specification.js';
import {
  propertyDefinitionDecider,
  type ChangePropertyDefinition,
  type DefineProperty,
  type PropertyDefined,
  type PropertyDefinitionRemoved,
} from './index.js';

const metadata = { now: '2024-05-01T10:00:00.000Z' };
const given = DeciderSpecification.for(propertyDefinitionDecider);

const define = (data: Partial<DefineProperty['data']> = {}): DefineProperty => ({
  type: 'DefineProperty',
  data: { objectType: 'deal', name: 'advertiser_id', label: ' Advertiser ID ', type: 'string', unique: true, ...data },
  metadata,
});
const change = (data: Partial<ChangePropertyDefinition['data']>): ChangePropertyDefinition => ({
  type: 'ChangePropertyDefinition',
  data: { objectType: 'deal', name: 'advertiser_id', ...data },
  metadata,
});
const advertiserDefined: PropertyDefined = {
  type: 'PropertyDefined',
  data: { objectType: 'deal', name: 'advertiser_id', label: 'Advertiser ID', type: 'string', options: [], unique: true },
};
const gold = { value: 'gold', label: 'Gold' };
const silver = { value: 'silver', label: 'Silver' };
const tierDefined: PropertyDefined = {
  type: 'PropertyDefined',
  data: { objectType: 'deal', name: 'tier', label: 'Tier', type: 'enum', options: [gold, silver], unique: false },
};
const advertiserRemoved: PropertyDefinitionRemoved = { type: 'PropertyDefinitionRemoved', data: { objectType: 'deal', name: 'advertiser_id' } };

describe('property definition decider', () => {
  describe('DefineProperty', () => {
    it('defines a property with a trimmed label', () => {
      given([]).when(define()).then([advertiserDefined]);
    });

    it('defines an enum with its options, trimmed', () => {
      given([])
        .when(define({ name: 'tier', label: 'Tier', type: 'enum', unique: false, options: [{ value: ' gold ', label: ' Gold ' }, silver] }))
        .then([tierDefined]);
    });

    it('defaults to no options and not unique', () => {
      given([])
        .when({ type: 'DefineProperty', data: { objectType: 'contact', name: 'renewal_on', label: 'Renewal', type: 'date' }, metadata })
        .then([{ type: 'PropertyDefined', data: { objectType: 'contact', name: 'renewal_on', label: 'Renewal', type: 'date', options: [], unique: false } }]);
    });

    it('refuses a name already defined for the type', () => {
      given([advertiserDefined]).when(define()).thenThrows('ALREADY_EXISTS');
    });

    it('lets a removed name be defined again, with another type', () => {
      given([advertiserDefined, advertiserRemoved])
        .when(define({ type: 'number', unique: false }))
        .then([{ type: 'PropertyDefined', data: { ...advertiserDefined.data, type: 'number', unique: false } }]);
    });

    it.each([['Advertiser'], ['1st'], ['_x'], ['a-b'], ['a'.repeat(65)], [''], ['tier ']])('refuses the name %j', (name) => {
      given([]).when(define({ name })).thenThrows('RULE_VIOLATED', 'invalid-property-name');
    });

    it.each([
      ['contact', 'email'],
      ['contact', 'firstname'],
      ['contact', 'lifecyclestage'],
      ['company', 'domain'],
      ['company', 'employees'],
      ['deal', 'amount'],
      ['deal', 'closedate'],
      ['ticket', 'priority'],
      ['ticket', 'contactids'],
      ['ticket', 'constructor'],
    ] as const)('refuses a %s property named like the built-in field %s, in any case', (objectType, name) => {
      given([]).when(define({ objectType, name })).thenThrows('RULE_VIOLATED', 'reserved-property-name');
    });

    it('refuses a blank or over-long label', () => {
      given([]).when(define({ label: '  ' })).thenThrows('RULE_VIOLATED', 'invalid-text');
      given([]).when(define({ label: 'x'.repeat(201) })).thenThrows('RULE_VIOLATED', 'invalid-text');
    });

    it('refuses an enum without options', () => {
      given([]).when(define({ type: 'enum', unique: false, options: [] })).thenThrows('RULE_VIOLATED', 'enum-options');
      given([]).when(define({ type: 'enum', unique: false })).thenThrows('RULE_VIOLATED', 'enum-options');
    });

    it('refuses an enum listing a value twice, in any case', () => {
      given([])
        .when(define({ type: 'enum', unique: false, options: [gold, { value: 'Gold ', label: 'Gold again' }] }))
        .thenThrows('RULE_VIOLATED', 'duplicate-option');
    });

    it('refuses an option with a blank value or label', () => {
      given([]).when(define({ type: 'enum', unique: false, options: [{ value: ' ', label: 'Blank' }] })).thenThrows('RULE_VIOLATED', 'invalid-text');
      given([]).when(define({ type: 'enum', unique: false, options: [{ value: 'x', label: '' }] })).thenThrows('RULE_VIOLATED', 'invalid-text');
    });

    it('refuses options on a property that is no enum', () => {
      given([]).when(define({ options: [gold] })).thenThrows('RULE_VIOLATED', 'options-for-enum-only');
    });

    it.each([['boolean'], ['enum'], ['date'], ['datetime']] as const)('refuses a unique %s property', (type) => {
      given([]).when(define({ type, options: type === 'enum' ? [gold] : [] })).thenThrows('RULE_VIOLATED', 'unique-not-supported');
    });

    it('refuses an unknown type from untyped code', () => {
      given([])
        .when(define({ type: 'money' as never, unique: false }))
        .thenThrows('RULE_VIOLATED', 'invalid-property-type');
    });
  });

  describe('ChangePropertyDefinition', () => {
    it('records each changed setting with its previous value', () => {
      given([tierDefined])
        .when(change({ name: 'tier', label: 'Customer tier', options: [gold, silver, { value: 'bronze', label: 'Bronze' }] }))
        .then([
          {
            type: 'PropertyDefinitionChanged',
            data: {
              objectType: 'deal',
              name: 'tier',
              changes: [
                { field: 'label', previous: 'Tier', value: 'Customer tier' },
                { field: 'options', previous: [gold, silver], value: [gold, silver, { value: 'bronze', label: 'Bronze' }] },
              ],
            },
          },
        ]);
    });

    it('records nothing when nothing changes, options compared by content', () => {
      given([tierDefined]).when(change({ name: 'tier', label: ' Tier ', options: [{ ...gold }, { ...silver }] })).then([]);
    });

    it('changes from the latest definition', () => {
      given([
        tierDefined,
        { type: 'PropertyDefinitionChanged', data: { objectType: 'deal', name: 'tier', changes: [{ field: 'label', previous: 'Tier', value: 'Level' }] } },
      ])
        .when(change({ name: 'tier', label: 'Tier' }))
        .then([
          { type: 'PropertyDefinitionChanged', data: { objectType: 'deal', name: 'tier', changes: [{ field: 'label', previous: 'Level', value: 'Tier' }] } },
        ]);
    });

    it('turns unique off', () => {
      given([advertiserDefined])
        .when(change({ unique: false }))
        .then([
          {
            type: 'PropertyDefinitionChanged',
            data: { objectType: 'deal', name: 'advertiser_id', changes: [{ field: 'unique', previous: true, value: false }] },
          },
        ]);
    });

    it('refuses turning unique on after the definition', () => {
      given([{ ...advertiserDefined, data: { ...advertiserDefined.data, unique: false } }])
        .when(change({ unique: true }))
        .thenThrows('RULE_VIOLATED', 'unique-after-definition');
    });

    it('checks new options as a definition does', () => {
      given([tierDefined]).when(change({ name: 'tier', options: [] })).thenThrows('RULE_VIOLATED', 'enum-options');
      given([advertiserDefined]).when(change({ options: [gold] })).thenThrows('RULE_VIOLATED', 'options-for-enum-only');
    });

    it('refuses to change a property never defined or removed', () => {
      given([]).when(change({ label: 'x' })).thenThrows('NOT_FOUND');
      given([advertiserDefined, advertiserRemoved]).when(change({ label: 'x' })).thenThrows('NOT_FOUND');
    });
  });

  describe('RemovePropertyDefinition', () => {
    const remove = { type: 'RemovePropertyDefinition', data: { objectType: 'deal', name: 'advertiser_id' }, metadata } as const;

    it('removes a defined property', () => {
      given([advertiserDefined]).when(remove).then([advertiserRemoved]);
    });

    it('refuses to remove a property that is not defined', () => {
      given([]).when(remove).thenThrows('NOT_FOUND');
      given([advertiserDefined, advertiserRemoved]).when(remove).thenThrows('NOT_FOUND');
    });
  });

  describe('state', () => {
    it('keeps removed definitions, flagged, and replaces them on a new definition', () => {
      const removed = [advertiserDefined, advertiserRemoved].reduce(propertyDefinitionDecider.evolve, propertyDefinitionDecider.initialState());
      expect(removed.definitions.get('advertiser_id')).toMatchObject({ removed: true, type: 'string' });
      const redefined = propertyDefinitionDecider.evolve(removed, { type: 'PropertyDefined', data: { ...advertiserDefined.data, type: 'number' } });
      expect(redefined.definitions.get('advertiser_id')).toMatchObject({ removed: false, type: 'number' });
    });
  });
});
