// Decides the lifecycle of a company record: created once, then profile and property updates, until it is merged
// into another company: a merged company is a tombstone pointing at the survivor and takes no further commands.
import {
  alreadyExists,
  assertNever,
  changedFields,
  checkedPropertyNames,
  decideByType,
  notFound,
  optionalText,
  propertyChanges,
  ruleViolated,
  withFieldChanges,
  withoutNullValues,
  withPropertyChanges,
  type Decider,
  type PropertyValues,
} from '../shared/index.js';
import { isValidDomain, normalizeDomain } from './company-domain.js';
import type { AbsorbCompany, ChangeCompanyProperties, CompanyCommand, CreateCompany, MergeCompanyInto, UpdateCompany } from './company.commands.js';
import { COMPANY_RESERVED_PROPERTY_NAMES, type CompanyEvent, type CompanyField, type CompanyProfile } from './company.events.js';

export type ActiveCompany = Readonly<{
  status: 'active';
  companyId: string;
  profile: CompanyProfile;
  properties: PropertyValues;
  absorbedCompanyIds: readonly string[];
}>;
export type MergedCompany = Readonly<{ status: 'merged'; companyId: string; domain: string | null; mergedInto: string }>;
export type CompanyState = Readonly<{ status: 'absent' }> | ActiveCompany | MergedCompany;

/** The company as a command target: it must exist and not be merged away. */
export const requireActiveCompany = (state: CompanyState, companyId: string): ActiveCompany => {
  switch (state.status) {
    case 'absent':
      throw notFound('company', companyId);
    case 'merged':
      throw ruleViolated('company-merged', `company ${companyId} was merged into ${state.mergedInto}`, { mergedInto: state.mergedInto });
    case 'active':
      return state;
    default:
      return assertNever(state);
  }
};

const COMPANY_FIELDS: readonly CompanyField[] = ['name', 'domain', 'industry', 'employees', 'country'];

const checkedName = (name: string): string => {
  const trimmed = name.trim();
  if (trimmed === '') throw ruleViolated('name-required', 'a company needs a name');
  return trimmed;
};

const checkedDomain = (domain: string | null | undefined): string | null => {
  const normalized = normalizeDomain(domain ?? '');
  if (normalized === '') return null;
  if (!isValidDomain(normalized)) throw ruleViolated('invalid-domain', `${domain} is not a web domain`, { domain });
  return normalized;
};

const checkedEmployees = (employees: number | null | undefined): number | null => {
  if (employees === null || employees === undefined) return null;
  if (!Number.isInteger(employees) || employees < 0) {
    throw ruleViolated('invalid-employees', 'employees is a whole number of people, 0 or more', { employees });
  }
  return employees;
};

const checkedChanges = (changes: Partial<CompanyProfile>): Partial<CompanyProfile> => ({
  ...(changes.name === undefined ? {} : { name: checkedName(changes.name) }),
  ...(changes.domain === undefined ? {} : { domain: checkedDomain(changes.domain) }),
  ...(changes.industry === undefined ? {} : { industry: optionalText(changes.industry) }),
  ...(changes.employees === undefined ? {} : { employees: checkedEmployees(changes.employees) }),
  ...(changes.country === undefined ? {} : { country: optionalText(changes.country) }),
});

const checkedProperties = (properties: PropertyValues): PropertyValues =>
  checkedPropertyNames(properties, COMPANY_RESERVED_PROPERTY_NAMES, 'company');

const create = ({ data }: CreateCompany, state: CompanyState): readonly CompanyEvent[] => {
  if (state.status !== 'absent') throw alreadyExists('company', { id: data.companyId });
  return [
    {
      type: 'CompanyCreated',
      data: {
        companyId: data.companyId,
        name: checkedName(data.name),
        domain: checkedDomain(data.domain),
        industry: optionalText(data.industry),
        employees: checkedEmployees(data.employees),
        country: optionalText(data.country),
        properties: withoutNullValues(checkedProperties(data.properties ?? {})),
      },
    },
  ];
};

const update = ({ data }: UpdateCompany, company: ActiveCompany): readonly CompanyEvent[] => {
  const changes = changedFields(COMPANY_FIELDS, company.profile, checkedChanges(data.changes));
  return changes.length === 0 ? [] : [{ type: 'CompanyUpdated', data: { companyId: company.companyId, changes } }];
};

const changeProperties = ({ data }: ChangeCompanyProperties, company: ActiveCompany): readonly CompanyEvent[] => {
  const changes = propertyChanges(company.properties, checkedProperties(data.properties));
  return changes.length === 0 ? [] : [{ type: 'CompanyPropertiesChanged', data: { companyId: company.companyId, changes } }];
};

const rejectMergeIntoSelf = (companyId: string, otherId: string): void => {
  if (companyId === otherId) throw ruleViolated('merge-into-self', `company ${companyId} cannot be merged into itself`);
};

const mergeInto = ({ data }: MergeCompanyInto, company: ActiveCompany): readonly CompanyEvent[] => {
  rejectMergeIntoSelf(company.companyId, data.mergedInto);
  return [{ type: 'CompanyMerged', data: { companyId: company.companyId, mergedInto: data.mergedInto, domain: company.profile.domain } }];
};

// A retried merge must not absorb the same duplicate twice.
const absorb = ({ data }: AbsorbCompany, company: ActiveCompany): readonly CompanyEvent[] => {
  rejectMergeIntoSelf(company.companyId, data.mergedCompanyId);
  if (company.absorbedCompanyIds.includes(data.mergedCompanyId)) return [];
  return [{ type: 'CompanyAbsorbed', data: { companyId: company.companyId, mergedCompanyId: data.mergedCompanyId } }];
};

// Every command but CreateCompany targets an active company.
const decideForActive = decideByType<Exclude<CompanyCommand, CreateCompany>, ActiveCompany, CompanyEvent>({
  UpdateCompany: update,
  ChangeCompanyProperties: changeProperties,
  MergeCompanyInto: mergeInto,
  AbsorbCompany: absorb,
});

export const companyDecider: Decider<CompanyCommand, CompanyEvent, CompanyState> = {
  decide: (command, state) =>
    command.type === 'CreateCompany' ? create(command, state) : decideForActive(command, requireActiveCompany(state, command.data.companyId)),
  evolve: (state, event) => {
    if (event.type === 'CompanyCreated') {
      const { companyId, properties, ...profile } = event.data;
      return { status: 'active', companyId, profile, properties, absorbedCompanyIds: [] };
    }
    if (state.status !== 'active') return state;
    switch (event.type) {
      case 'CompanyUpdated':
        return { ...state, profile: withFieldChanges(state.profile, event.data.changes) };
      case 'CompanyPropertiesChanged':
        return { ...state, properties: withPropertyChanges(state.properties, event.data.changes) };
      case 'CompanyMerged':
        return { status: 'merged', companyId: state.companyId, domain: state.profile.domain, mergedInto: event.data.mergedInto };
      case 'CompanyAbsorbed':
        return { ...state, absorbedCompanyIds: [...state.absorbedCompanyIds, event.data.mergedCompanyId] };
      default:
        return assertNever(event);
    }
  },
  initialState: () => ({ status: 'absent' }),
};
