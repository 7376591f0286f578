// tally: the operator's command line. `tally help` lists the commands.
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '#config';
import { DataDirBusy, dataDirOwner, openRuntime, type DataDirOwner } from '#runtime';
import { importCommand } from './commands/import.command.js';
import { importThroughServer } from './commands/import-through-server.js';
import { keysCommand, keysInProcess, keysThroughServer } from './commands/keys.command.js';
import { projectionsCommand, projectionsOf, projectionsThroughServer } from './commands/projections.command.js';
import { seedCommand } from './commands/seed.command.js';
import { serverClient } from './server-client.js';
import { ALL_PROJECTIONS } from '#projections';

const HELP = `tally <command>

  import FILE                    import NDJSON history, one event or command per line, idempotent by id, through
                                 the api (the running server's, or one started for the import)
  seed --contacts N [--seed S] [--until DATE] [--out FILE]
                                 a deterministic synthetic CRM history (about 11 events per contact) of the year
                                 up to DATE (default today, UTC), into the store or to an NDJSON file
  keys create --name NAME --role ROLE [--owner OWNER_ID] | keys list | keys revoke KEY_ID
                                 API keys (roles: super-admin, marketing, sales, service, auditor,
                                 reporting, integrator), bound to an existing owner with --owner;
                                 the secret is shown once
  projections [status]           every projection build with its status, position and lag
  projections rebuild NAME [--dry-run]
  projections drop NAME@VERSION  drop a retired build's tables
  replay lead-score --formula FILE [--dry-run] [--reason TEXT]
                                 save the formula (JSON or YAML), record its activation (unless --dry-run), build
                                 lead scores with it beside the active build with a progress bar, then print what
                                 changed against the previous build. Runs the projection engine in this process
                                 while it waits: use it when no api/projector runs on the same database
  backtest --formula FILE [--formula FILE2] [--horizon 30d]
                                 score contacts of closed deals as they stood before the close: AUC, deciles and
                                 win rates per formula, side by side
  audit verify lead-score (--contact ID | --all)
                                 re-derive stored lead scores from the event log alone; exit 3 on any mismatch
  workflows validate FILE        check a workflow definition (JSON or YAML): every error with its path; exit 2 if invalid
  workflows simulate (ID | FILE) --from DATE --to DATE
                                 back-test a saved workflow or a definition file on the log without acting: who would
                                 have enrolled, which actions would have fired, how many per day
  workflows list                 every workflow with its version and status
  privacy encrypt-history [--dry-run]
                                 one-time: encrypt personal values stored in clear before crypto-shredding (README,
                                 "Personal data and erasure"); recorded in the log

Beside a running embedded server (npm start on the same TALLY_DATA_DIR), import, keys and projections status|rebuild
go through the server's HTTP API with its super-admin key; the other commands refuse until it stops.

Configuration comes from the environment (see README): DATABASE_URL, TALLY_DATA_DIR, TALLY_EVENT_STORE, ...`;

const positiveInteger = (text: string, flag: string): number => {
  if (!/^\d{1,9}$/.test(text) || Number(text) < 1) throw new Error(`${flag} must be a positive whole number`);
  return Number(text);
};

type Values = Readonly<{ 'dry-run'?: boolean; actor?: string; name?: string; role?: string; owner?: string; from?: string; to?: string }>;

/**
 * A command beside the live server that owns the embedded data directory: through its HTTP API, or refused. The
 * database files are never opened: a second PGlite on them corrupts them.
 */
const throughServer = async (dataDir: string, owner: DataDirOwner, command: string, args: readonly string[], values: Values): Promise<number> => {
  // No address yet: a server still starting, or another CLI command.
  if (!owner.url) throw new DataDirBusy(dataDir, owner);
  const server = await serverClient(dataDir, { ...owner, url: owner.url });
  const refuse = (instead: string) =>
    new Error(
      `tally ${[command, ...args].join(' ')} does not run beside the Tally server (pid ${owner.pid}, ${owner.url}) that owns ` +
        `${dataDir}: it has no route through the server, and a second process on the embedded database would corrupt it. ` +
        `Instead: ${instead}.`,
    );
  const stopFirst = 'stop the server first (Ctrl-C, or kill -TERM ' + owner.pid + ')';
  switch (command) {
    case 'import':
      if (!args[0]) throw new Error('usage: tally import FILE');
      return importThroughServer(server, args[0]);
    case 'keys':
      return keysCommand(keysThroughServer(server), args, { name: values.name, role: values.role, owner: values.owner, actor: values.actor! });
    case 'projections':
      return projectionsCommand(projectionsThroughServer(server, refuse), args, values['dry-run']!);
    case 'seed':
      throw refuse(stopFirst);
    case 'replay':
      throw refuse(`${stopFirst}, or use POST /v1/scoring/formulas, then POST /v1/projections/lead-score/rebuilds {formulaId, reason}`);
    case 'backtest':
      throw refuse(`${stopFirst}, or use POST /v1/scoring/backtests {formulaIds, horizonDays}`);
    case 'audit':
      throw refuse(`${stopFirst}, or use GET /v1/audit/lead-scores/verify (one contact: GET /v1/read-models/lead-scores/:id/verify)`);
    case 'workflows': {
      const { workflowsCommand, workflowsThroughServer } = await import('./commands/workflows.command.js');
      return workflowsCommand(workflowsThroughServer(server, refuse), args, { from: values.from, to: values.to });
    }
    default:
      throw new Error(`unknown command ${command}\n\n${HELP}`);
  }
};

