// `tally workflows validate|simulate|list`: the same rules and reports as the api, in this process and through a
// running server.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { apiClient } from '#cli/server-client';
import {
  validateWorkflowFile,
  workflowsCommand,
  workflowsInProcess,
  workflowsThroughServer,
  type WorkflowAdmin,
} from '#cli/commands/workflows.command';
import { useTestApp } from '#test/support/test-app';
import { eventually } from '#test/support/test-database';

const MINIMAL = {
  name: 'Demo request handoff',
  trigger: { event: 'FormSubmitted', where: { formId: 'demo' } },
  steps: [{ id: 'handoff', action: 'createTask', owner: 'contactOwner', subject: 'Call {{contact.email}} about the demo', dueInBusinessDays: 1 }],
};

describe('tally workflows', () => {
  const t = useTestApp();
  let dir: string;
  let server: WorkflowAdmin;
  let workflowId: string;
  let contactId: string;

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'tally-workflows-'));
    await t.app.listen(0, '127.0.0.1');
    const { port } = t.app.getHttpServer().address() as AddressInfo;
    const admin = (await t.runtime.apiKeys.create('cli spec', 'super-admin', 'test')).secret;
    const client = apiClient({ pid: process.pid, url: `http://127.0.0.1:${port}` }, admin, { whose: 'of this spec', keyHint: '' });
    server = workflowsThroughServer(client, (instead) => new Error(`refused: ${instead}`));
    workflowId = (await t.http().post('/v1/workflows').send(MINIMAL).expect(201)).body.workflowId;
    contactId = (await t.http().post('/v1/contacts').send({ email: `cli-${randomUUID()}@example.com`, source: 'api' }).expect(201)).body.id;
    await t.http().post(`/v1/contacts/${contactId}/form-submissions`).send({ formId: 'demo', fields: {}, occurredAt: '2026-01-16T15:30:00Z' }).expect(201);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const file = async (name: string, text: string): Promise<string> => {
    const target = path.join(dir, name);
    await writeFile(target, text);
    return target;
  };
  const capture = async (run: (out: (text: string) => void) => Promise<number>) => {
    const lines: string[] = [];
    const code = await run((text) => lines.push(text));
    return { code, text: lines.join('\n') };
  };

  it('validates a file: the hash when valid; every error with its path, exit 2, when not', async () => {
    const minimal = await file('minimal.json', JSON.stringify(MINIMAL));
    const valid = await capture((out) => validateWorkflowFile(minimal, out));
    expect(valid.code).toBe(0);
    expect(valid.text).toMatch(/valid workflow 'Demo request handoff' \(contact records, 1 step\), hash [0-9a-f]{64}/);
    const broken = await file('broken.yaml', 'name: Broken\ntrigger: { event: FormSubmitted }\nsteps:\n  - id: a\n    action: createTask\n    owner: nobody\n    subject: x\n    dueInBusinessDays: -1\n');
    const invalid = await capture((out) => validateWorkflowFile(broken, out));
    expect(invalid.code).toBe(2);
    expect(invalid.text).toContain(`${broken}: /steps/0/owner:`);
    expect(invalid.text).toContain(`${broken}: /steps/0/dueInBusinessDays:`);
  });

  it.each([
    ['in this process', () => workflowsInProcess(t.runtime)],
    ['through the server', () => server],
  ])('lists the workflows %s', async (_where, admin) => {
    await eventually(async () => {
      const listed = await capture((out) => workflowsCommand(admin(), ['list'], {}, out));
      expect(listed.code).toBe(0);
      expect(listed.text).toMatch(new RegExp(`${workflowId}\\s+Demo request handoff\\s+1\\s+draft`));
    });
  });

  it.each([
    ['in this process', () => workflowsInProcess(t.runtime)],
    ['through the server', () => server],
  ])('simulates a saved workflow %s over a window of days', async (_where, admin) => {
    const report = await capture((out) => workflowsCommand(admin(), ['simulate', workflowId], { from: '2026-01-01', to: '2199-01-01' }, out));
    expect(report.code).toBe(0);
    expect(report.text).toContain('1 record would have enrolled');
    expect(report.text).toMatch(/handoff\s+createTask\s+1/);
  });

  it('simulates a definition file in this process; the server takes saved workflows only', async () => {
    const definition = await file('minimal.yaml', 'name: From a file\ntrigger: { event: FormSubmitted, where: { formId: demo } }\nsteps:\n  - { id: handoff, action: createTask, owner: contactOwner, subject: Hi, dueInBusinessDays: 1 }\n');
    const report = await capture((out) => workflowsCommand(workflowsInProcess(t.runtime), ['simulate', definition], { from: '2026-01-01', to: '2199-01-01' }, out));
    expect(report.text).toContain('1 record would have enrolled');
    await expect(workflowsCommand(server, ['simulate', definition], { from: '2026-01-01', to: '2199-01-01' }, () => undefined)).rejects.toThrow(/POST \/v1\/workflows/);
    await expect(workflowsCommand(server, ['simulate', workflowId], { from: '2026-02-30', to: '2026-03-01' }, () => undefined)).rejects.toThrow(/--from/);
    await expect(workflowsCommand(server, ['frobnicate'], {}, () => undefined)).rejects.toThrow(/usage: tally workflows/);
  });
});
