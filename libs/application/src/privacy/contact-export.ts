// GDPR Art. 15/20: everything Tally holds about one person as one JSON document, written as it is read.
import { activityStream, contactDecider, contactStream, type ContactEvent, type ContactState } from '#domain/contact';
import { notFound } from '#domain/shared';
import { formatPosition, type EventStore, type RecordedEvent } from '#event-store';
import { Deferred, StreamedObject, streamJson } from './json-stream.js';

export const CONTACT_EXPORT_FORMAT = 'tally.contact-export';
/** Bumped when a field changes meaning or goes away; new fields keep the version. */
export const CONTACT_EXPORT_FORMAT_VERSION = 1;

/**
 * Categories whose streams belong to other records but whose events may name the contact: its deals, tickets,
 * engagements, associations, survey links and answers, workflow runs and email claims. Scanned whole rather than
 * found through the read models, so that a deal the contact has since left still shows the events that listed it.
 */
export const REFERENCING_CATEGORIES: readonly string[] = [
  'deal',
  'ticket',
  'engagement',
  'association',
  'survey',
  'surveylink',
  'workflowrun',
  'unique',
];

/**
 * A read model's rows about the contact, supplied by the composition root (libs never reach up to projections/):
 * one value, or rows read page by page (an async generator, so nothing is read before the writer reaches them).
 */
export type ContactExportSection =
  | Readonly<{ name: string; value(contactId: string): Promise<unknown> }>
  | Readonly<{ name: string; rows(contactId: string): AsyncIterable<unknown> }>;

const sectionValue = (section: ContactExportSection, contactId: string): Deferred | AsyncIterable<unknown> =>
  'value' in section ? new Deferred(() => section.value(contactId)) : section.rows(contactId);

export type ContactExportRequest = Readonly<{ contactId: string; actor: string; now: string }>;

export type ContactExport = Readonly<{
  contactId: string;
  /** True when the contact was erased: the document then holds what the store still returns, redacted. */
  erased: boolean;
  fileName: string;
  /** The document in pieces; nothing is read from the store or the read models until it is iterated. */
  chunks: AsyncIterable<string>;
}>;

type ExportedEvent = Readonly<{
  id: string;
  type: string;
  streamName: string;
  revision: number;
  position: string;
  data: unknown;
  metadata: RecordedEvent['metadata'];
}>;

const exported = (event: RecordedEvent): ExportedEvent => ({
  id: event.id,
  type: event.type,
  streamName: event.streamName,
  revision: event.revision,
  position: formatPosition(event.position),
  data: event.data,
  metadata: event.metadata,
});

// Contact ids are uuids: as a substring of an event's JSON they name that contact and nothing else.
const referencesAny = (event: RecordedEvent, contactIds: readonly string[]): boolean => {
  const text = JSON.stringify(event.data ?? null);
  return contactIds.some((id) => text.includes(id));
};

/** Pages of a keyset-paged query as one sequence of rows; null (no such record in the read model) is no rows. */
export async function* pagedRows<T>(page: (cursor?: string) => Promise<Readonly<{ data: readonly T[]; nextCursor?: string | null }> | null>): AsyncGenerator<T> {
  let cursor: string | undefined;
  do {
    const current = await page(cursor);
    if (!current) return;
    yield* current.data;
    cursor = current.nextCursor ?? undefined;
  } while (cursor !== undefined);
}

type Folded = Readonly<{ state: ContactState; events: number; erasure: ExportedEvent | null }>;

export class ContactExportService {
  constructor(
    private readonly store: EventStore,
    private readonly sections: readonly ContactExportSection[],
  ) {}

  /** A NOT_FOUND DomainError before anything is written when the contact has no stream. */
  async export(request: ContactExportRequest): Promise<ContactExport> {
    const folded = await this.fold(request.contactId);
    if (folded.events === 0) throw notFound('contact', request.contactId);
    const erased = folded.erasure !== null;
    const document = new StreamedObject([
      ['format', CONTACT_EXPORT_FORMAT],
      ['formatVersion', CONTACT_EXPORT_FORMAT_VERSION],
      ['contactId', request.contactId],
      ['exportedAt', request.now],
      ['exportedBy', request.actor],
      ['erased', erased],
      ['erasure', folded.erasure],
      ['contact', folded.state],
      ['events', this.events(request.contactId, folded.state)],
      ['readModels', new StreamedObject(this.sections.map((section) => [section.name, sectionValue(section, request.contactId)]))],
    ]);
    return { contactId: request.contactId, erased, fileName: `tally-contact-${request.contactId}.json`, chunks: streamJson(document) };
  }

  // One pass that keeps only the fold, not the events: a long stream costs time, not memory.
  private async fold(contactId: string): Promise<Folded> {
    let state = contactDecider.initialState();
    let events = 0;
    let erasure: ExportedEvent | null = null;
    for await (const event of this.store.readStream(contactStream(contactId))) {
      events++;
      if (event.type === 'ContactErased') erasure = exported(event);
      state = contactDecider.evolve(state, { type: event.type, data: event.data } as ContactEvent);
    }
    return { state, events, erasure };
  }

  private async *events(contactId: string, state: ContactState): AsyncGenerator<ExportedEvent> {
    // Contacts merged into this one were the same person: their own streams come along.
    const ids = [contactId, ...(state.status === 'active' ? state.absorbedContactIds : [])];
    for (const id of ids) {
      for (const stream of [contactStream(id), activityStream(id)]) {
        for await (const event of this.store.readStream(stream)) yield exported(event);
      }
    }
    for await (const event of this.store.readAll({ filter: { streamCategories: REFERENCING_CATEGORIES } })) {
      if (referencesAny(event, ids)) yield exported(event);
    }
  }
}
