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
      outboundPrivateNetwork: 'deny',
      projectionPartitions: 1,
      projectorId: null,
      surveySigningSecret: null,
      surveyResponsesPerMinute: 30,
      masterKey: null,
      masterKeyPrevious: [],
    });
  });

  it('takes a master key of 32 bytes in base64, and previous ones only with a current one', () => {
    const key = Buffer.alloc(32, 1).toString('base64');
    const old = Buffer.alloc(32, 2).toString('base64');
    expect(loadConfig({ TALLY_MASTER_KEY: key, TALLY_MASTER_KEY_PREVIOUS: ` ${old} ` })).toMatchObject({ masterKey: key, masterKeyPrevious: [old] });
    expect(() => loadConfig({ TALLY_MASTER_KEY: Buffer.alloc(16).toString('base64') })).toThrow(/TALLY_MASTER_KEY must be the base64 of 32 bytes/);
    expect(() => loadConfig({ TALLY_MASTER_KEY: key, TALLY_MASTER_KEY_PREVIOUS: 'nope' })).toThrow(/TALLY_MASTER_KEY_PREVIOUS must be/);
    expect(() => loadConfig({ TALLY_MASTER_KEY_PREVIOUS: old })).toThrow(/TALLY_MASTER_KEY_PREVIOUS needs TALLY_MASTER_KEY/);
  });

  it('takes the partitions of a new partitioned build and a projector id', () => {
    expect(loadConfig({ TALLY_PROJECTION_PARTITIONS: '4', TALLY_PROJECTOR_ID: 'projector-2' })).toMatchObject({
      projectionPartitions: 4,
      projectorId: 'projector-2',
    });
    expect(() => loadConfig({ TALLY_PROJECTION_PARTITIONS: '0' })).toThrow(/TALLY_PROJECTION_PARTITIONS=0 is not a whole number from 1 to 64/);
    expect(() => loadConfig({ TALLY_PROJECTOR_ID: 'a b' })).toThrow(/TALLY_PROJECTOR_ID/);
  });

  it('takes a workflow signing secret of at least 32 characters', () => {
    const secret = 'w'.repeat(32);
    expect(loadConfig({ TALLY_WORKFLOW_SIGNING_SECRET: secret }).workflowSigningSecret).toBe(secret);
    expect(() => loadConfig({ TALLY_WORKFLOW_SIGNING_SECRET: 'short' })).toThrow(/TALLY_WORKFLOW_SIGNING_SECRET/);
  });

  it('takes a survey signing secret of at least 32 characters and a per-address answer limit', () => {
    const secret = 's'.repeat(32);
    expect(loadConfig({ TALLY_SURVEY_SIGNING_SECRET: secret, TALLY_SURVEY_RATE_LIMIT: '5' })).toMatchObject({ surveySigningSecret: secret, surveyResponsesPerMinute: 5 });
    expect(() => loadConfig({ TALLY_SURVEY_SIGNING_SECRET: 'short' })).toThrow(/TALLY_SURVEY_SIGNING_SECRET must be at least 32/);
    expect(() => loadConfig({ TALLY_SURVEY_RATE_LIMIT: '0' })).toThrow(/TALLY_SURVEY_RATE_LIMIT=0/);
  });

  it('lets outbound posts reach the private network only when told to', () => {
    expect(loadConfig({ TALLY_OUTBOUND_PRIVATE_NETWORK: 'allow' }).outboundPrivateNetwork).toBe('allow');
    expect(() => loadConfig({ TALLY_OUTBOUND_PRIVATE_NETWORK: 'yes' })).toThrow(/TALLY_OUTBOUND_PRIVATE_NETWORK=yes is not one of deny, allow/);
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
