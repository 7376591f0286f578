import { isValidEmail, normalizeEmail } from './email-address.js';

describe('email addresses', () => {
  it.each([
    ['Ada@Example.com', 'ada@example.com'],
    [' ada@example.com ', 'ada@example.com'],
    ['a\u200Bda@example.com', 'ada@example.com'],
    ['a\u00ADda@exam\u00ADple.com', 'ada@example.com'],
    ['\uFEFFada\u2060@example.com\u200D', 'ada@example.com'],
    ['zoe\u0308@example.com', 'zoë@example.com'],
    ['ZOË@EXAMPLE.COM', 'zoë@example.com'],
  ])('normalizes look-alike %p to %p', (input, normalized) => {
    expect(normalizeEmail(input)).toBe(normalized);
    expect(isValidEmail(normalizeEmail(input))).toBe(true);
  });

  it.each(['\u0430da@example.com', 'p\u0430ypal@example.com', 'ada@ex\u0430mple.com', 'ada', 'a da@example.com', 'ada@example'])(
    'refuses %p',
    (input) => {
      expect(isValidEmail(normalizeEmail(input))).toBe(false);
    },
  );

  it.each(['андрей@пример.рф', 'ada@bücher.de', 'たろう@例え.jp'])('accepts an address in one script per part: %p', (input) => {
    expect(isValidEmail(normalizeEmail(input))).toBe(true);
  });
});
