// Stores the rates in force per publication date and the reporting currency: one statement deletes the replaced
// (date, base) sets, one writes their new rows, one replaces the reporting currency; the history tables keep every
// publication and setting. Applying a batch again (a lost checkpoint) writes the same rows.
import type { RecordedEvent } from '#event-store';
import type { ProjectionDefinition } from '#projection-engine';
import { fieldColumns, writeRows } from '../pg-rows.js';
import { pgDay } from '../pg-values.js';
import {
  EXCHANGE_RATES_EVENT_TYPES,
  reduceExchangeRates,
  type ExchangeRatesReadEvent,
  type PublicationRow,
  type RateRow,
  type ReportingCurrencySetRow,
  type ReportingCurrencyRow,
  type TimedRatesEvent,
} from './exchange-rates.projection.js';
import { EXCHANGE_RATES_SCHEMA, EXCHANGE_RATES_TABLES as T } from './exchange-rates.tables.js';

// The filter lets only these types through; their data was validated against the catalog at append time.
const asRatesEvent = (event: RecordedEvent): TimedRatesEvent => ({
  id: event.id,
  event: { type: event.type, data: event.data } as ExchangeRatesReadEvent,
  occurredAt: event.metadata.occurredAt,
  revision: event.revision,
});

const RATE_COLUMNS = fieldColumns<RateRow>({
  rateDate: 'date', base: 'text', quote: 'text', rate: 'numeric', eventId: 'uuid', publishedAt: 'timestamptz',
});

const CURRENCY_COLUMNS = fieldColumns<ReportingCurrencyRow>({ singleton: 'boolean', currency: 'text', previous: 'text', eventId: 'uuid', setAt: 'timestamptz' });

const PUBLICATION_COLUMNS = fieldColumns<PublicationRow>({
  rateDate: 'date', base: 'text', quote: 'text', rate: 'numeric', eventId: 'uuid', revision: 'int', occurredAt: 'timestamptz',
});

const CURRENCY_SET_COLUMNS = fieldColumns<ReportingCurrencySetRow>({ eventId: 'uuid', currency: 'text', previous: 'text', revision: 'int', occurredAt: 'timestamptz' });

export const exchangeRatesProjection: ProjectionDefinition = {
  ...EXCHANGE_RATES_SCHEMA,
  // 2: every publication and reporting currency kept with its business time, for the answers as of a past instant.
  codeVersion: 2,
  filter: { eventTypes: EXCHANGE_RATES_EVENT_TYPES },
  apply: async (events, { tx, table }) => {
    const { replaced, rates, reportingCurrency, publications, reportingCurrencies } = reduceExchangeRates(events.map(asRatesEvent));
    if (replaced.length > 0) {
      await tx.query(
        `DELETE FROM ${table(T.rates)} AS r USING unnest($1::date[], $2::text[]) AS x(rate_date, base)
          WHERE r.rate_date = x.rate_date AND r.base = x.base`,
        [replaced.map((r) => pgDay(r.rateDate)), replaced.map((r) => r.base)],
      );
    }
    await writeRows(tx, table(T.rates), RATE_COLUMNS, rates);
    if (reportingCurrency !== null) {
      await writeRows(tx, table(T.reportingCurrency), CURRENCY_COLUMNS, [reportingCurrency], { key: ['singleton'], then: 'replace' });
    }
    // Kept by event: a batch applied again replaces its own rows, so nothing is written twice.
    const publicationIds = [...new Set(publications.map((row) => row.eventId))];
    if (publicationIds.length > 0) await tx.query(`DELETE FROM ${table(T.publications)} WHERE event_id = ANY($1::uuid[])`, [publicationIds]);
    await writeRows(tx, table(T.publications), PUBLICATION_COLUMNS, publications);
    await writeRows(tx, table(T.reportingCurrencies), CURRENCY_SET_COLUMNS, reportingCurrencies, { key: ['event_id'], then: 'nothing' });
  },
};
