import { createHash } from 'node:crypto';
import { DeciderSpecification } from '../shared/decider-specification.js';
import {
  propertyValueKey,
  uniqueValueDecider,
  uniqueValueStream,
  type ClaimUniqueValue,
  type ReleaseUniqueValue,
  type UniqueValueClaimed,
  type UniqueValueReleased,
} from './index.js';

const metadata = { now: '2024-05-01T10:00:00.000Z' };
const given = DeciderSpecification.for(uniqueValueDecider);

const claimBy = (ownerId: string, value = ' Ada@Example.com'): ClaimUniqueValue => ({
  type: 'ClaimUniqueValue',
  data: { kind: 'contact-email', value, ownerId },
  metadata,
});
const releaseBy = (ownerId: string): ReleaseUniqueValue => ({
  type: 'ReleaseUniqueValue',
  data: { kind: 'contact-email', value: 'ada@example.com', ownerId },
  metadata,
});
const claimedByC1: UniqueValueClaimed = { type: 'UniqueValueClaimed', data: { kind: 'contact-email', value: 'ada@example.com', ownerId: 'c1' } };
const releasedByC1: UniqueValueReleased = { type: 'UniqueValueReleased', data: claimedByC1.data };

describe('unique value decider', () => {
  describe('ClaimUniqueValue', () => {
    it('claims a free value, normalized', () => {
      given([]).when(claimBy('c1')).then([claimedByC1]);
    });

    it('normalizes company domains', () => {
      given([])
        .when({ type: 'ClaimUniqueValue', data: { kind: 'company-domain', value: 'https://www.Acme.com/', ownerId: 'co1' }, metadata })
        .then([{ type: 'UniqueValueClaimed', data: { kind: 'company-domain', value: 'acme.com', ownerId: 'co1' } }]);
    });

    it('normalizes custom property values as identity text', () => {
      given([])
        .when({ type: 'ClaimUniqueValue', data: { kind: 'property-value', value: propertyValueKey('deal', 'advertiser_id', ' ADV-7 '), ownerId: 'd1' }, metadata })
        .then([{ type: 'UniqueValueClaimed', data: { kind: 'property-value', value: 'deal.advertiser_id:adv-7', ownerId: 'd1' } }]);
    });

    it('records nothing when the owner claims again', () => {
      given([claimedByC1]).when(claimBy('c1')).then([]);
    });

    it('rejects a claim by another record, naming the holder', () => {
      given([claimedByC1]).when(claimBy('c2')).thenThrows('ALREADY_EXISTS');
      expect(() => uniqueValueDecider.decide(claimBy('c2'), { claimedBy: 'c1' })).toThrow(
        expect.objectContaining({ code: 'ALREADY_EXISTS', details: { existingId: 'c1' } }),
      );
    });

    it('rejects claiming a blank value', () => {
      given([]).when(claimBy('c1', '  ')).thenThrows('RULE_VIOLATED', 'blank-value');
    });

    it('lets another record claim a released value', () => {
      given([claimedByC1, releasedByC1])
        .when(claimBy('c2'))
        .then([{ type: 'UniqueValueClaimed', data: { ...claimedByC1.data, ownerId: 'c2' } }]);
    });
  });

  describe('ReleaseUniqueValue', () => {
    it('releases the value held by the owner', () => {
      given([claimedByC1]).when(releaseBy('c1')).then([releasedByC1]);
    });

    it('records nothing when the value is not held', () => {
      given([claimedByC1, releasedByC1]).when(releaseBy('c1')).then([]);
    });

    it('rejects a release by another record', () => {
      given([claimedByC1]).when(releaseBy('c2')).thenThrows('RULE_VIOLATED', 'claimed-by-another');
    });
  });
});

describe('uniqueValueStream', () => {
  it('names the stream by kind and the sha256 of the normalized value', () => {
    const hash = createHash('sha256').update('ada@example.com').digest('hex');
    expect(uniqueValueStream('contact-email', ' ADA@example.com ')).toBe(`unique-contact-email-${hash}`);
  });

  it('gives equal values one stream, and the same value of another kind another', () => {
    expect(uniqueValueStream('company-domain', 'https://www.acme.com/about')).toBe(uniqueValueStream('company-domain', 'acme.com'));
    expect(uniqueValueStream('contact-email', 'acme.com')).not.toBe(uniqueValueStream('company-domain', 'acme.com'));
  });
});
