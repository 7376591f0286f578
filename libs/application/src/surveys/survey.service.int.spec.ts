// A link takes one answer even when two arrive at once: both read the link at the same revision and decide an
// answer, the store takes the first append at that revision and refuses the other (expected revision), whose retry
// then finds the link answered. No check-then-write window is left to a race.
import { randomUUID } from 'node:crypto';
import { eventCatalog } from '#domain/catalog';
import { surveyLinkDecider, surveyLinkStream } from '#domain/survey';
import { WrongExpectedRevision, type AppendOptions, type EventStore, type NewEvent } from '#event-store';
import { collect, committedCount } from '#test/support/events';
import { openTestStore, storePort, type TestStore } from '#test/support/test-database';
import { CommandExecutor } from '../command-executor.js';
import { randomIds, type RequestContext } from '../request-context.js';
import { SurveyError } from './survey-error.js';
import { signSurveyToken } from './survey-token.js';
import { SurveyService } from './survey.service.js';

const SECRET = 's'.repeat(32);
const context = (): RequestContext => ({
  actor: 'anonymous',
  correlationId: randomUUID(),
  causationId: null,
  now: '2026-10-01T10:00:00.000Z',
  source: 'test',
  ids: randomIds(),
});

/** Holds the answers' appends until `count` of them wait, so that every one was decided at the same revision. */
const barrierStore = (inner: EventStore, count: number) => {
  const refused: unknown[] = [];
  let waiting: (() => void)[] = [];
  let open = false;
  const store = storePort(inner, {
    appendToStream: async (streamName: string, events: readonly NewEvent[], options?: AppendOptions) => {
      if (!open && events.some((event) => event.type === 'SurveyResponded')) {
        await new Promise<void>((resolve) => {
          waiting.push(resolve);
          if (waiting.length === count) {
            open = true;
            for (const release of waiting) release();
            waiting = [];
          }
        });
      }
      try {
        return await inner.appendToStream(streamName, events, options);
      } catch (error) {
        refused.push(error);
        throw error;
      }
    },
  });
  return { store, refused };
};

describe('SurveyService answers', () => {
  let test: TestStore;
  beforeAll(async () => {
    test = await openTestStore();
  });
  afterAll(() => test.close());

  const issueLink = async (executor: CommandExecutor): Promise<{ linkId: string; surveyId: string }> => {
    const [linkId, surveyId, contactId] = [randomUUID(), randomUUID(), randomUUID()];
    await executor.execute(
      surveyLinkStream(linkId),
      surveyLinkDecider,
      { type: 'IssueSurveyLink', data: { linkId, surveyId, surveyType: 'nps', contactId }, metadata: { now: '2026-10-01T09:00:00.000Z' } },
      context(),
    );
    return { linkId, surveyId };
  };

  it('takes one of two answers decided at the same revision: the store refuses the other, which then finds the link used', async () => {
    const { store, refused } = barrierStore(test.store, 2);
    const service = new SurveyService(new CommandExecutor(store, eventCatalog), SECRET);
    const link = await issueLink(new CommandExecutor(test.store, eventCatalog));
    const token = signSurveyToken(SECRET, link);
    const outcomes = await Promise.allSettled([9, 2].map((score) => service.respond({ token, score }, context())));
    expect(outcomes.map((o) => o.status).sort()).toEqual(['fulfilled', 'rejected']);
    const failure = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected')!.reason;
    expect(failure).toBeInstanceOf(SurveyError);
    expect((failure as SurveyError).code).toBe('SURVEY_LINK_USED');
    // The store's expected revision, not the decider, refused the second append.
    expect(refused).toEqual([expect.any(WrongExpectedRevision)]);
    const stream = await collect(test.store.readStream(surveyLinkStream(link.linkId)));
    expect(stream.map((e) => e.type)).toEqual(['SurveyLinkIssued', 'SurveyResponded']);
  });

  it('issues and takes nothing without a signing secret: never an unsigned token', async () => {
    const service = new SurveyService(new CommandExecutor(test.store, eventCatalog), null);
    const before = await committedCount(test.db.pool, 'surveylink');
    await expect(service.issueLink({ surveyId: randomUUID(), contactId: randomUUID() }, context())).rejects.toMatchObject({ code: 'SURVEY_SIGNING_UNCONFIGURED' });
    expect(await committedCount(test.db.pool, 'surveylink')).toBe(before);
    const link = await issueLink(new CommandExecutor(test.store, eventCatalog));
    await expect(service.respond({ token: signSurveyToken(SECRET, link), score: 9 }, context())).rejects.toMatchObject({ code: 'SURVEY_SIGNING_UNCONFIGURED' });
    expect(await committedCount(test.db.pool, 'surveylink')).toBe(before + 1);
  });
});
