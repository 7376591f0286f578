// Scores re-derived from the contact history (the log alone) and compared with stored ones: what verify, as-of
// scores and explain-as-of answer. Pure: the caller folds the log into a History.
import { scoreContact, eventTypesUsed } from './evaluate.js';
import type { Formula, Qualification, ScoreBreakdown } from './formula.js';
import { propertiesAsOf, scoringEventsOf, type History } from './contact-history.js';

// What the history fold reads besides scorable events: contact properties, merges and deal outcomes.
export const CONTACT_HISTORY_EVENT_TYPES: readonly string[] = [
  'ContactCreated',
  'ContactPropertiesChanged',
  'ContactLifecycleStageChanged',
  'ContactMarketingStatusChanged',
  'ContactOwnerAssigned',
  'ContactAssociatedWithCompany',
  'ContactDissociatedFromCompany',
  'ContactMerged',
  'ContactAbsorbed',
];

export const DEAL_OUTCOME_EVENT_TYPES: readonly string[] = [
  'DealCreated',
  'DealContactAssociated',
  'DealContactDissociated',
  'DealWon',
  'DealLost',
  'DealReopened',
];

/** The event types a fold must read to score with `formulas` (and, with `deals`, to know how deals closed). */
export const historyEventTypes = (formulas: readonly Formula[], options: { deals?: boolean } = {}): string[] =>
  [
    ...new Set([
      ...CONTACT_HISTORY_EVENT_TYPES,
      ...(options.deals ? DEAL_OUTCOME_EVENT_TYPES : []),
      ...formulas.flatMap((formula) => eventTypesUsed(formula)),
    ]),
  ].sort();

/** The formulas' scorable event types: what a History needs to keep per contact. */
export const keepTypesOf = (formulas: readonly Formula[]): ReadonlySet<string> =>
  new Set(formulas.flatMap((formula) => eventTypesUsed(formula)));

/** The contact's score as of `asOf` from the log alone; null when the log never named the contact. */
export const scoreFromHistory = (formula: Formula, history: History, contactId: string, asOf: string): ScoreBreakdown | null => {
  const record = history.contacts.get(contactId);
  if (!record) return null;
  return scoreContact(formula, { properties: propertiesAsOf(record, asOf), events: scoringEventsOf(history, contactId), asOf });
};

export type StoredScore = Readonly<{
  contactId: string;
  fit: number;
  engagement: number;
  total: number;
  qualification: Qualification;
}>;

export type ScoreField = 'total' | 'fit' | 'engagement' | 'qualification';

export type ScoreMismatch = Readonly<{
  contactId: string;
  field: ScoreField | 'formulaId' | 'missing';
  stored: number | string | null;
  derived: number | string | null;
}>;

const FIELDS: readonly ScoreField[] = ['total', 'fit', 'engagement', 'qualification'];

/** Every field where the stored score differs from the derived one (a derived null: the log has no such contact). */
export const scoreMismatches = (stored: StoredScore, derived: ScoreBreakdown | null): ScoreMismatch[] => {
  if (!derived) return [{ contactId: stored.contactId, field: 'missing', stored: stored.total, derived: null }];
  return FIELDS.filter((field) => stored[field] !== derived[field]).map((field) => ({
    contactId: stored.contactId,
    field,
    stored: stored[field],
    derived: derived[field],
  }));
};
