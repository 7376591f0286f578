import {
  addAmounts,
  amountFromLegacyNumber,
  checkAmount,
  compareAmounts,
  currencyDigits,
  divideHalfEven,
  parseAmount,
  scaleAmount,
  subtractAmounts,
  sumAmounts,
} from './money.js';

describe('money', () => {
  it('knows each currency minor-unit digits as ISO 4217 gives them', () => {
    expect([currencyDigits('JPY'), currencyDigits('USD'), currencyDigits('BHD'), currencyDigits('KRW'), currencyDigits('THB')]).toEqual([0, 2, 3, 0, 2]);
  });

  it.each([
    ['1200.5', 'USD', '1200.50'],
    [1200.5, 'USD', '1200.50'],
    [0.29, 'USD', '0.29'],
    ['0.1', 'USD', '0.10'],
    [150000, 'JPY', '150000'],
    ['150000.000', 'JPY', '150000'],
    ['1.125', 'BHD', '1.125'],
    [1.25, 'BHD', '1.250'],
    ['999999999999.99', 'USD', '999999999999.99'],
    ['0', 'EUR', '0.00'],
  ])('takes %p %s as %p', (value, currency, expected) => {
    expect(checkAmount(value, currency)).toEqual({ ok: true, amount: expected });
  });

  it.each([
    ['1.5', 'JPY'],
    ['1.2345', 'BHD'],
    ['10.005', 'USD'],
    [10.005, 'USD'],
    ['-1', 'USD'],
    [-0.01, 'USD'],
    ['1000000000000', 'USD'],
    [1e21, 'USD'],
    ['1e3', 'USD'],
    [' 12', 'USD'],
    ['012', 'USD'],
    ['12.', 'USD'],
    [Number.NaN, 'USD'],
    [Infinity, 'USD'],
    [null, 'USD'],
    [{}, 'USD'],
    ['12', 'XXX'],
    ['12', 'usd'],
  ])('refuses %p %s without throwing, saying the rule', (value, currency) => {
    const checked = checkAmount(value, currency);
    expect(checked.ok).toBe(false);
    expect(parseAmount(value, currency)).toBeNull();
  });

  it('knows no accepted currency with more than 3 decimals, so an amount never has more', () => {
    expect(Math.max(...Intl.supportedValuesOf('currency').map(currencyDigits))).toBe(3);
  });

  it('names the currency digits in the rule it gives', () => {
    expect(checkAmount('1.5', 'JPY')).toEqual({ ok: false, rule: expect.stringContaining('JPY has 0') });
  });

  it('adds, subtracts and sums exactly where floats do not', () => {
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(addAmounts('0.10', '0.20', 'USD')).toBe('0.30');
    expect(sumAmounts(['0.10', '0.20', '0.29'], 'USD')).toBe('0.59');
    expect(sumAmounts([], 'JPY')).toBe('0');
    expect(subtractAmounts('100.00', '250.50', 'USD')).toBe('-150.50');
    expect(addAmounts('999999999999.99', '0.01', 'USD')).toBe('1000000000000.00');
  });

  it('keeps the extra decimals of an amount stored before amounts were strings', () => {
    expect(amountFromLegacyNumber(1500.5, 'JPY')).toBe('1500.5');
    expect(amountFromLegacyNumber(1500, 'JPY')).toBe('1500');
    expect(amountFromLegacyNumber(0.29, 'USD')).toBe('0.29');
    expect(amountFromLegacyNumber(12000, 'USD')).toBe('12000.00');
    expect(amountFromLegacyNumber(3, 'BHD')).toBe('3.000');
    expect(addAmounts('1500.5', '1', 'JPY')).toBe('1501.5');
  });

  it('rounds a derived figure once, half to even, to the currency digits', () => {
    expect(scaleAmount('12000.00', 'USD', '1', 12)).toBe('1000.00');
    expect(scaleAmount('100.00', 'USD', '1', 3)).toBe('33.33');
    expect(scaleAmount('100', 'JPY', '1', 8)).toBe('12');
    expect(scaleAmount('100', 'JPY', '1', 40)).toBe('2');
    expect(scaleAmount('140', 'JPY', '1', 40)).toBe('4');
    expect(scaleAmount('150000', 'JPY', '0.0067', 1)).toBe('1005');
    expect(scaleAmount('0.05', 'USD', '0.5')).toBe('0.02');
    expect(scaleAmount('0.15', 'USD', '0.5')).toBe('0.08');
    expect(scaleAmount('1.000', 'BHD', '2.6525')).toBe('2.652');
    // A divisor may be a decimal (a rate): 1 ÷ 0.000000123456789012 = 8100000.0729...
    expect(scaleAmount('1.00', 'USD', '1', '0.000000123456789012')).toBe('8100000.07');
    // A near-tie below 20 places stays below: big.js division alone would round the quotient to 0.015 first.
    expect(scaleAmount('0.01499999999999999999999999', 'USD', '1', '1')).toBe('0.01');
  });

  it('compares decimals by value, not by text', () => {
    expect(compareAmounts('10.00', '9.99')).toBe(1);
    expect(compareAmounts('1500.5', '1500.50')).toBe(0);
    expect(compareAmounts('0.29', '0.3')).toBe(-1);
  });
});

describe('divideHalfEven', () => {
  it('divides exactly where a quotient rounded to 20 places first would tip a near-tie', () => {
    // 0.045 / 3 = 0.015 exactly: even rounds up to 0.02; and a quotient just below a tie stays below.
    expect(divideHalfEven('0.045', '3', 2)).toBe('0.02');
    expect(divideHalfEven('0.025', '1', 2)).toBe('0.02');
    const justBelow = '0.01499999999999999999999999'; // 26 decimals: 20 places would read 0.015
    expect(divideHalfEven(justBelow, '1', 2)).toBe('0.01');
    expect(divideHalfEven('10', '0.000000123456789012', 0)).toBe('81000001');
  });
});
