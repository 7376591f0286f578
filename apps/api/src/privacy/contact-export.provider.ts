// The export's read-model sections: the api is the composition root that may name projections (libs may not).
import type { Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { ContactExportService, pagedRows, type ContactExportSection } from '#application';
import type { EventStore } from '#event-store';
import { recordAssociations } from '#projections/associations';
import { contactTimeline } from '#projections/contact-timeline';
import { listEngagements } from '#projections/engagement-list';
import { explainLeadScore, findLeadScore } from '#projections/lead-score';
import { recordTimeline } from '#projections/record-timeline';
import { EVENT_STORE, READ_MODELS } from '../tokens.js';

// Rows per read of a paged section: the document streams, so this bounds memory, not the answer.
const PAGE = 500;

export const contactExportSections = (readModels: DataSource): ContactExportSection[] => [
  {
    name: 'leadScore',
    value: async (contactId) => ({
      score: (await findLeadScore(readModels, contactId)).score,
      explanation: await explainLeadScore(readModels, contactId),
    }),
  },
  { name: 'timeline', rows: (contactId) => pagedRows((cursor) => contactTimeline(readModels, { contactId, limit: PAGE, cursor })) },
  {
    name: 'recordTimeline',
    rows: (id) => pagedRows((cursor) => recordTimeline(readModels, { record: { type: 'contact', id }, limit: PAGE, cursor })),
  },
  // Calls, meetings, notes and tasks that list the contact, as the engagement list holds them now.
  { name: 'engagements', rows: (contactId) => pagedRows((cursor) => listEngagements(readModels, { contactId, limit: PAGE, cursor })) },
  { name: 'associations', rows: (id) => pagedRows((cursor) => recordAssociations(readModels, { type: 'contact', id, limit: PAGE, cursor })) },
];

export const contactExportProvider: Provider = {
  provide: ContactExportService,
  useFactory: (store: EventStore, readModels: DataSource) => new ContactExportService(store, contactExportSections(readModels)),
  inject: [EVENT_STORE, READ_MODELS],
};
