// Who may do what, written once as data. People get seats by role (HubSpot practice); machines get narrow roles.
export const ROLES = ['super-admin', 'marketing', 'sales', 'service', 'auditor', 'reporting', 'integrator'] as const;
export type Role = (typeof ROLES)[number];

/** Areas of the api; each route belongs to exactly one (see route-permissions.ts). */
export const AREAS = [
  'owners',
  'keys',
  'settings',
  'pipelines',
  'contacts',
  'marketing',
  'companies',
  'deals',
  'tickets',
  'engagements',
  'import',
  'scoring',
  'projections',
  'read-models',
  // GET /v1/search: answers only the record types the role may read besides.
  'search',
  // PUT/DELETE /v1/associations and GET /v1/{contacts|companies|deals|tickets}/:id/associations.
  'associations',
  // /v1/properties/{type}: custom property definitions; every role that works with records reads them.
  'properties',
  'audit',
  'events',
  'webhooks',
  // /v1/workflows: definitions, activation, runs and simulations.
  'workflows',
  // POST/PATCH/DELETE /v1/goals: quotas; read through GET /v1/read-models/goals.
  'goals',
  // /v1/exchange-rates: dated rates (publish and import); the reporting currency is under settings.
  'exchange-rates',
  // /v1/forms: form definitions (marketing's); submitting one is public, through /v1/forms/:id/submissions.
  'forms',
  // /v1/surveys: NPS, CES and CSAT definitions and response links; answering is public, with a signed token.
  'surveys',
  // /v1/snippets: reusable texts by #shortcut, rendered for a record.
  'snippets',
  // /v1/playbooks: question sets for calls and meetings; each playbook belongs to one team.
  'playbooks',
  'system',
  // A person's data rights: GET /v1/contacts/:id/export (read) and POST /v1/contacts/:id/erasure (write). Only the
  // super admin, the data controller's seat, holds it: reading a whole person out or erasing one is never a side
  // effect of working with contacts.
  'privacy',
  // No route of its own: raw events written into the log by POST /v1/import, the historical-migration path.
  'history',
] as const;
export type Area = (typeof AREAS)[number];

export type Access = 'read' | 'write';
export type Permission = `${Area}:${Access}`;

const all = (areas: readonly Area[], access: readonly Access[] = ['read', 'write']): Permission[] =>
  areas.flatMap((area) => access.map((a) => `${area}:${a}` as Permission));

export const PERMISSIONS: Readonly<Record<Role, ReadonlySet<Permission>>> = {
  'super-admin': new Set(all(AREAS)),
  marketing: new Set([
    ...all(['contacts', 'marketing', 'scoring', 'import', 'properties', 'associations']),
    // Marketing ops owns the automation (HubSpot practice); reps read why a record was enrolled.
    ...all(['workflows']),
    ...all(['projections', 'read-models', 'companies', 'pipelines', 'owners', 'events', 'system', 'search'], ['read']),
    'projections:write',
    ...all(['exchange-rates'], ['read']),
    // Marketing owns forms and surveys (seed 003); playbooks and snippets are shared by the three teams.
    ...all(['forms', 'surveys', 'snippets', 'playbooks']),
  ]),
  sales: new Set([
    ...all(['contacts', 'companies', 'deals', 'engagements', 'associations']),
    ...all(['exchange-rates'], ['read']),
    ...all(['read-models', 'pipelines', 'owners', 'tickets', 'system', 'properties', 'search'], ['read']),
    ...all(['workflows'], ['read']),
    ...all(['snippets', 'playbooks']),
    ...all(['forms', 'surveys'], ['read']),
  ]),
  service: new Set([
    ...all(['tickets', 'contacts', 'engagements', 'associations']),
    ...all(['read-models', 'pipelines', 'owners', 'companies', 'deals', 'system', 'properties', 'search'], ['read']),
    ...all(['workflows'], ['read']),
    // Service sends ticket surveys (CSAT, CES after a ticket closes) and runs its own playbooks.
    ...all(['surveys', 'snippets', 'playbooks']),
    ...all(['forms'], ['read']),
  ]),
  // Reads everything, explains and verifies scores, reads the event log; changes nothing.
  auditor: new Set(all(AREAS.filter((a) => a !== 'keys' && a !== 'privacy'), ['read'])),
  reporting: new Set(all(['read-models', 'system'], ['read'])),
  integrator: new Set([...all(['events', 'system'], ['read']), ...all(['webhooks'])]),
};

export const isAllowed = (role: Role, permission: Permission): boolean => PERMISSIONS[role].has(permission);