const main = async (): Promise<number> => {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      'dry-run': { type: 'boolean', default: false },
      actor: { type: 'string', default: `cli:${process.env.USER ?? 'operator'}` },
      help: { type: 'boolean', default: false },
      contacts: { type: 'string', default: '1000' },
      seed: { type: 'string', default: 'tally' },
      out: { type: 'string' },
      until: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string' },
      owner: { type: 'string' },
      formula: { type: 'string', multiple: true },
      reason: { type: 'string' },
      horizon: { type: 'string', default: '30d' },
      contact: { type: 'string' },
      all: { type: 'boolean', default: false },
      from: { type: 'string' },
      to: { type: 'string' },
    },
  });
  const [command, ...args] = positionals;
  if (!command || command === 'help' || values.help) {
    console.log(HELP);
    return 0;
  }
  if (command === 'seed' && values.out) {
    return seedCommand(null, { contacts: positiveInteger(values.contacts!, '--contacts'), seed: values.seed!, until: values.until, out: values.out });
  }
  // Validating a file reads no database.
  if (command === 'workflows' && args[0] === 'validate') {
    if (!args[1]) throw new Error('usage: tally workflows validate FILE');
    const { validateWorkflowFile } = await import('./commands/workflows.command.js');
    return validateWorkflowFile(args[1]);
  }
  const config = loadConfig();
  // On the embedded database, a live server owns the files: go through it. (openRuntime takes the lock otherwise.)
  const owner = config.databaseUrl ? null : await dataDirOwner(config.dataDir);
  if (owner) return throughServer(config.dataDir, owner, command, args, values);
  if (command === 'import') {
    if (!args[0]) throw new Error('usage: tally import FILE');
    return importCommand(config, args[0], values.actor!);
  }
  const runtime = await openRuntime(config, ALL_PROJECTIONS);
  try {
    // The scoring code loads only for the commands that use it.
    switch (command) {
      case 'seed':
        return await seedCommand(runtime, { contacts: positiveInteger(values.contacts!, '--contacts'), seed: values.seed!, until: values.until });
      case 'keys':
        return await keysCommand(keysInProcess(runtime), args, { name: values.name, role: values.role, owner: values.owner, actor: values.actor! });
      case 'projections':
        return await projectionsCommand(projectionsOf(runtime), args, values['dry-run']!);
      case 'replay': {
        const [formulaFile, ...extra] = values.formula ?? [];
        if (args[0] !== 'lead-score' || !formulaFile || extra.length > 0) {
          throw new Error('usage: tally replay lead-score --formula FILE [--dry-run] [--reason TEXT]');
        }
        const { replayCommand } = await import('./commands/replay.command.js');
        return await replayCommand(runtime, { formulaFile, dryRun: values['dry-run']!, reason: values.reason, actor: values.actor! });
      }
      case 'backtest': {
        const { backtestCommand } = await import('./commands/backtest.command.js');
        return await backtestCommand(runtime, { formulaFiles: values.formula ?? [], horizon: values.horizon! });
      }
      case 'audit': {
        const { auditCommand } = await import('./commands/audit.command.js');
        return await auditCommand(runtime, args, { contact: values.contact, all: values.all! });
      }
      case 'privacy': {
        const { privacyCommand } = await import('./commands/privacy.command.js');
        return await privacyCommand(runtime, args, { dryRun: values['dry-run']!, actor: values.actor! });
      }
      case 'workflows': {
        const { workflowsCommand, workflowsInProcess } = await import('./commands/workflows.command.js');
        return await workflowsCommand(workflowsInProcess(runtime), args, { from: values.from, to: values.to });
      }
      default:
        throw new Error(`unknown command ${command}\n\n${HELP}`);
    }
  } finally {
    await runtime.close();
  }
};

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ConfigError || error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
