// Configuration comes from the environment only; a bad value stops the start with a message naming the variable.
export type TallyConfig = Readonly<{
  port: number;
  /** PGlite data directory, used when no DATABASE_URL is given. */
  dataDir: string;
  databaseUrl: string | null;
  eventStore: 'postgres' | 'eventstoredb';
  eventStoreUrl: string | null;
  /** `all`: api and projector in one process (the default); `api` or `projector` for the scaled-out topology. */
  role: 'all' | 'api' | 'projector';
  logLevel: 'error' | 'warn' | 'log' | 'debug';
  /** Contacts of synthetic demo history seeded when an embedded store starts empty (0: none). */
  demoContacts: number;
  /** `disabled` only for local development: every request is then anonymous and allowed. */
  auth: 'enabled' | 'disabled';
  /** Server-side secret mixed into API-key hashes; read from a file in the data directory when not given. */
  authPepper: string | null;
  /** Requests per minute per API key (or per address without one). */
  rateLimitPerMinute: number;
  /** Origins allowed by CORS (comma list); none by default. */
  corsOrigins: readonly string[];
  /** HMAC secret signing the webhooks and chat posts workflows send; without it those steps are recorded as failed. */
  workflowSigningSecret: string | null;
  /**
   * `deny` (the default): webhooks and workflow posts go to public addresses only; `allow` lets them reach the
   * private network (loopback, RFC 1918, link-local), for a receiver on the same host or intranet.
   */
  outboundPrivateNetwork: 'deny' | 'allow';
  /** Partitions of a new build of a partitioned read model (lead score); several projectors then share one build. */
  projectionPartitions: number;
  /** This projector among the live ones, for its leases (default: host name and pid). */
  projectorId: string | null;
  /** HMAC secret signing survey response links; without it issuing (and answering) a link is refused with a clear error. */
  surveySigningSecret: string | null;
  /** Survey answers per minute per address on the public, key-less route. */
  surveyResponsesPerMinute: number;
  /**
   * Wraps the per-contact data keys (base64 of 32 bytes). Without it the embedded store, and a server, keep one in
   * the data directory's `master-key` file, made on first start.
   */
  masterKey: string | null;
  /** Earlier master keys (comma list): their wrapped data keys are re-wrapped under masterKey at start-up. */
  masterKeyPrevious: readonly string[];
}>;

export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
  constructor(readonly errors: readonly string[]) {
    super(`invalid configuration:\n  - ${errors.join('\n  - ')}`);
  }
}

const oneOf = <T extends string>(
  env: NodeJS.ProcessEnv,
  name: string,
  allowed: readonly T[],
  fallback: T,
  errors: string[],
): T => {
  const value = env[name];
  if (value === undefined || value === '') return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  errors.push(`${name}=${value} is not one of ${allowed.join(', ')}`);
  return fallback;
};

const isKey32 = (text: string): boolean =>
  /^[A-Za-z0-9+/_-]+={0,2}$/.test(text) && Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64').length === 32;

