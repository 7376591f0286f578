// The console weights money as the api does: decimal strings, exactly, rounded once half to even.
import Big from 'big.js';
import fc from 'fast-check';
import { formatAmount, formatMoney, weightDecimal } from './money';

const amount = (scale: number) =>
  fc.tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n })).map(([units]) => {
    const negative = units < 0n;
    const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
    return `${negative ? '-' : ''}${digits.slice(0, digits.length - scale)}${scale ? `.${digits.slice(digits.length - scale)}` : ''}`;
  });

describe('console money', () => {
  it("weights an amount by a probability, rounded once, half to even, to the amount's digits", () => {
    expect(weightDecimal('1000.10', 0.2)).toBe('200.02');
    expect(weightDecimal('700.55', 0.2)).toBe('140.11');
    expect(weightDecimal('0.05', 0.5)).toBe('0.02');
    expect(weightDecimal('0.15', 0.5)).toBe('0.08');
    expect(weightDecimal('150000', 0.9)).toBe('135000');
    expect(weightDecimal('300.00', 0)).toBe('0.00');
    fc.assert(
      fc.property(amount(2), fc.integer({ min: 0, max: 1000 }), (x, permille) => {
        const p = permille / 1000;
        expect(weightDecimal(x, p)).toBe(new Big(x).times(String(p)).round(2, Big.roundHalfEven).toFixed(2));
      }),
    );
  });

  it('groups the digits the api sent, without rounding', () => {
    expect(formatMoney('1234567.5', 'EUR')).toBe('EUR 1,234,567.5');
    expect(formatMoney('-1000', 'JPY')).toBe('JPY -1,000');
    expect(formatAmount('12000.00')).toBe('12,000.00');
  });
});
