// Survey results, answered: NPS (promoters, passives, detractors, score = % promoters - % detractors), CES and CSAT
// (average and distribution), per survey or type, over a range of UTC days, as a whole and per period (the UTC
// month of the answer), team (of the contact's owner when answered) or ticket pipeline; and the comments, newest
// first. Scores and averages are exact decimals rounded once, half to even: the NPS score to 1 decimal, averages
// to 2 (2 promoters and 1 detractor of 3 score 33.3).
import { divideHalfEven } from '#domain/shared';
import { SCORE_RANGES, type SurveyCategory, type SurveyType } from '#domain/survey';
import { decodeCursor, encodeCursor, InvalidCursor, Parameters, preparedQuery, type ReadSource } from '#read-models';
import { SURVEY_RESULTS_TABLES as T } from './survey-results.tables.js';

export const SURVEY_GROUPINGS = ['period', 'team', 'ticketPipeline'] as const;
export type SurveyGrouping = (typeof SURVEY_GROUPINGS)[number];

const GROUP_COLUMN: Readonly<Record<SurveyGrouping, string>> = { period: 'r.period', team: 'r.team', ticketPipeline: 'r.pipeline_id' };

export type SurveyResultsQuery = Readonly<{
  surveyId?: string;
  /** First and last UTC day, inclusive (`YYYY-MM-DD`); either may be left open. */
  from?: string;
  to?: string;
  groupBy?: SurveyGrouping;
}>;

export type NpsCounts = Readonly<{
  responses: number;
  promoters: number;
  passives: number;
  detractors: number;
  /** % promoters - % detractors, -100 to 100, to 1 decimal (half to even); null without answers. */
  score: string | null;
}>;
export type NpsGroup = NpsCounts & Readonly<{ key: string | null }>;
export type NpsReport = NpsCounts & Readonly<{ groupBy: SurveyGrouping | null; groups: readonly NpsGroup[] }>;

export type ScoreCount = Readonly<{ score: number; count: number }>;
export type CategoryCount = Readonly<{ category: SurveyCategory; count: number }>;
export type RatingCounts = Readonly<{
  responses: number;
  /** The mean score to 2 decimals (half to even); null without answers. */
  average: string | null;
  /** Every score of the type's range, in order, with how many gave it (0 included). */
  distribution: readonly ScoreCount[];
  /** CES: easy 5-7, neutral 4, difficult 1-3; CSAT: satisfied 4-5, neutral 3, dissatisfied 1-2. */
  categories: readonly CategoryCount[];
}>;
export type RatingGroup = RatingCounts & Readonly<{ key: string | null }>;
export type RatingReport = RatingCounts & Readonly<{ surveyType: SurveyType; groupBy: SurveyGrouping | null; groups: readonly RatingGroup[] }>;

const CATEGORIES: Readonly<Record<'ces' | 'csat', readonly SurveyCategory[]>> = {
  ces: ['easy', 'neutral', 'difficult'],
  csat: ['satisfied', 'neutral', 'dissatisfied'],
};

const nextDay = (day: string): string => new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000).toISOString();

/** The WHERE clause of one type's answers in the query's survey and days. */
const scopeOf = (params: Parameters, type: SurveyType, query: SurveyResultsQuery): string =>
  `r.survey_type = ${params.add(type)}${params.equals('r.survey_id', query.surveyId)}` +
  (query.from === undefined ? '' : ` AND r.responded_at >= ${params.add(`${query.from}T00:00:00.000Z`)}::timestamptz`) +
  (query.to === undefined ? '' : ` AND r.responded_at < ${params.add(nextDay(query.to))}::timestamptz`);

type ScoreRecord = Readonly<{ key: string | null; score: number; count: string }>;

/** How many gave each score, per group (one group, key null, without groupBy). */
const countsOf = async (db: ReadSource, type: SurveyType, query: SurveyResultsQuery): Promise<Map<string | null, Map<number, number>>> => {
  const params = new Parameters();
  const key = query.groupBy === undefined ? 'NULL::text' : GROUP_COLUMN[query.groupBy];
  const rows = await preparedQuery<ScoreRecord>(
    db,
    `SELECT ${key} AS key, r.score, count(*) AS count FROM ${T.responses} r WHERE ${scopeOf(params, type, query)}
      GROUP BY 1, 2 ORDER BY 1 NULLS LAST, 2`,
    params.values,
  );
  const groups = new Map<string | null, Map<number, number>>();
  for (const row of rows) {
    const scores = groups.get(row.key) ?? new Map<number, number>();
    scores.set(row.score, Number(row.count));
    groups.set(row.key, scores);
  }
  return groups;
};

const sumOf = (scores: ReadonlyMap<number, number>, holds: (score: number) => boolean = () => true): number =>
  [...scores].reduce((sum, [score, count]) => (holds(score) ? sum + count : sum), 0);

export const npsOf = (scores: ReadonlyMap<number, number>): NpsCounts => {
  const responses = sumOf(scores);
  const promoters = sumOf(scores, (score) => score >= 9);
  const detractors = sumOf(scores, (score) => score <= 6);
  const passives = responses - promoters - detractors;
  const score = responses === 0 ? null : divideHalfEven(String((promoters - detractors) * 100), String(responses), 1);
  return { responses, promoters, passives, detractors, score };
};

