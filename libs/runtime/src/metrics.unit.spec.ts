import { Writable } from 'node:stream';
import { WrongExpectedRevision } from '#event-store';
import { createJsonLogger, lineLogger, logLevelFrom } from './logging.js';
import { TallyMetrics } from './metrics.js';

const counted = async (metrics: TallyMetrics) => (await metrics.commands.get()).values.map((v) => ({ ...v.labels, value: v.value }));

describe('TallyMetrics', () => {
  it('counts each command once by type and outcome, whatever it answers or throws', async () => {
    const metrics = new TallyMetrics({ defaultMetrics: false });
    const answers: (() => Promise<unknown>)[] = [
      async () => ({ events: [{}] }),
      async () => ({ events: [] }),
      async () => ({ events: [{}], replayed: true }),
      async () => {
        throw new WrongExpectedRevision('s', 1, 2);
      },
      async () => {
        throw Object.assign(new Error('no such contact'), { code: 'NOT_FOUND' });
      },
      async () => {
        throw new Error('connection terminated');
      },
    ];
    const executor = { execute: (_stream: string, _decider: unknown, _command: unknown) => answers.shift()!(), append: async () => ({ events: [{}] }) };
    metrics.meterCommands(executor);
    // Wrapping twice counts once.
    metrics.meterCommands(executor);
    for (let i = 0; i < 6; i++) await executor.execute('s', null, { type: 'CreateContact' }).catch(() => undefined);
    await (executor.append as (...args: unknown[]) => Promise<unknown>)('s', [{}], { type: 'RecordActivity' });
    expect(await counted(metrics)).toEqual(
      expect.arrayContaining([
        { type: 'CreateContact', outcome: 'ok', value: 1 },
        { type: 'CreateContact', outcome: 'unchanged', value: 1 },
        { type: 'CreateContact', outcome: 'replayed', value: 1 },
        { type: 'CreateContact', outcome: 'conflict', value: 1 },
        { type: 'CreateContact', outcome: 'rejected', value: 1 },
        { type: 'CreateContact', outcome: 'error', value: 1 },
        { type: 'RecordActivity', outcome: 'ok', value: 1 },
      ]),
    );
    expect((await counted(metrics)).length).toBe(7);
  });

  it('reads the pool at scrape time', async () => {
    const metrics = new TallyMetrics({ defaultMetrics: false });
    const pool = { totalCount: 3, idleCount: 1, waitingCount: 0 };
    metrics.observePool(pool);
    pool.waitingCount = 4;
    expect(await metrics.text()).toContain('tally_db_pool_connections{pool="main",state="waiting"} 4');
  });
});

describe('the JSON log', () => {
  it("reads TALLY_LOG_LEVEL in the configuration's words (log is info), info when unset", () => {
    expect(logLevelFrom({})).toBe('info');
    expect(logLevelFrom({ TALLY_LOG_LEVEL: 'log' })).toBe('info');
    expect(logLevelFrom({ TALLY_LOG_LEVEL: 'Debug' })).toBe('debug');
    expect(logLevelFrom({ TALLY_LOG_LEVEL: 'error' }, 'warn')).toBe('error');
    expect(logLevelFrom({}, 'error')).toBe('error');
  });

  it("writes a line about an event with the event's correlation id, and redacts secrets", () => {
    let written = '';
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        written += chunk.toString();
        done();
      },
    });
    const logger = createJsonLogger({ level: 'info', destination });
    lineLogger(logger)('parked', { id: 'e1', type: 'DealCreated', metadata: { correlationId: 'c-1' } });
    logger.info({ req: { headers: { authorization: 'Bearer tly_secret' } } }, 'request');
    const [parked, request] = written.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(parked).toMatchObject({ level: 'warn', msg: 'parked', eventId: 'e1', eventType: 'DealCreated', correlationId: 'c-1' });
    expect(request).toMatchObject({ req: { headers: { authorization: '[redacted]' } } });
    expect(written).not.toContain('tly_secret');
  });
});
