// A formula is identified by its content: SHA-256 of canonical JSON, so JSON and YAML of the same content share an id.
import { createHash } from 'node:crypto';
import { canonicalJson } from '#domain/shared';
import type { Formula } from './formula.js';

export { canonicalJson };

export const formulaId = (formula: Formula): string =>
  createHash('sha256').update(canonicalJson(formula), 'utf8').digest('hex');
