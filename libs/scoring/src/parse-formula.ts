// One parser for both syntaxes: YAML 1.2 is a superset of JSON, so JSON and YAML of the same content parse to
// the same value; duplicate keys are rejected rather than silently resolved.
import { parseDocument } from 'yaml';
import type { Formula, FormulaIssue } from './formula.js';
import { validateFormula, type ValidateOptions } from './validate-formula.js';

export class FormulaInvalid extends Error {
  readonly code = 'FORMULA_INVALID';
  constructor(readonly errors: readonly FormulaIssue[]) {
    super(`invalid formula: ${errors.map((error) => `${error.path || '/'} ${error.reason}`).join('; ')}`);
  }
}

/** Syntax only: the document's plain value, or FormulaInvalid with each syntax error at path ''. */
export const parseFormulaDocument = (text: string): unknown => {
  const document = parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  if (document.errors.length > 0) {
    // Pretty messages end with a source excerpt after "at line L, column C:"; the first line is enough.
    throw new FormulaInvalid(document.errors.map((error) => ({ path: '', reason: error.message.split('\n')[0].replace(/:$/, '') })));
  }
  try {
    // Alias expansion is bounded so a small document cannot expand into a huge one.
    return document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new FormulaInvalid([{ path: '', reason: error instanceof Error ? error.message : String(error) }]);
  }
};

/** Parses JSON or YAML and validates it; throws FormulaInvalid listing every error (warnings are not errors). */
export const parseFormula = (text: string, options: ValidateOptions = {}): Formula => {
  const { formula, errors } = validateFormula(parseFormulaDocument(text), options);
  if (!formula) throw new FormulaInvalid(errors);
  return formula;
};
