export * from './formula.js';
export { FORMULA_SCHEMA } from './formula.schema.js';
export { canonicalJson, formulaId } from './formula-id.js';
export { FormulaInvalid, parseFormula, parseFormulaDocument } from './parse-formula.js';
export {
  BUILT_IN_PROPERTIES,
  KNOWN_EVENT_TYPES,
  PERSONAL_EVENT_FIELDS,
  PERSONAL_PROPERTIES,
  validateFormula,
  type FormulaValidation,
  type ValidateOptions,
} from './validate-formula.js';
export { ScoringInputInvalid, eventTypesUsed, fitRuleMatches, ruleMatchesEvent, scoreContact, scoreTotal } from './evaluate.js';
export { DEFAULT_FORMULA } from './default-formula.js';
export * from './contact-history.js';
export * from './backtest.js';
export * from './score-audit.js';
