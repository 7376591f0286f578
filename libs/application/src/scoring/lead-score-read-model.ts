// What the lead-score use cases need from the lead-score read model: declared here, implemented by
// projections/lead-score and passed in by the apps, so this lib never reaches up to a projection.
import type { Positioned } from '#read-models';
import type { Contribution, Formula, Qualification } from '#scoring';

export type LeadScoreSort = 'score' | '-score' | 'updated' | '-updated';

/**
 * A stored score, without the contact's properties and merge link. asOf is the instant the score is computed at
 * (the contact's latest activity, not the time of the request); position, the last event applied for the contact.
 */
export type LeadScoreSummary = Readonly<{
  contactId: string;
  fit: number;
  engagement: number;
  total: number;
  qualification: Qualification;
  formulaId: string;
  asOf: string;
  position: string;
}>;

export type LeadScoreDetail = LeadScoreSummary &
  Readonly<{ mergedInto: string | null; properties: Readonly<Record<string, string | number | boolean>> }>;

/** A stored contribution: the scorer's own Contribution, in the scorer's order. */
export type LeadScoreContributionRow = Contribution & Readonly<{ ordinal: number }>;

export type LeadScoreListQuery = Readonly<{
  qualification?: Qualification;
  minScore?: number;
  sort: LeadScoreSort;
  limit: number;
  cursor?: string;
}>;

export type Page<T> = Readonly<{ data: T[]; nextCursor?: string }>;

export type LeadScoreExplanationRow = Readonly<{ score: LeadScoreSummary; contributions: LeadScoreContributionRow[] }>;

/** A stored score of one build, merged duplicates included. */
export type StoredLeadScore = Omit<LeadScoreSummary, 'position'> & Readonly<{ mergedInto: string | null }>;

export type StoredLeadScores = Readonly<{
  /** The position the build had reached when the scores were read (same snapshot); null: none read. */
  position: string | null;
  scores: StoredLeadScore[];
}>;

export type QualificationTransition = Readonly<{ from: Qualification; to: Qualification; contacts: number }>;

export type ScoreMover = Readonly<{
  contactId: string;
  before: number;
  after: number;
  change: number;
  qualificationBefore: Qualification;
  qualificationAfter: Qualification;
}>;

export type ReplayComparison = Readonly<{
  /** Contacts (merged duplicates left out) scored by both builds. */
  compared: number;
  /** Contacts only one of the builds has scored yet (a build still catching up). */
  onlyBefore: number;
  onlyAfter: number;
  scoreChanged: number;
  qualificationChanged: number;
  /** Every from -> to pair with its count, both directions. */
  transitions: readonly QualificationTransition[];
  /** The largest absolute score changes, largest first. */
  topMovers: readonly ScoreMover[];
}>;

/** A contact's qualification changed with the event at `position` (its id: eventId), scored by formula `formulaId`. */
export type LeadScoreQualificationChange = Readonly<{
  contactId: string;
  position: string;
  eventId: string;
  occurredAt: string;
  previous: Qualification;
  qualification: Qualification;
  formulaId: string;
  total: number;
}>;

export interface LeadScoreReadModel {
  /** The projection's name: the engine's builds of lead scores go by it. */
  readonly name: string;
  /** The formula a build scores with, from the build's params. */
  formulaOf(params: Readonly<Record<string, unknown>>): Formula;
  /** One page of the active build's scores (merged duplicates left out), with the build's position. */
  list(query: LeadScoreListQuery): Promise<Positioned<Page<LeadScoreSummary>>>;
  /** A contact's score (null when never seen) with the active build's position. */
  find(contactId: string): Promise<Positioned<{ score: LeadScoreDetail | null }>>;
  /** Every contribution behind a contact's score, in the scorer's order. */
  contributions(contactId: string): Promise<LeadScoreContributionRow[]>;
  /** A score and its contributions read together; null for an unknown contact. */
  explain(contactId: string): Promise<LeadScoreExplanationRow | null>;
  /** Every stored score of build `version` (or one contact's) with the position that build had reached. */
  storedAt(version: number, contactId?: string): Promise<StoredLeadScores>;
  /** Build `after` compared with build `before`. */
  compareBuilds(before: number, after: number): Promise<ReplayComparison>;
  /**
   * The active build's qualification changes caused by events after `afterPosition` (null: from the start) up to
   * `upToPosition` inclusive, in log order (position, then contact id), at most `limit`, with the position the build
   * had reached: changes up to a position are complete only once the build is there.
   */
  qualificationChanges(
    afterPosition: string | null,
    upToPosition: string,
    limit: number,
  ): Promise<Positioned<{ data: LeadScoreQualificationChange[] }>>;
}
