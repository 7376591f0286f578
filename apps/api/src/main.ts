import 'reflect-metadata';
import type { Server, ServerResponse } from 'node:http';
import net, { type AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { loadConfig } from '#config';
import { createJsonLogger, lineLogger, openRuntime, runUntilSignal, TallyMetrics, type Stop } from '#runtime';
import { seedStore, utcDay } from '#synthetic-history';
import { createOutboundFetch, WebhookWorker } from '#webhooks';
import { createApp } from './app.js';
import { ensureFirstKey } from './auth/first-key.js';
import { ALL_PROJECTIONS } from '#projections';
import { nestLoggerOf } from './logging/process-log.js';

// How long a stop waits for requests in flight to be answered before it closes the database under them: within
// the 10 s an orchestrator gives between SIGTERM and SIGKILL, with time left to stop the workers and the database.
const DRAIN_MS = 6_000;
// Long enough for a connection the kernel has queued to be accepted, and its request parsed and counted in flight.
const SETTLE_MS = 250;

const isEventStream = (response: ServerResponse): boolean => String(response.getHeader('Content-Type') ?? '').startsWith('text/event-stream');

/**
 * Stops taking connections and waits until every request in flight has been answered whole (an event stream never
 * ends by itself: those end when the app closes, with a message to reconnect). A request on a kept-alive connection
 * is still served, but told to close the connection.
 */
const drainOnStop = (server: Server): (() => Promise<void>) => {
  const inFlight = new Set<ServerResponse>();
  let stopping = false;
  server.on('request', (_request, response: ServerResponse) => {
    if (stopping) response.setHeader('Connection', 'close');
    inFlight.add(response);
    response.once('close', () => inFlight.delete(response));
  });
  const busy = () => [...inFlight].some((response) => !response.writableFinished && !isEventStream(response));
  return async () => {
    stopping = true;
    const deadline = Date.now() + DRAIN_MS;
    // Still accepting for a moment (each answer now says Connection: close): a connection the kernel has queued but
    // this process has not accepted yet, its request sent before the signal, would be reset by closing the listener.
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    // Stops listening but keeps the connections: http's server.close() would also close the idle ones, and a
    // connection accepted a moment ago whose request is not parsed yet counts as idle: its request would be lost.
    net.Server.prototype.close.call(server);
    while (busy() && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    server.closeIdleConnections();
  };
};

// JSON lines from the first one (TALLY_LOG_LEVEL, info by default); the app takes over with the request context.
const json = createJsonLogger({ name: 'tally' });

const start = async (logger: Logger): Promise<Stop> => {
  const config = loadConfig();
  // On the embedded database this takes the data directory's lock: a second process refuses to start.
  // A line about an event carries its correlation id (when the engine passes the event along with the message).
  const runtime = await openRuntime(config, ALL_PROJECTIONS, { engine: { logger: lineLogger(json.child({ context: 'projections' })) } });
  if (config.demoContacts > 0 && !config.databaseUrl && (await runtime.eventStore.headPosition()) === null) {
    logger.log(`empty embedded store: seeding demo history of ${config.demoContacts} contacts (TALLY_DEMO_CONTACTS=0 to skip)`);
    // Up to today, so that the read models open on recent numbers: this week's tickets, deals of normal age.
    const seeded = await seedStore(runtime.eventStore, { contacts: config.demoContacts, seed: 'demo', until: utcDay(new Date()) });
    logger.log(`seeded ${seeded.events} events`);
  }
  await ensureFirstKey(runtime, logger);
  const app = await createApp(runtime, { logger: ['error', 'warn', 'log'] });
  await app.listen(config.port);
  const server = app.getHttpServer() as Server;
  // Node closes an idle keep-alive connection after 5 s, the moment a client may be reusing it: the request meets a
  // reset. Longer than the usual clients' and proxies' idle timeouts (60 s), so that they close first.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const drain = drainOnStop(server);
  const { port } = server.address() as AddressInfo;
  // A CLI beside this server finds it here and goes through its HTTP API instead of opening the files.
  await runtime.dataDirLock?.advertise(`http://127.0.0.1:${port}`);
  // One process by default: the projector runs beside the api unless the topology is scaled out.
  if (config.role === 'all') await runtime.projections.start();
  // Webhook deliveries run beside the projector; several workers may run, each subscription held under a lease.
  const webhooks = new WebhookWorker(runtime.eventStore, runtime.db.pool, {
    logger: lineLogger(json.child({ context: 'webhooks' })),
    fetch: app.get(TallyMetrics).countDeliveries(createOutboundFetch(runtime.config.outboundPrivateNetwork)),
  });
  if (config.role === 'all') await webhooks.start();
  // Another process's append (a second api, the CLI) wakes the deliveries at once instead of at the next poll.
  const stopWaking = runtime.appendsElsewhere.listen(() => webhooks.poke());
  const where = config.databaseUrl ? 'PostgreSQL server' : `embedded PGlite in ${config.dataDir}`;
  logger.log(`api listening on http://localhost:${port} (${where}, docs at /docs)`);
  return async () => {
    await drain();
    stopWaking();
    await webhooks.stop();
    await runtime.projections.stop();
    // Ends event streams and closes the read models; then no connection is left to answer.
    await app.close();
    server.closeAllConnections();
    await runtime.close();
    logger.log('stopped: database closed');
  };
};

Logger.overrideLogger(nestLoggerOf(json));
const logger = new Logger('tally');
runUntilSignal(() => start(logger), { log: (message) => logger.log(message), error: (message) => logger.error(message) });
