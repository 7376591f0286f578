// The companies list read model: its name, projection and queries.
export { COMPANY_LIST } from './company-list.tables.js';
export { companyListProjection } from './company-list.persistence.js';
export * from './company-list.queries.js';