export const loadConfig = (env: NodeJS.ProcessEnv = process.env): TallyConfig => {
  const errors: string[] = [];

  const portText = env.PORT ?? '3000';
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port < 0 || port > 65_535) errors.push(`PORT=${portText} is not a port (0-65535)`);

  const databaseUrl = env.DATABASE_URL || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    errors.push(`DATABASE_URL must start with postgres:// or postgresql://`);
  }

  const eventStore = oneOf(env, 'TALLY_EVENT_STORE', ['postgres', 'eventstoredb'] as const, 'postgres', errors);
  const eventStoreUrl = env.EVENTSTORE_URL || null;
  if (eventStore === 'eventstoredb' && !eventStoreUrl) {
    errors.push('TALLY_EVENT_STORE=eventstoredb needs EVENTSTORE_URL (e.g. esdb://localhost:2113?tls=false)');
  }
  if (eventStoreUrl && !/^(esdb|kurrentdb|kdb)(\+discover)?:\/\//.test(eventStoreUrl)) {
    errors.push('EVENTSTORE_URL must start with esdb:// (or esdb+discover://)');
  }

  const role = oneOf(env, 'TALLY_ROLE', ['all', 'api', 'projector'] as const, 'all', errors);
  if (role !== 'all' && !databaseUrl) {
    errors.push(`TALLY_ROLE=${role} needs DATABASE_URL: the embedded PGlite database lives inside one process`);
  }
  const logLevel = oneOf(env, 'TALLY_LOG_LEVEL', ['error', 'warn', 'log', 'debug'] as const, 'log', errors);

  const demoText = env.TALLY_DEMO_CONTACTS ?? (databaseUrl ? '0' : '500');
  if (!/^\d{1,7}$/.test(demoText)) errors.push(`TALLY_DEMO_CONTACTS=${demoText} is not a whole number`);

  const auth = oneOf(env, 'TALLY_AUTH', ['enabled', 'disabled'] as const, 'enabled', errors);
  const authPepper = env.TALLY_AUTH_PEPPER || null;
  if (authPepper !== null && authPepper.length < 32) errors.push('TALLY_AUTH_PEPPER must be at least 32 characters');
  const rateText = env.TALLY_RATE_LIMIT ?? '6000';
  if (!/^\d{1,9}$/.test(rateText) || Number(rateText) < 1) errors.push(`TALLY_RATE_LIMIT=${rateText} is not a positive whole number`);
  const corsOrigins = (env.TALLY_CORS_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean);
  for (const origin of corsOrigins) {
    if (!/^https?:\/\/[^/\s]+$/.test(origin)) errors.push(`TALLY_CORS_ORIGINS: ${origin} is not an origin such as https://app.example.com`);
  }

  const workflowSigningSecret = env.TALLY_WORKFLOW_SIGNING_SECRET || null;
  if (workflowSigningSecret !== null && workflowSigningSecret.length < 32) {
    errors.push('TALLY_WORKFLOW_SIGNING_SECRET must be at least 32 characters');
  }

  const outboundPrivateNetwork = oneOf(env, 'TALLY_OUTBOUND_PRIVATE_NETWORK', ['deny', 'allow'] as const, 'deny', errors);

  const partitionsText = env.TALLY_PROJECTION_PARTITIONS ?? '1';
  if (!/^\d{1,3}$/.test(partitionsText) || Number(partitionsText) < 1 || Number(partitionsText) > 64) {
    errors.push(`TALLY_PROJECTION_PARTITIONS=${partitionsText} is not a whole number from 1 to 64`);
  }
  const projectorId = env.TALLY_PROJECTOR_ID || null;
  if (projectorId !== null && !/^[A-Za-z0-9._:-]{1,100}$/.test(projectorId)) {
    errors.push('TALLY_PROJECTOR_ID must be 1-100 letters, digits or . _ : -');
  }

  const surveySigningSecret = env.TALLY_SURVEY_SIGNING_SECRET || null;
  if (surveySigningSecret !== null && surveySigningSecret.length < 32) errors.push('TALLY_SURVEY_SIGNING_SECRET must be at least 32 characters');
  const surveyRateText = env.TALLY_SURVEY_RATE_LIMIT ?? '30';
  if (!/^\d{1,9}$/.test(surveyRateText) || Number(surveyRateText) < 1) errors.push(`TALLY_SURVEY_RATE_LIMIT=${surveyRateText} is not a positive whole number`);

  const masterKey = env.TALLY_MASTER_KEY?.trim() || null;
  if (masterKey !== null && !isKey32(masterKey)) errors.push('TALLY_MASTER_KEY must be the base64 of 32 bytes (e.g. openssl rand -base64 32)');
  const masterKeyPrevious = (env.TALLY_MASTER_KEY_PREVIOUS ?? '').split(',').map((k) => k.trim()).filter(Boolean);
  if (masterKeyPrevious.some((key) => !isKey32(key))) errors.push('TALLY_MASTER_KEY_PREVIOUS must be a comma list of base64 32-byte keys');
  if (masterKeyPrevious.length > 0 && masterKey === null) errors.push('TALLY_MASTER_KEY_PREVIOUS needs TALLY_MASTER_KEY (the key to re-wrap under)');

  if (errors.length) throw new ConfigError(errors);
  return {
    port,
    dataDir: env.TALLY_DATA_DIR || './.tally',
    databaseUrl,
    eventStore,
    eventStoreUrl,
    role,
    logLevel,
    demoContacts: Number(demoText),
    auth,
    authPepper,
    rateLimitPerMinute: Number(rateText),
    corsOrigins,
    workflowSigningSecret,
    outboundPrivateNetwork,
    projectionPartitions: Number(partitionsText),
    projectorId,
    surveySigningSecret,
    surveyResponsesPerMinute: Number(surveyRateText),
    masterKey,
    masterKeyPrevious,
  };
};
