import { ConfigError, loadConfig } from './config.js';

describe('configuration from the environment', () => {
  it('defaults to the embedded database, port 3000 and one process', () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      dataDir: './.tally',
      databaseUrl: null,
      eventStore: 'postgres',
      eventStoreUrl: null,
      role: 'all',
      logLevel: 'log',
      demoContacts: 500,
      auth: 'enabled',
      authPepper: null,
      rateLimitPerMinute: 6000,
      corsOrigins: [],
      workflowSigningSecret: null,
    });
  });

  it('takes a workflow signing secret of at least 32 characters', () => {
    const secret = 'w'.repeat(32);
    expect(loadConfig({ TALLY_WORKFLOW_SIGNING_SECRET: secret }).workflowSigningSecret).toBe(secret);
    expect(() => loadConfig({ TALLY_WORKFLOW_SIGNING_SECRET: 'short' })).toThrow(/TALLY_WORKFLOW_SIGNING_SECRET/);
  });

  it('takes a server, EventStoreDB and a role', () => {
    const config = loadConfig({
      PORT: '8080',
      DATABASE_URL: 'postgres://u@db:5432/tally',
      TALLY_EVENT_STORE: 'eventstoredb',
      EVENTSTORE_URL: 'esdb://es:2113?tls=false',
      TALLY_ROLE: 'projector',
    });
    expect(config).toMatchObject({ port: 8080, eventStore: 'eventstoredb', role: 'projector', demoContacts: 0 });
  });

  it('names every bad variable at once', () => {
    let caught: unknown;
    try {
      loadConfig({ PORT: 'eighty', TALLY_EVENT_STORE: 'mongo', DATABASE_URL: 'mysql://x', TALLY_ROLE: 'api' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as ConfigError).message;
    expect(message).toContain('PORT=eighty');
    expect(message).toContain('TALLY_EVENT_STORE=mongo');
    expect(message).toContain('DATABASE_URL');
  });

  it('refuses EventStoreDB without its URL and a separate projector on the embedded database', () => {
    expect(() => loadConfig({ TALLY_EVENT_STORE: 'eventstoredb' })).toThrow(/EVENTSTORE_URL/);
    expect(() => loadConfig({ TALLY_ROLE: 'projector' })).toThrow(/embedded PGlite/);
  });
});
