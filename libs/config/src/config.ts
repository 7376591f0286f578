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
  };
};
