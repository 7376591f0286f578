import type { Command } from '../shared/index.js';

/** The caller has checked that the build is parked on `eventId` at `position` (the engine knows, not the log). */
export type SkipProjectionEvent = Command<
  'SkipProjectionEvent',
  Readonly<{ projection: string; buildVersion: number; eventId: string; position: string; reason: string }>
>;

export type ProjectionOperationsCommand = SkipProjectionEvent;
