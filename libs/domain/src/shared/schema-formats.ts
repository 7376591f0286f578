// The formats the event schemas name, checked by the same rules as commands at the edge, so a raw imported event
// is held to what a command could have produced. Plain JSON Schema readers see them as annotations.
import { isCurrencyCode, isDecimalAmount } from './money.js';
import { isCalendarDate, isInstant } from './time.js';

type StringFormat = Readonly<{ type: 'string'; validate: (value: string) => boolean }>;
type NumberFormat = Readonly<{ type: 'number'; validate: (value: number) => boolean }>;

export const EVENT_SCHEMA_FORMATS: Readonly<Record<string, StringFormat | NumberFormat>> = {
  'date-time': { type: 'string', validate: (value) => isInstant(value) },
  date: { type: 'string', validate: isCalendarDate },
  currency: { type: 'string', validate: isCurrencyCode },
  money: { type: 'string', validate: isDecimalAmount },
};

/** Teaches an Ajv instance the formats above (anything with Ajv's addFormat). */
export const addEventSchemaFormats = <T extends { addFormat(name: string, format: StringFormat | NumberFormat): unknown }>(ajv: T): T => {
  for (const [name, format] of Object.entries(EVENT_SCHEMA_FORMATS)) ajv.addFormat(name, format);
  return ajv;
};
