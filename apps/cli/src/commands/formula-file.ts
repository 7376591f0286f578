import { readFile } from 'node:fs/promises';
import { FormulaInvalid, parseFormulaDocument, validateFormula, type Formula, type FormulaIssue } from '#scoring';

export type FormulaFile = Readonly<{ file: string; formula: Formula; warnings: readonly FormulaIssue[] }>;

/** A formula file (JSON or YAML) validated as the api validates it: every error listed, with its path. */
export const readFormulaFile = async (file: string): Promise<FormulaFile> => {
  const { formula, errors, warnings } = validateFormula(parseFormulaDocument(await readFile(file, 'utf8')));
  if (!formula) throw new FormulaInvalid(errors);
  return { file, formula, warnings };
};

export const describeIssues = (file: string, issues: readonly FormulaIssue[]): string[] =>
  issues.map((issue) => `  ${file}: ${issue.path || '/'}: ${issue.reason}`);
