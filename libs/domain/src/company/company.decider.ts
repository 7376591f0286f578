// Decides the lifecycle of a company record: created once, then profile updates.
import { alreadyExists, assertNever, changedFields, decideByType, notFound, optionalText, ruleViolated, withFieldChanges, type Decider } from '../shared/index.js';
import { isValidDomain, normalizeDomain } from './company-domain.js';
import type { CompanyCommand, CreateCompany, UpdateCompany } from './company.commands.js';
import type { CompanyEvent, CompanyField, CompanyProfile } from './company.events.js';

export type CompanyState =
  | Readonly<{ status: 'absent' }>
  | Readonly<{ status: 'active'; companyId: string; profile: CompanyProfile }>;

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
      },
    },
  ];
};

const update = ({ data }: UpdateCompany, state: CompanyState): readonly CompanyEvent[] => {
  if (state.status === 'absent') throw notFound('company', data.companyId);
  const changes = changedFields(COMPANY_FIELDS, state.profile, checkedChanges(data.changes));
  return changes.length === 0 ? [] : [{ type: 'CompanyUpdated', data: { companyId: data.companyId, changes } }];
};

export const companyDecider: Decider<CompanyCommand, CompanyEvent, CompanyState> = {
  decide: decideByType({ CreateCompany: create, UpdateCompany: update }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'CompanyCreated': {
        const { companyId, ...profile } = event.data;
        return { status: 'active', companyId, profile };
      }
      case 'CompanyUpdated':
        return state.status === 'absent' ? state : { ...state, profile: withFieldChanges(state.profile, event.data.changes) };
      default:
        return assertNever(event);
    }
  },
  initialState: () => ({ status: 'absent' }),
};