export const ratingOf = (type: 'ces' | 'csat', scores: ReadonlyMap<number, number>): RatingCounts => {
  const { min, max } = SCORE_RANGES[type];
  const responses = sumOf(scores);
  const total = [...scores].reduce((sum, [score, count]) => sum + score * count, 0);
  const distribution = Array.from({ length: max - min + 1 }, (_, index) => ({ score: min + index, count: scores.get(min + index) ?? 0 }));
  const [high, middle, low] = CATEGORIES[type];
  // CES: 5-7 easy, 4 neutral; CSAT: 4-5 satisfied, 3 neutral.
  const neutral = type === 'ces' ? 4 : 3;
  const categories = [
    { category: high, count: sumOf(scores, (score) => score > neutral) },
    { category: middle, count: sumOf(scores, (score) => score === neutral) },
    { category: low, count: sumOf(scores, (score) => score < neutral) },
  ];
  return { responses, average: responses === 0 ? null : divideHalfEven(String(total), String(responses), 2), distribution, categories };
};

const merged = (groups: ReadonlyMap<string | null, ReadonlyMap<number, number>>): Map<number, number> => {
  const all = new Map<number, number>();
  for (const scores of groups.values()) for (const [score, count] of scores) all.set(score, (all.get(score) ?? 0) + count);
  return all;
};

export const npsReport = async (db: ReadSource, query: SurveyResultsQuery): Promise<NpsReport> => {
  const groups = await countsOf(db, 'nps', query);
  return {
    ...npsOf(merged(groups)),
    groupBy: query.groupBy ?? null,
    groups: query.groupBy === undefined ? [] : [...groups].map(([key, scores]) => ({ key, ...npsOf(scores) })),
  };
};

export const ratingReport = async (db: ReadSource, type: 'ces' | 'csat', query: SurveyResultsQuery): Promise<RatingReport> => {
  const groups = await countsOf(db, type, query);
  return {
    surveyType: type,
    ...ratingOf(type, merged(groups)),
    groupBy: query.groupBy ?? null,
    groups: query.groupBy === undefined ? [] : [...groups].map(([key, scores]) => ({ key, ...ratingOf(type, scores) })),
  };
};

export type SurveyComment = Readonly<{
  linkId: string;
  surveyId: string;
  surveyType: SurveyType;
  score: number;
  category: SurveyCategory;
  comment: string;
  contactId: string;
  ticketId: string | null;
  ownerId: string | null;
  team: string | null;
  pipelineId: string | null;
  respondedAt: string;
  eventId: string;
}>;

export type SurveyCommentsQuery = Readonly<{
  surveyId?: string;
  surveyType?: SurveyType;
  category?: SurveyCategory;
  from?: string;
  to?: string;
  limit: number;
  cursor?: string;
}>;

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'`;
// Answers are stored to the millisecond (their business time), so the page key's instant is exact in this form.
const CURSOR_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The answers with a comment, newest first (then by link id), a page at a time. */
export const surveyComments = async (db: ReadSource, query: SurveyCommentsQuery): Promise<{ data: SurveyComment[]; nextCursor: string | null }> => {
  const params = new Parameters();
  let where = `r.comment IS NOT NULL${params.equals('r.survey_id', query.surveyId)}${params.equals('r.survey_type', query.surveyType)}${params.equals('r.category', query.category)}`;
  if (query.from !== undefined) where += ` AND r.responded_at >= ${params.add(`${query.from}T00:00:00.000Z`)}::timestamptz`;
  if (query.to !== undefined) where += ` AND r.responded_at < ${params.add(nextDay(query.to))}::timestamptz`;
  if (query.cursor !== undefined) {
    const [at, linkId] = decodeCursor(query.cursor, 2);
    if (typeof at !== 'string' || !CURSOR_INSTANT.test(at) || Number.isNaN(Date.parse(at)) || typeof linkId !== 'string') throw new InvalidCursor();
    where += ` AND (r.responded_at, r.link_id) < (${params.add(at)}::timestamptz, ${params.add(linkId)})`;
  }
  const rows = await preparedQuery<SurveyComment>(
    db,
    `SELECT r.link_id AS "linkId", r.survey_id AS "surveyId", r.survey_type AS "surveyType", r.score, r.category, r.comment,
            r.contact_id AS "contactId", r.ticket_id AS "ticketId", r.owner_id AS "ownerId", r.team, r.pipeline_id AS "pipelineId",
            to_char(r.responded_at AT TIME ZONE 'UTC', ${ISO}) AS "respondedAt", r.event_id AS "eventId"
       FROM ${T.responses} r WHERE ${where}
      ORDER BY r.responded_at DESC, r.link_id DESC LIMIT ${params.add(query.limit + 1)}`,
    params.values,
  );
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  const nextCursor = rows.length > query.limit && last ? encodeCursor([last.respondedAt, last.linkId]) : null;
  return { data: page, nextCursor };
};

export type SurveySummary = Readonly<{ surveyId: string; type: SurveyType; name: string; question: string; createdAt: string; responses: number }>;

/** Every survey, newest first, with how many answers it has. */
export const listSurveys = async (db: ReadSource): Promise<SurveySummary[]> => {
  const rows = await preparedQuery<SurveySummary & { responses: string }>(
    db,
    `SELECT s.survey_id AS "surveyId", s.type, s.name, s.question, to_char(s.created_at AT TIME ZONE 'UTC', ${ISO}) AS "createdAt",
            (SELECT count(*) FROM ${T.responses} r WHERE r.survey_id = s.survey_id) AS responses
       FROM ${T.surveys} s ORDER BY s.created_at DESC, s.survey_id`,
  );
  return rows.map((row) => ({ ...row, responses: Number(row.responses) }));
};
