import type { Command, PropertyValues } from '../shared/index.js';
import type { CompanyProfile } from './company.events.js';

export type CreateCompany = Command<
  'CreateCompany',
  Readonly<{
    companyId: string;
    name: string;
    domain?: string;
    industry?: string;
    employees?: number;
    country?: string;
    /** Custom properties; nulls are left out. */
    properties?: PropertyValues;
  }>
>;
/** changes: only the fields to set; null clears an optional field. */
export type UpdateCompany = Command<'UpdateCompany', Readonly<{ companyId: string; changes: Partial<CompanyProfile> }>>;

/** properties: only the ones to set; null clears one. */
export type ChangeCompanyProperties = Command<'ChangeCompanyProperties', Readonly<{ companyId: string; properties: PropertyValues }>>;
/** Decided on the duplicate's stream: the first half of merging two companies. */
export type MergeCompanyInto = Command<'MergeCompanyInto', Readonly<{ companyId: string; mergedInto: string }>>;
/** Decided on the survivor's stream: the second half of merging two companies. */
export type AbsorbCompany = Command<'AbsorbCompany', Readonly<{ companyId: string; mergedCompanyId: string }>>;

export type CompanyCommand = CreateCompany | UpdateCompany | ChangeCompanyProperties | MergeCompanyInto | AbsorbCompany;
