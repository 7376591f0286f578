// A formula as a client sends it: a parsed JSON value, or text (JSON or YAML) still to parse.
import { FormulaInvalid, parseFormulaDocument, validateFormula, type Formula, type FormulaIssue } from '#scoring';

/** The formula and its warnings; FormulaInvalid listing every syntax and rule error otherwise. */
export const formulaFromDocument = (document: unknown): { formula: Formula; warnings: readonly FormulaIssue[] } => {
  const { formula, errors, warnings } = validateFormula(typeof document === 'string' ? parseFormulaDocument(document) : document);
  if (!formula) throw new FormulaInvalid(errors);
  return { formula, warnings };
};
