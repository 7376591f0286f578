// The built-in formula used until a workspace saves its own. Frozen: its id is the hash of this content.
import type { Formula } from './formula.js';

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
};

export const DEFAULT_FORMULA: Formula = deepFreeze({
  name: 'Q4 scoring',
  thresholds: { mql: 40, sql: 70 },
  limit: 100,
  groups: [
    {
      id: 'fit',
      kind: 'fit',
      limit: 40,
      rules: [
        {
          id: 'senior-title',
          points: 15,
          when: { property: 'jobTitle', op: 'matches', value: '\\b(vp|director|head)\\b', flags: 'i' },
        },
        { id: 'student', points: -20, when: { property: 'jobTitle', op: 'contains', value: 'student' } },
      ],
    },
    {
      id: 'engagement',
      kind: 'engagement',
      limit: 60,
      rules: [
        {
          id: 'pricing-page',
          points: 5,
          maxPoints: 20,
          decay: { halfLifeDays: 30 },
          when: { event: 'PageViewed', where: [{ field: 'url', op: 'contains', value: '/pricing' }] },
        },
        {
          id: 'demo-request',
          points: 30,
          when: { event: 'FormSubmitted', where: [{ field: 'formId', op: 'equals', value: 'demo' }] },
        },
        { id: 'email-click', points: 3, maxPoints: 15, withinDays: 90, when: { event: 'MarketingEmailClicked' } },
      ],
    },
  ],
});
