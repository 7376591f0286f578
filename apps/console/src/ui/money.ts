// Money as the api gives it: decimal strings. Shown with grouping and weighted, never through a float; the api totals.

/** "1234567.5" in EUR -> "EUR 1,234,567.5" (the digits the api sent, grouped; no rounding, no float). */
export const formatMoney = (amount: string, currency: string): string => {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) return `${currency} ${amount}`;
  const [, sign, whole, fraction] = match;
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${currency} ${sign}${grouped}${fraction ? `.${fraction}` : ''}`;
};

/** "1234567.5" -> "1,234,567.5": the digits the api sent, grouped, without the currency (a table's row names it). */
export const formatAmount = (amount: string): string => formatMoney(amount, '').trimStart();

const parts = (amount: string): { negative: boolean; digits: bigint; scale: number } => {
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(amount.trim());
  if (!match) throw new Error(`not a decimal amount: ${amount}`);
  const fraction = match[3] ?? '';
  return { negative: match[1] === '-', digits: BigInt(match[2] + fraction), scale: fraction.length };
};

/** A decimal string as a number, for chart heights only (never for sums shown as figures). */
export const toChartNumber = (amount: string): number => Number(amount);

/**
 * amount × factor (a probability such as 0.2), exact, then rounded once, half to even, to the amount's own digits
 * (the currency's): the api's rule for weighted figures.
 */
export const weightDecimal = (amount: string, factor: number): string => {
  const a = parts(amount);
  const text = String(factor).includes('e') ? factor.toFixed(20) : String(factor);
  const f = parts(text);
  const product = a.digits * f.digits;
  const divisor = 10n ** BigInt(f.scale);
  let quotient = product / divisor;
  const remainder = product % divisor;
  const twice = remainder * 2n;
  if (twice > divisor || (twice === divisor && quotient % 2n === 1n)) quotient += 1n;
  const negative = a.negative !== f.negative && quotient !== 0n;
  const digits = quotient.toString().padStart(a.scale + 1, '0');
  const whole = digits.slice(0, digits.length - a.scale);
  const fraction = a.scale ? digits.slice(digits.length - a.scale) : '';
  return `${negative ? '-' : ''}${whole}${fraction ? `.${fraction}` : ''}`;
};
