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
  'system',
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
  ]),
  sales: new Set([
    ...all(['contacts', 'companies', 'deals', 'engagements', 'associations']),
    ...all(['read-models', 'pipelines', 'owners', 'tickets', 'system', 'properties', 'search'], ['read']),
    ...all(['workflows'], ['read']),
  ]),
  service: new Set([
    ...all(['tickets', 'contacts', 'engagements', 'associations']),
    ...all(['read-models', 'pipelines', 'owners', 'companies', 'deals', 'system', 'properties', 'search'], ['read']),
    ...all(['workflows'], ['read']),
  ]),
  // Reads everything, explains and verifies scores, reads the event log; changes nothing.
  auditor: new Set(all(AREAS.filter((a) => a !== 'keys'), ['read'])),
  reporting: new Set(all(['read-models', 'system'], ['read'])),
  integrator: new Set([...all(['events', 'system'], ['read']), ...all(['webhooks'])]),
};

export const isAllowed = (role: Role, permission: Permission): boolean => PERMISSIONS[role].has(permission);
