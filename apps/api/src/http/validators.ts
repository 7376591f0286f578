// The edge's rules for values every store and read model must hold as sent, one decorator each; the rules
// themselves are the domain's (libs/domain/src/shared), so the api, imports and deciders agree.
import { ValidateBy, ValidateIf, type ValidationArguments } from 'class-validator';
import {
  amountRule,
  CALENDAR_DATE_RULE,
  checkAmount,
  CURRENCY_RULE,
  INSTANT_RULE,
  isCalendarDate,
  isCurrencyCode,
  isInstant,
  type InstantOptions,
} from '#domain/shared';
import { isValidEmail, normalizeEmail } from '#domain/contact';

const MAX_EMAIL_LENGTH = 320;

const rule = (name: string, validate: (value: unknown) => boolean, must: string) =>
  ValidateBy({ name, validator: { validate, defaultMessage: (args?: ValidationArguments) => `${args?.property ?? 'value'} must be ${must}` } });

// Without the currency (a PATCH of the amount alone) only the widest form is known here: the decider holds the
// amount to the deal's currency.
const ANY_CURRENCY_AMOUNT_RULE = 'a decimal from 0 to 999999999999 with at most 3 decimals, as a string such as "1200.50" or a number';

const currencyOf = (args?: ValidationArguments): string | null => {
  const currency = (args?.object as { currency?: unknown } | undefined)?.currency;
  return isCurrencyCode(currency) ? currency : null;
};

/**
 * A decimal string or a JSON number, with at most the digits of the body's `currency` (JPY 0, USD 2, BHD 3) when it
 * names one; below 1e12. A number is taken at its shortest text, so 0.29 stays 0.29.
 */
export const IsAmount = () =>
  ValidateBy({
    name: 'isAmount',
    validator: {
      // BHD has the most digits of any currency: without one, that is the widest amount there is.
      validate: (value, args) => checkAmount(value, currencyOf(args) ?? 'BHD').ok,
      defaultMessage: (args?: ValidationArguments) => {
        const currency = currencyOf(args);
        return `${args?.property ?? 'value'} must be ${currency === null ? ANY_CURRENCY_AMOUNT_RULE : amountRule(currency)}`;
      },
    },
  });

/** A current ISO 4217 code (Node's ICU list): XXQ or XYZ would otherwise show up in forecasts. */
export const IsCurrencyCode = () => rule('isCurrencyCode', isCurrencyCode, CURRENCY_RULE);

/** An RFC 3339 date-time with a zone on a real day between 1900 and 2200; stored as the same instant in UTC. */
export const IsInstant = (options: InstantOptions = {}) =>
  rule('isInstant', (value) => isInstant(value, options), options.secondsRequired ? `${INSTANT_RULE}, with seconds` : INSTANT_RULE);

/** YYYY-MM-DD, a day that exists (2026-02-30 does not), between 1900 and 2199. */
export const IsCalendarDate = () => rule('isCalendarDate', isCalendarDate, CALENDAR_DATE_RULE);

/**
 * The domain's email rule on the normalized address (NFC, no invisible characters, lower case): `' Ada@Example.com '`
 * is accepted, `аda@example.com` with a Cyrillic а is not.
 */
export const IsEmailAddress = () =>
  rule(
    'isEmailAddress',
    (value) => typeof value === 'string' && value.length <= MAX_EMAIL_LENGTH && isValidEmail(normalizeEmail(value)),
    'an email address whose local part and domain labels each keep to one script',
  );

/**
 * Instead of IsOptional in a body: omitted skips the field's checks, null does not. IsOptional takes null for
 * absent, so `contractTermMonths: null` became the default 12. Where null means "clear", say so with a ValidateIf.
 */
export const IsOmittable = () => ValidateIf((_: object, value: unknown) => value !== undefined);
