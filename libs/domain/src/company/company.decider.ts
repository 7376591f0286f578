// Decides the lifecycle of a company record: created once, then profile updates.
import { alreadyExists, assertNever, notFound, ruleViolated, type Decider } from '../shared/index.js';
import { isValidDomain, normalizeDomain } from './company-domain.js';
import type { CompanyCommand, CreateCompany, UpdateCompany } from './company.commands.js';
import type { CompanyEvent, CompanyField, CompanyFieldChange, CompanyProfile } from './company.events.js';

export type CompanyState =
  | Readonly<{ status: 'absent' }>
  | Readonly<{ status: 'active'; companyId: string; profile: CompanyProfile }>;

const COMPANY_FIELDS: readonly CompanyField[] = ['name', 'domain', 'industry', 'employees', 'country'];

const checkedName = (name: string): string => {
  const trimmed = name.trim();
  if (trimmed === '') throw ruleViolated('name-required', 'a company needs a name');
  return trimmed;
};

// Blank optional text means "not known".
const optionalText = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim() ?? '';
  return trimmed === '' ? null : trimmed;
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

const changedFields = (current: CompanyProfile, requested: Partial<CompanyProfile>): readonly CompanyFieldChange[] =>
  COMPANY_FIELDS.flatMap((field) => {
    const value = requested[field];
    if (value === undefined || value === current[field]) return [];
    // Each field pairs with its own value type; TypeScript cannot follow that through the loop variable.
    return [{ field, previous: current[field], value } as CompanyFieldChange];
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
  const changes = changedFields(state.profile, checkedChanges(data.changes));
  return changes.length === 0 ? [] : [{ type: 'CompanyUpdated', data: { companyId: data.companyId, changes } }];
};

export const companyDecider: Decider<CompanyCommand, CompanyEvent, CompanyState> = {
  decide: (command, state) => {
    switch (command.type) {
      case 'CreateCompany':
        return create(command, state);
      case 'UpdateCompany':
        return update(command, state);
      default:
        return assertNever(command);
    }
  },
  evolve: (state, event) => {
    switch (event.type) {
      case 'CompanyCreated': {
        const { companyId, ...profile } = event.data;
        return { status: 'active', companyId, profile };
      }
      case 'CompanyUpdated':
        if (state.status === 'absent') return state;
        return {
          ...state,
          profile: event.data.changes.reduce<CompanyProfile>(
            (profile, change) => ({ ...profile, [change.field]: change.value }),
            state.profile,
          ),
        };
      default:
        return assertNever(event);
    }
  },
  initialState: () => ({ status: 'absent' }),
};
