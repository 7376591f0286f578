import type { Command } from '../shared/index.js';
import type { CompanyProfile } from './company.events.js';

export type CreateCompany = Command<
  'CreateCompany',
  Readonly<{ companyId: string; name: string; domain?: string; industry?: string; employees?: number; country?: string }>
>;
/** changes: only the fields to set; null clears an optional field. */
export type UpdateCompany = Command<'UpdateCompany', Readonly<{ companyId: string; changes: Partial<CompanyProfile> }>>;

export type CompanyCommand = CreateCompany | UpdateCompany;
