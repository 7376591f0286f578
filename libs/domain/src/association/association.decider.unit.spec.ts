import { DeciderSpecification } from '../shared/decider-specification.js';
import {
  associationDecider,
  type AssociateRecords,
  type DissociateRecords,
  type RecordRef,
  type RecordsAssociated,
  type RecordsDissociated,
} from './index.js';

const metadata = { now: '2026-05-01T10:00:00.000Z' };
const given = DeciderSpecification.for(associationDecider);

const contact: RecordRef = { type: 'contact', id: 'c1' };
const company: RecordRef = { type: 'company', id: 'co1' };

const associate = (label: string | null, from = company, to = contact): AssociateRecords => ({ type: 'AssociateRecords', data: { from, to, label }, metadata });
const dissociate = (label?: string | null): DissociateRecords => ({
  type: 'DissociateRecords',
  data: label === undefined ? { from: contact, to: company } : { from: contact, to: company, label },
  metadata,
});
const associated = (label: string | null): RecordsAssociated => ({ type: 'RecordsAssociated', data: { from: contact, to: company, label } });
const dissociated = (label: string | null): RecordsDissociated => ({ type: 'RecordsDissociated', data: { from: contact, to: company, label } });

describe('association decider', () => {
  describe('AssociateRecords', () => {
    it('associates two records in canonical order, whichever order the command names them in', () => {
      given([]).when(associate(null)).then([associated(null)]);
    });

    it('stores a label trimmed, next to the labels the pair already has', () => {
      given([associated(null)]).when(associate('  Billing contact ')).then([associated('Billing contact')]);
    });

    it('records nothing when the pair already has the label', () => {
      given([associated('Billing contact')]).when(associate('Billing contact')).then([]);
      given([associated(null)]).when(associate(null)).then([]);
    });

    it('associates again after a dissociation', () => {
      given([associated('Champion'), dissociated('Champion')]).when(associate('Champion')).then([associated('Champion')]);
    });

    it('refuses two records of one object type', () => {
      given([]).when(associate(null, company, { type: 'company', id: 'co2' })).thenThrows('RULE_VIOLATED', 'association-same-type');
    });

    it('refuses an unknown object type', () => {
      given([]).when(associate(null, company, { type: 'lead', id: 'l1' } as unknown as RecordRef)).thenThrows('RULE_VIOLATED', 'association-object-type');
    });

    it('refuses a blank label, a label over 100 characters and the reserved primary label', () => {
      given([]).when(associate('  ')).thenThrows('RULE_VIOLATED', 'association-label-blank');
      given([]).when(associate('x'.repeat(101))).thenThrows('RULE_VIOLATED', 'association-label-too-long');
      given([]).when(associate(' Primary ')).thenThrows('RULE_VIOLATED', 'association-label-reserved');
    });

    it('counts a label in characters, not UTF-16 units', () => {
      given([]).when(associate('𝔘'.repeat(100))).then([associated('𝔘'.repeat(100))]);
    });
  });

  describe('DissociateRecords', () => {
    it('removes one label and keeps the others', () => {
      given([associated(null), associated('Champion')]).when(dissociate(' Champion ')).then([dissociated('Champion')]);
    });

    it('removes the plain association only when the label is null', () => {
      given([associated(null), associated('Champion')]).when(dissociate(null)).then([dissociated(null)]);
    });

    it('removes every label of the pair when none is named', () => {
      given([associated(null), associated('Champion'), associated('Billing')]).when(dissociate()).then([
        dissociated(null),
        dissociated('Champion'),
        dissociated('Billing'),
      ]);
    });

    it('records nothing when the pair does not have the label, or nothing at all', () => {
      given([associated(null)]).when(dissociate('Champion')).then([]);
      given([associated('Champion'), dissociated('Champion')]).when(dissociate()).then([]);
    });

    it('refuses a same-type pair and the reserved label', () => {
      given([]).when({ ...dissociate(), data: { from: contact, to: { type: 'contact', id: 'c2' } } }).thenThrows('RULE_VIOLATED', 'association-same-type');
      given([]).when(dissociate('primary')).thenThrows('RULE_VIOLATED', 'association-label-reserved');
    });
  });
});
