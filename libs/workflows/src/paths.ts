// Dot paths into a scope (event data or record state). An array on the way fans out: `changes.property` reads the
// property of every change, and a condition holds when any of them satisfies it.
import { STATE_ROOTS, type StateRoot } from './definition.js';

const SEGMENT = /^[^\s.{}]+$/;

export const isPath = (path: string): boolean => path.length > 0 && path.split('.').every((segment) => SEGMENT.test(segment));

/** A state path names a root and a field: `contact.lifecycleStage`, `leadScore.qualification`. */
export const isStatePath = (path: string): boolean => {
  const [root, ...rest] = path.split('.');
  return isPath(path) && (STATE_ROOTS as readonly string[]).includes(root) && rest.length > 0;
};

export const stateRootOf = (path: string): StateRoot | null => {
  const root = path.split('.')[0];
  return (STATE_ROOTS as readonly string[]).includes(root) ? (root as StateRoot) : null;
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

const member = (value: Record<string, unknown>, key: string): unknown => {
  if (Object.hasOwn(value, key)) return value[key];
  // A record's custom properties sit under `properties`: `contact.industry` reads contact.properties.industry.
  const properties = value.properties;
  return isRecord(properties) && Object.hasOwn(properties, key) ? properties[key] : undefined;
};

/** Every value the path reaches, arrays flattened; empty when nothing is there. */
export const valuesAt = (scope: unknown, path: string): unknown[] => {
  let current: unknown[] = [scope];
  for (const key of path.split('.')) {
    current = current.flatMap((value) => (Array.isArray(value) ? value : [value])).flatMap((value) => (isRecord(value) ? [member(value, key)] : []));
  }
  return current.flatMap((value) => (Array.isArray(value) ? value : [value])).filter((value) => value !== undefined);
};

/** What a path reached, as the explain trail shows it: one value, a list, or null for nothing. */
export const shownValue = (found: readonly unknown[]): unknown => (found.length === 0 ? null : found.length === 1 ? found[0] : [...found]);
