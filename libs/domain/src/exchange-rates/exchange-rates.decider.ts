// Decides publications of exchange rates (one stream per date) and the workspace's reporting currency (one settings
// stream). Republishing the set already in force for a date and base, or setting the currency already set, records
// nothing: a nightly feed may resend the same day.
import { assertNever, CURRENCY_RULE, isCurrencyCode, ruleViolated, type Decider } from '../shared/index.js';
import type { ExchangeRatesCommand, ReportingCurrencyCommand } from './exchange-rates.commands.js';
import type { ExchangeRatesEvent, ReportingCurrencyEvent } from './exchange-rates.events.js';
import { checkPublication, sameRates } from './exchange-rates.rules.js';

/** The rates of one date, by base: each base's latest publication. */
export type ExchangeRatesState = Readonly<{ date: string | null; byBase: Readonly<Record<string, Readonly<Record<string, string>>>> }>;

export const exchangeRatesDecider: Decider<ExchangeRatesCommand, ExchangeRatesEvent, ExchangeRatesState> = {
  decide: (command, state) => {
    switch (command.type) {
      case 'PublishExchangeRates': {
        const checked = checkPublication(command.data);
        if (!checked.ok) {
          const [first] = checked.problems;
          throw ruleViolated('invalid-exchange-rates', `${first.field}: ${first.reason}`, { fields: checked.problems });
        }
        const { date, base, rates } = checked.publication;
        // A stream holds one date: the application names it after the date, this keeps a mistake from mixing two.
        if (state.date !== null && state.date !== date) {
          throw ruleViolated('exchange-rates-date', `this stream holds the rates of ${state.date}, not ${date}`, { date: state.date });
        }
        const current = state.byBase[base];
        if (current !== undefined && sameRates(current, rates)) return [];
        return [{ type: 'ExchangeRatesPublished', data: { date, base, rates } }];
      }
      default:
        return assertNever(command.type);
    }
  },
  evolve: (state, event) => {
    switch (event.type) {
      case 'ExchangeRatesPublished':
        return { date: event.data.date, byBase: { ...state.byBase, [event.data.base]: event.data.rates } };
      default:
        return assertNever(event.type);
    }
  },
  initialState: () => ({ date: null, byBase: {} }),
};

export type ReportingCurrencyState = Readonly<{ currency: string | null }>;

export const reportingCurrencyDecider: Decider<ReportingCurrencyCommand, ReportingCurrencyEvent, ReportingCurrencyState> = {
  decide: (command, state) => {
    switch (command.type) {
      case 'SetReportingCurrency': {
        const { currency } = command.data;
        if (!isCurrencyCode(currency)) throw ruleViolated('invalid-currency', `currency must be ${CURRENCY_RULE}`, { field: 'currency' });
        if (currency === state.currency) return [];
        return [{ type: 'ReportingCurrencySet', data: { currency, previous: state.currency } }];
      }
      default:
        return assertNever(command.type);
    }
  },
  evolve: (_state, event) => {
    switch (event.type) {
      case 'ReportingCurrencySet':
        return { currency: event.data.currency };
      default:
        return assertNever(event.type);
    }
  },
  initialState: () => ({ currency: null }),
};
