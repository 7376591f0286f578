import { DEFAULT_FORMULA, formulaId } from '#scoring';
import { contactCreated, inStream, runEngine, type SpecEvent } from '../projection-spec.spec-helper.js';
import { leadScoreProjection } from './lead-score.persistence.js';
import { qualificationChanges } from './lead-score.queries.js';

const day = (n: number) => `2026-05-${String(n).padStart(2, '0')}T09:00:00.000Z`;
const demoRequest = (contactId: string, occurredAt: string): SpecEvent => ({ type: 'FormSubmitted', data: { contactId, formId: 'demo', fields: {} }, metadata: { occurredAt } });

describe('lead-score qualification changes query', () => {
  it('answers the changes in a window of positions, in log order, with the build position', async () => {
    const history = [
      ...['ann', 'bo', 'cy'].flatMap((id) => inStream(`contact-${id}`, contactCreated(id, day(1), { jobTitle: 'VP Sales' }))),
      ...['cy', 'ann', 'bo'].flatMap((id, n) => inStream(`activity-${id}`, demoRequest(id, day(2 + n)))),
    ];
    await runEngine(leadScoreProjection, history, async (pool) => {
      const all = await qualificationChanges(pool, null, '9223372036854775807', 10);
      expect(all.position).not.toBeNull();
      expect(all.data.map((c) => [c.contactId, c.previous, c.qualification, c.formulaId, c.total])).toEqual([
        ['cy', 'none', 'mql', formulaId(DEFAULT_FORMULA), 45],
        ['ann', 'none', 'mql', formulaId(DEFAULT_FORMULA), 45],
        ['bo', 'none', 'mql', formulaId(DEFAULT_FORMULA), 45],
      ]);
      const [first, second, third] = all.data;
      expect((await qualificationChanges(pool, first.position, third.position, 10)).data.map((c) => c.contactId)).toEqual(['ann', 'bo']);
      expect((await qualificationChanges(pool, null, second.position, 10)).data.map((c) => c.contactId)).toEqual(['cy', 'ann']);
      expect((await qualificationChanges(pool, null, third.position, 1)).data.map((c) => c.eventId)).toEqual([first.eventId]);
      expect(first.occurredAt).toBe(day(2));
    });
  });
});
