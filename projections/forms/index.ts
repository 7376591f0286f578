// The forms read model: its name, projection and queries.
export { FORMS } from './forms.tables.js';
export { formsProjection } from './forms.persistence.js';
export * from './forms.queries.js';
