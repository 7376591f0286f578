// Task subjects and chat texts name record fields: `Call {{contact.email}} about the demo`. A field with no value
// renders as nothing and is reported, so the explain trail says which value was missing.
import { shownValue, valuesAt } from './paths.js';

export const TEMPLATE_FIELD = /\{\{\s*([^{}]*?)\s*\}\}/g;

const rendered = (value: unknown): string | null => {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) return value.map((item) => rendered(item) ?? '').join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
};

export const renderTemplate = (text: string, scope: unknown): { text: string; missing: string[] } => {
  const missing: string[] = [];
  const output = text.replace(TEMPLATE_FIELD, (_field, path: string) => {
    const value = rendered(shownValue(valuesAt(scope, path)));
    if (value === null && !missing.includes(path)) missing.push(path);
    return value ?? '';
  });
  return { text: output, missing };
};

/** The field paths a template names, in order. */
export const templateFields = (text: string): string[] => [...text.matchAll(TEMPLATE_FIELD)].map((match) => match[1]);
