// What the pages of helper E share (scores, formulas, projections, rep activity, records, live): query strings,
// instants and numbers shown plainly, and the answer shapes of paged read models.

/** `path?name=value…`, leaving out undefined and empty values. */
export const withQuery = (path: string, params: Record<string, string | number | boolean | undefined | null>): string => {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') query.set(name, String(value));
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
};

/** An ISO instant as `2026-03-01 14:05:09 UTC` (the api's zone: every read model answers in UTC). */
export const formatInstant = (iso: string | null | undefined): string => {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
};

/** A number with at most `digits` fraction digits, '—' for null. */
export const formatNumber = (value: number | null | undefined, digits = 2): string =>
  value === null || value === undefined ? '—' : Number(value.toFixed(digits)).toLocaleString('en-US', { maximumFractionDigits: digits });

/** A share (0..1) as a percentage. */
export const formatShare = (value: number | null | undefined, digits = 1): string =>
  value === null || value === undefined ? '—' : `${(value * 100).toFixed(digits)} %`;

/** A `datetime-local` input's value (read as UTC) as an ISO instant; undefined when empty or invalid. */
export const localInputToIso = (value: string): string | undefined => {
  if (!value) return undefined;
  const date = new Date(`${value.length === 16 ? `${value}:00` : value}Z`);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
};

export type Paged<T> = { position?: string | null; data: T[]; nextCursor?: string | null };

/** The value of an input or select element from its event. */
export const valueOf = (event: Event): string => (event.currentTarget as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement).value;

/** Saves text as a file through a Blob link (the key stays in the fetch header, never in a URL). */
export const downloadText = (text: string, filename: string, type = 'text/csv'): void => {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/** Pretty JSON of an event's data, for a <pre>. */
export const prettyJson = (value: unknown): string => JSON.stringify(value, null, 2);
