// What the client sees when the export fails after its first byte: the connection cut, never a document that parses.
import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import express from 'express';
import request from 'supertest';
import { ContactExportService } from '#application';
import { contactCreatedData, newEvent } from '#test/support/events';
import { openTestStore, type TestStore } from '#test/support/test-database';
import { PrivacyController } from './privacy.controller.js';

describe('PrivacyController export', () => {
  let t: TestStore;
  const contactId = randomUUID();

  beforeAll(async () => {
    t = await openTestStore();
    await t.store.appendToStream(`contact-${contactId}`, [newEvent('ContactCreated', contactCreatedData(contactId))]);
    Logger.overrideLogger(false);
  });
  afterAll(async () => {
    Logger.overrideLogger(['error', 'warn']);
    await t.close();
  });

  const serve = (failing: boolean) => {
    const rows = async function* () {
      yield { page: 1 };
      if (failing) throw new Error('the read model went away');
      yield { page: 2 };
    };
    const controller = new PrivacyController(new ContactExportService(t.store, [{ name: 'pages', rows }]));
    const context = { actor: 'key-1', correlationId: 'c', causationId: null, now: '2026-12-06T12:00:00.000Z', source: 'test', ids: { next: () => randomUUID() } };
    return express().get('/export', (_request, response) => void controller.export(contactId, context, response));
  };

  it('answers the whole document when every part reads', async () => {
    const answer = await request(serve(false)).get('/export').expect(200);
    expect(JSON.parse(answer.text)).toMatchObject({ contactId, readModels: { pages: [{ page: 1 }, { page: 2 }] } });
  });

  it('cuts the connection when a part fails midway', async () => {
    const outcome = await request(serve(true))
      .get('/export')
      .then(
        (answer) => answer.text,
        (error: Error) => error,
      );
    // Not an answer that ends cleanly with a truncated body: the transport itself fails.
    expect(typeof outcome).not.toBe('string');
    expect((outcome as Error).message).toMatch(/aborted|hang up|ECONNRESET/);
  });
});
