// The edge's rules for values every store and read model must hold as sent, one decorator each; the rules
// themselves are the domain's (libs/domain/src/shared), so the api, imports and deciders agree.
import { ValidateBy, ValidateIf, type ValidationArguments } from 'class-validator';
import {
  AMOUNT_RULE,
  CALENDAR_DATE_RULE,
  CURRENCY_RULE,
  INSTANT_RULE,
  isAmount,
  isCalendarDate,
  isCurrencyCode,
  isInstant,
  type InstantOptions,
} from '#domain/shared';
import { isValidEmail, normalizeEmail } from '#domain/contact';

const MAX_EMAIL_LENGTH = 320;

const rule = (name: string, validate: (value: unknown) => boolean, must: string) =>
  ValidateBy({ name, validator: { validate, defaultMessage: (args?: ValidationArguments) => `${args?.property ?? 'value'} must be ${must}` } });

/** 0 to 999999999999.99, at most 2 decimals: what the read models hold, and a number that keeps the client's digits. */
export const IsAmount = () => rule('isAmount', isAmount, AMOUNT_RULE);

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
