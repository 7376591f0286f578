import { specifyStoredShapes, type StoredExamples } from '../shared/stored-shapes.spec-helper.js';
import { exchangeRatesEventDefinitions, type ExchangeRatesEvent, type ReportingCurrencyEvent } from './index.js';

const examples: StoredExamples<ExchangeRatesEvent | ReportingCurrencyEvent> = {
  ExchangeRatesPublished: { date: '2026-01-15', base: 'USD', rates: { EUR: '0.92', JPY: '149.235' } },
  ReportingCurrencySet: { currency: 'EUR', previous: null },
};

specifyStoredShapes('exchange rates event catalog', exchangeRatesEventDefinitions, examples);
