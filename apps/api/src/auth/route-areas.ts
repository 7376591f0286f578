// Which area of the permission matrix (libs/auth/src/roles.ts) each route belongs to, by its Express pattern.
// First match wins; a route with no match is refused (and the route-by-role spec fails), so a new route cannot
// slip through unguarded.
import type { Area, Permission } from '#auth';

/** `methods`, when given, limits the rule to those methods (a public read of a route whose writes are guarded). */
export type RouteRule = Readonly<{ pattern: RegExp; area: Area | 'public'; methods?: readonly string[] }>;

export const ROUTE_RULES: readonly RouteRule[] = [
  { pattern: /^\/docs(\/|$)/, area: 'public' },
  { pattern: /^\/v1\/health$/, area: 'system' },
  // Operations (README: Operations): a scraper's key reads the metrics; probes carry no key.
  { pattern: /^\/metrics$/, area: 'system' },
  { pattern: /^\/health\/(live|ready)$/, area: 'public', methods: ['GET', 'HEAD'] },
  // Who the calling key is: every role reads the system area.
  { pattern: /^\/v1\/session$/, area: 'system' },
  { pattern: /^\/v1\/keys(\/|$)/, area: 'keys' },
  { pattern: /^\/v1\/owners(\/|$)/, area: 'owners' },
  { pattern: /^\/v1\/settings\/marketing-policy$/, area: 'marketing' },
  { pattern: /^\/v1\/settings(\/|$)/, area: 'settings' },
  // Rates are set by super-admins; sales and marketing read them (and the auditor, who reads everything).
  { pattern: /^\/v1\/exchange-rates(\/|$)/, area: 'exchange-rates' },
  { pattern: /^\/v1\/pipelines(\/|$)/, area: 'pipelines' },
  { pattern: /^\/v1\/contacts\/:[^/]+\/(marketing-status|email-events|form-submissions)$/, area: 'marketing' },
  { pattern: /^\/v1\/contacts\/:[^/]+\/timeline$/, area: 'read-models' },
  { pattern: /^\/v1\/contacts\/:[^/]+\/(erasure|export)$/, area: 'privacy' },
  { pattern: /^\/v1\/timelines\/:[^/]+\/:[^/]+$/, area: 'read-models' },
  { pattern: /^\/v1\/search$/, area: 'search' },
  { pattern: /^\/v1\/duplicates\/contacts$/, area: 'contacts' },
  { pattern: /^\/v1\/duplicates\/companies$/, area: 'companies' },
  { pattern: /^\/v1\/associations$/, area: 'associations' },
  { pattern: /^\/v1\/(contacts|companies|deals|tickets)\/:[^/]+\/associations$/, area: 'associations' },
  { pattern: /^\/v1\/properties(\/|$)/, area: 'properties' },
  { pattern: /^\/v1\/contacts(\/|$)/, area: 'contacts' },
  { pattern: /^\/v1\/companies(\/|$)/, area: 'companies' },
  { pattern: /^\/v1\/deals(\/|$)/, area: 'deals' },
  { pattern: /^\/v1\/tickets(\/|$)/, area: 'tickets' },
  { pattern: /^\/v1\/engagements(\/|$)/, area: 'engagements' },
  { pattern: /^\/v1\/tasks(\/|$)/, area: 'engagements' },
  { pattern: /^\/v1\/import$/, area: 'import' },
  { pattern: /^\/v1\/scoring(\/|$)/, area: 'scoring' },
  // Skipping an event changes what a read model holds: super-admin only (marketing may rebuild lead scores).
  { pattern: /^\/v1\/projections\/:[^/]+\/skips$/, area: 'system' },
  { pattern: /^\/v1\/projections(\/|$)/, area: 'projections' },
  { pattern: /^\/v1\/read-models\/lead-scores\/:[^/]+\/verify$/, area: 'audit' },
  { pattern: /^\/v1\/read-models(\/|$)/, area: 'read-models' },
  { pattern: /^\/v1\/audit(\/|$)/, area: 'audit' },
  { pattern: /^\/v1\/(events|streams|asyncapi\.json)(\/|$)/, area: 'events' },
  { pattern: /^\/v1\/webhooks(\/|$)/, area: 'webhooks' },
  { pattern: /^\/v1\/workflows(\/|$)/, area: 'workflows' },
  // Goals are set by super-admins (Tally has no sales-manager role yet); every reader of read models reads them.
  { pattern: /^\/v1\/goals(\/|$)/, area: 'goals' },
  // Public by design, each with its own defences (per-address rate limit, size limit, honeypot, signed tokens):
  // a visitor submits a form or reads its definition, a customer answers a survey, a browser opens a hosted form.
  { pattern: /^\/v1\/forms\/:[^/]+\/submissions$/, area: 'public' },
  { pattern: /^\/v1\/forms\/:[^/]+$/, area: 'public', methods: ['GET', 'HEAD', 'OPTIONS'] },
  { pattern: /^\/f\/:[^/]+$/, area: 'public' },
  { pattern: /^\/v1\/survey-responses(\/|$)/, area: 'public' },
  { pattern: /^\/s\/:[^/]+$/, area: 'public' },
  { pattern: /^\/v1\/forms(\/|$)/, area: 'forms' },
  { pattern: /^\/v1\/surveys(\/|$)/, area: 'surveys' },
  { pattern: /^\/v1\/snippets(\/|$)/, area: 'snippets' },
  { pattern: /^\/v1\/playbooks(\/|$)/, area: 'playbooks' },
];

export const areaOf = (routePath: string, method = 'GET'): Area | 'public' | null =>
  ROUTE_RULES.find((rule) => rule.pattern.test(routePath) && (!rule.methods || rule.methods.includes(method.toUpperCase())))?.area ?? null;

/** The permission a request needs: its route's area, read for GET and HEAD, write otherwise. */
export const permissionOf = (method: string, routePath: string): Permission | 'public' | null => {
  const area = areaOf(routePath, method);
  if (area === null || area === 'public') return area;
  return `${area}:${['GET', 'HEAD'].includes(method.toUpperCase()) ? 'read' : 'write'}`;
};
