import 'reflect-metadata';
import type { Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { loadConfig } from '#config';
import { openRuntime, runUntilSignal, type Stop } from '#runtime';
import { seedStore, utcDay } from '#synthetic-history';
import { WebhookWorker } from '#webhooks';
import { createApp } from './app.js';
import { ensureFirstKey } from './auth/first-key.js';
import { ALL_PROJECTIONS } from '#projections';

// How long a stop waits for requests in flight to be answered before it closes the database under them.
const DRAIN_MS = 10_000;

/**
 * Stops taking connections and waits until every request in flight has started its answer (an event stream starts
 * its own at once; those end when the app closes). A request on a kept-alive connection is still served, but
 * told to close the connection.
 */
const drainOnStop = (server: Server): (() => Promise<void>) => {
  const inFlight = new Set<ServerResponse>();
  let stopping = false;
  server.on('request', (_request, response: ServerResponse) => {
    if (stopping) response.setHeader('Connection', 'close');
    inFlight.add(response);
    response.once('close', () => inFlight.delete(response));
  });
  return async () => {
    stopping = true;
    server.close();
    server.closeIdleConnections();
    const deadline = Date.now() + DRAIN_MS;
    while ([...inFlight].some((response) => !response.headersSent) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
};

const start = async (logger: Logger): Promise<Stop> => {
  const config = loadConfig();
  // On the embedded database this takes the data directory's lock: a second process refuses to start.
  const runtime = await openRuntime(config, ALL_PROJECTIONS, { engine: { logger: (message) => logger.warn(message) } });
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
  const drain = drainOnStop(server);
  const { port } = server.address() as AddressInfo;
  // A CLI beside this server finds it here and goes through its HTTP API instead of opening the files.
  await runtime.dataDirLock?.advertise(`http://127.0.0.1:${port}`);
  // One process by default: the projector runs beside the api unless the topology is scaled out.
  if (config.role === 'all') await runtime.projections.start();
  // Webhook deliveries run beside the projector; several workers may run, each subscription held under a lease.
  const webhooks = new WebhookWorker(runtime.eventStore, runtime.db.pool, { logger: (message) => logger.warn(message) });
  if (config.role === 'all') await webhooks.start();
  const where = config.databaseUrl ? 'PostgreSQL server' : `embedded PGlite in ${config.dataDir}`;
  logger.log(`api listening on http://localhost:${port} (${where}, docs at /docs)`);
  return async () => {
    await drain();
    await webhooks.stop();
    await runtime.projections.stop();
    // Ends event streams and closes the read models; then no connection is left to answer.
    await app.close();
    server.closeAllConnections();
    await runtime.close();
    logger.log('stopped: database closed');
  };
};

const logger = new Logger('tally');
runUntilSignal(() => start(logger), { log: (message) => logger.log(message), error: (message) => logger.error(message) });
