import { readFile } from 'node:fs/promises';
import { eventCatalog } from '#domain/catalog';
import {
  CommandExecutor,
  createWorkflowEngine,
  type SimulationReport,
  type WorkflowEngine,
  type WorkflowSummary,
  type WorkflowsReadModel,
} from '#application';
import { isInstant } from '#domain/shared';
import { leadScoreReadModel } from '#projections/lead-score';
import { workflowsReadModel } from '#projections/workflows';
import type { Runtime } from '#runtime';
import { parseWorkflowDocument, workflowHash, type WorkflowIssue } from '#workflows';
import type { ServerClient } from '../server-client.js';
import { textTable } from './text-table.js';

const USAGE = 'usage: tally workflows validate FILE | simulate (ID | FILE) --from DATE --to DATE | list';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Window = Readonly<{ from: string; to: string }>;

/** What `tally workflows list|simulate` needs: the engine of this process, or the running server. */
export type WorkflowAdmin = Readonly<{
  list(): Promise<readonly WorkflowSummary[]>;
  /** A saved workflow by id, or a definition's text (JSON or YAML). */
  simulate(target: Readonly<{ workflowId: string } | { document: string }>, window: Window): Promise<SimulationReport>;
}>;

/** The engine over this process's database: it only reads here (list, simulate), so it needs no runner. */
const engineOf = (runtime: Runtime, workflows: WorkflowsReadModel): WorkflowEngine => {
  const executor = new CommandExecutor(runtime.eventStore, eventCatalog);
  const warn = (message: string) => console.warn(message);
  return createWorkflowEngine({
    store: runtime.eventStore,
    executor,
    pool: runtime.db.pool,
    leadScores: leadScoreReadModel(runtime.db.pool),
    workflowsReadModel: workflows,
    clock: () => new Date(),
    logger: warn,
  });
};

export const workflowsInProcess = (runtime: Runtime): WorkflowAdmin => {
  const workflows = workflowsReadModel(runtime.db.pool);
  const engine = engineOf(runtime, workflows);
  return {
    list: async () => (await workflows.listWorkflows()).data,
    simulate: (target, window) => engine.simulator.simulate('workflowId' in target ? target.workflowId : target.document, window),
  };
};

/** Through the server's HTTP API: a saved workflow only (the api simulates by id). */
export const workflowsThroughServer = (server: ServerClient, refuse: (instead: string) => Error): WorkflowAdmin => ({
  list: async () => (await server.json<{ data: WorkflowSummary[] }>('GET', '/v1/workflows')).data,
  simulate: async (target, window) => {
    if (!('workflowId' in target)) throw refuse('save the definition (POST /v1/workflows), then simulate it by its id');
    return server.json<SimulationReport>('POST', `/v1/workflows/${target.workflowId}/simulations`, window);
  },
});

const describeIssues = (file: string, issues: readonly WorkflowIssue[]): string[] => issues.map((issue) => `  ${file}: ${issue.path || '/'}: ${issue.message}`);

/** `tally workflows validate FILE`: every error with its path, as POST /v1/workflows/validation lists them. Exit 2 when invalid. */
export const validateWorkflowFile = async (file: string, out: (text: string) => void = console.log): Promise<number> => {
  const { definition, errors } = parseWorkflowDocument(await readFile(file, 'utf8'));
  if (!definition || errors.length > 0) {
    out([`${file} is not a valid workflow (${errors.length} ${errors.length === 1 ? 'error' : 'errors'}):`, ...describeIssues(file, errors)].join('\n'));
    return 2;
  }
  out(`${file}: valid workflow '${definition.name}' (${definition.recordType} records, ${definition.steps.length} ${definition.steps.length === 1 ? 'step' : 'steps'}), hash ${workflowHash(definition)}`);
  return 0;
};

/** `--from`/`--to`: an RFC 3339 instant, or a day (its UTC midnight). */
const instant = (text: string | undefined, flag: string): string => {
  if (text === undefined) throw new Error(`${flag} is required: ${USAGE}`);
  const value = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text;
  if (!isInstant(value)) throw new Error(`${flag} must be a day (2026-01-31) or a date-time with a zone, not ${text}`);
  return new Date(value).toISOString();
};

export const simulationText = (report: SimulationReport): string =>
  [
    `${report.enrolments.length} ${report.enrolments.length === 1 ? 'record' : 'records'} would have enrolled`,
    textTable(['step', 'action', 'would fire'], report.actions.map((a) => [a.stepId, a.action, a.count])),
    textTable(['day', 'enrolments', 'actions'], report.perDay.map((d) => [d.day, d.enrolments, d.actions])),
  ].join('\n\n');

/** `tally workflows simulate (ID | FILE) --from --to | list`. */
export const workflowsCommand = async (
  admin: WorkflowAdmin,
  args: readonly string[],
  options: Readonly<{ from?: string; to?: string }>,
  out: (text: string) => void = console.log,
): Promise<number> => {
  const [action, target] = args;
  if (action === 'list') {
    const workflows = await admin.list();
    if (workflows.length === 0) out('no workflows');
    else out(textTable(['id', 'name', 'version', 'status', 'updated'], workflows.map((w) => [w.workflowId, w.name, w.version, w.status, w.updatedAt])));
    return 0;
  }
  if (action === 'simulate' && target) {
    const window = { from: instant(options.from, '--from'), to: instant(options.to, '--to') };
    if (window.from >= window.to) throw new Error('--to must be after --from');
    const report = await admin.simulate(UUID.test(target) ? { workflowId: target } : { document: await readFile(target, 'utf8') }, window);
    out(`simulated ${target} over ${window.from} .. ${window.to}; nothing was acted on\n`);
    out(simulationText(report));
    return 0;
  }
  throw new Error(USAGE);
};
