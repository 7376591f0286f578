// Lead-score queries: lists with keyset paging (stable under ties: the sort key, then the contact id), one
// contact's score, and every contribution behind it. Merged duplicates never appear in lists.
import type {
  LeadScoreContributionRow,
  LeadScoreDetail,
  LeadScoreExplanationRow,
  LeadScoreListQuery,
  LeadScoreSort,
  LeadScoreSummary,
  Page,
  LeadScoreQualificationChange,
} from '#application';
import { parsePosition } from '#event-store';
import { activePositionSql } from '#projection-engine';
import {
  answerPosition,
  decodeCursor,
  encodeCursor,
  InvalidCursor,
  Parameters,
  preparedQuery,
  type Positioned,
  type ReadSource,
} from '#read-models';
import type { Qualification } from '#scoring';
import { LEAD_SCORE_PROJECTION, LEAD_SCORE_TABLES as T } from './lead-score.tables.js';

export type { Qualification };
export const QUALIFICATIONS: readonly Qualification[] = ['none', 'mql', 'sql'];

export const LEAD_SCORE_SORTS: readonly LeadScoreSort[] = ['score', '-score', 'updated', '-updated'];

// Fixed column per validated sort; the tie-breaker runs the other way so one index serves both directions.
const ORDER: Readonly<Record<LeadScoreSort, { column: 'total' | 'as_of'; descending: boolean }>> = {
  score: { column: 'total', descending: false },
  '-score': { column: 'total', descending: true },
  updated: { column: 'as_of', descending: false },
  '-updated': { column: 'as_of', descending: true },
};

/** A score's own columns as pg returns them, in a build's table or its view. */
export type ScoreRecord = {
  contact_id: string;
  fit: string;
  engagement: string;
  total: string;
  qualification: Qualification;
  formula_id: string;
  as_of: Date;
};
type SummaryRecord = ScoreRecord & { position: string };
type DetailRecord = SummaryRecord & { merged_into: string | null; properties: LeadScoreDetail['properties'] };

// numeric arrives as a string: scores have two decimals, so a number is exact enough.
export const scoreOf = (row: ScoreRecord): Omit<LeadScoreSummary, 'position'> => ({
  contactId: row.contact_id,
  fit: Number(row.fit),
  engagement: Number(row.engagement),
  total: Number(row.total),
  qualification: row.qualification,
  formulaId: row.formula_id,
  asOf: row.as_of.toISOString(),
});

const summaryOf = (row: SummaryRecord): LeadScoreSummary => ({ ...scoreOf(row), position: row.position });

const SUMMARY_COLUMNS = 's.contact_id, s.fit, s.engagement, s.total, s.qualification, s.formula_id, s.as_of, s.position';

// The cursor names its sort, so a cursor from one ordering is refused by another.
const afterCursor = (params: Parameters, sort: LeadScoreSort, cursor: string): string => {
  const [cursorSort, value, contactId] = decodeCursor(cursor, 3);
  const { column, descending } = ORDER[sort];
  const valid =
    cursorSort === sort &&
    typeof contactId === 'string' &&
    (column === 'total' ? typeof value === 'number' : typeof value === 'string' && Number.isFinite(Date.parse(value)));
  if (!valid) throw new InvalidCursor();
  const [beyond, tie] = descending ? ['<', '>'] : ['>', '<'];
  const at = params.add(value);
  return `(s.${column} ${beyond} ${at} OR (s.${column} = ${at} AND s.contact_id ${tie} ${params.add(contactId)}))`;
};

// A row of `(SELECT 1) LEFT JOIN ...`: the position, and the columns of a row found or all null.
type Read<T> = { read_position: string | null } & (T | { [K in keyof T]: null });

/**
 * One page in one statement with the build's position. The page is a LATERAL subquery joined to one row, so an
 * empty page still brings the position; its ORDER BY ... LIMIT walks the sort's index.
 */
export const listLeadScores = async (dataSource: ReadSource, query: LeadScoreListQuery): Promise<Positioned<Page<LeadScoreSummary>>> => {
  const { column, descending } = ORDER[query.sort];
  const params = new Parameters();
  const position = activePositionSql(params.add(LEAD_SCORE_PROJECTION));
  const conditions = ['s.merged_into IS NULL'];
  if (query.qualification !== undefined) conditions.push(`s.qualification = ${params.add(query.qualification)}`);
  if (query.minScore !== undefined) conditions.push(`s.total >= ${params.add(query.minScore)}`);
  if (query.cursor !== undefined) conditions.push(afterCursor(params, query.sort, query.cursor));
  const order = `s.${column} ${descending ? 'DESC' : 'ASC'}, s.contact_id ${descending ? 'ASC' : 'DESC'}`;
  const rows = await preparedQuery<Read<SummaryRecord>>(
    dataSource,
    `SELECT ${position} AS read_position, s.*
       FROM (SELECT 1) AS answer
       LEFT JOIN LATERAL (
         SELECT ${SUMMARY_COLUMNS} FROM ${T.scores} s WHERE ${conditions.join(' AND ')} ORDER BY ${order} LIMIT ${params.add(query.limit + 1)}
       ) AS s ON true
      ORDER BY ${order}`,
    params.values,
  );
  const found = rows.filter((row): row is Read<SummaryRecord> & SummaryRecord => row.contact_id !== null);
  const data = found.slice(0, query.limit).map(summaryOf);
  const answer = { position: answerPosition(rows[0]?.read_position ?? null), data };
  const last = data[data.length - 1];
  if (found.length <= query.limit || !last) return answer;
  return { ...answer, nextCursor: encodeCursor([query.sort, column === 'total' ? last.total : last.asOf, last.contactId]) };
};

/**
 * A contact's score (null when the projection has never seen the contact; a merged duplicate is answered with
 * mergedInto set) and the build's position, in one statement.
 */
export const findLeadScore = async (dataSource: ReadSource, contactId: string): Promise<Positioned<{ score: LeadScoreDetail | null }>> => {
  const [row] = await preparedQuery<Read<DetailRecord>>(
    dataSource,
    `SELECT ${activePositionSql('$1')} AS read_position, ${SUMMARY_COLUMNS}, s.merged_into, s.properties
       FROM (SELECT 1) AS answer LEFT JOIN ${T.scores} s ON s.contact_id = $2`,
    [LEAD_SCORE_PROJECTION, contactId],
  );
  const position = answerPosition(row.read_position);
  if (row.contact_id === null) return { position, score: null };
  return { position, score: { ...summaryOf(row), mergedInto: row.merged_into, properties: row.properties } };
};

type ContributionRecord = {
  ordinal: number;
  group_id: string;
  rule_id: string;
  event_id: string | null;
  event_type: string | null;
  stream_name: string | null;
  revision: string | null;
  position: string | null;
  occurred_at: Date | null;
  raw_points: string;
  decay_factor: number;
  points: string;
  cut_by_rule_cap: string;
  cut_by_group_limit: string;
  cut_by_total_limit: string;
  counted: string;
};

const CONTRIBUTION_COLUMNS = `c.ordinal, c.group_id, c.rule_id, c.event_id, c.event_type, c.stream_name, c.revision, c.position,
  c.occurred_at, c.raw_points, c.decay_factor, c.points, c.cut_by_rule_cap, c.cut_by_group_limit, c.cut_by_total_limit, c.counted`;

// numeric and bigint arrive as strings: points have two decimals and revisions stay far below 2^53.
const contributionOf = (row: ContributionRecord): LeadScoreContributionRow => ({
  ordinal: Number(row.ordinal),
  groupId: row.group_id,
  ruleId: row.rule_id,
  eventId: row.event_id,
  eventType: row.event_type,
  streamName: row.stream_name,
  revision: row.revision === null ? null : Number(row.revision),
  position: row.position,
  occurredAt: row.occurred_at === null ? null : row.occurred_at.toISOString(),
  rawPoints: Number(row.raw_points),
  decayFactor: Number(row.decay_factor),
  points: Number(row.points),
  cutByRuleCap: Number(row.cut_by_rule_cap),
  cutByGroupLimit: Number(row.cut_by_group_limit),
  cutByTotalLimit: Number(row.cut_by_total_limit),
  counted: Number(row.counted),
});

/** Every contribution in the scorer's order (group, rule, occurrence); their `counted` add up to the total. */
export const leadScoreContributions = async (dataSource: ReadSource, contactId: string): Promise<LeadScoreContributionRow[]> =>
  (
    await preparedQuery<ContributionRecord>(
      dataSource,
      `SELECT ${CONTRIBUTION_COLUMNS} FROM ${T.contributions} c WHERE c.contact_id = $1 ORDER BY c.ordinal`,
      [contactId],
    )
  ).map(contributionOf);

// A contact with no contribution comes back as one row whose contribution columns are all null.
type ExplainRow = Omit<SummaryRecord, 'position'> & { score_position: string } & (ContributionRecord | { [K in keyof ContributionRecord]: null });

/**
 * A score with every contribution behind it, read in one statement: one snapshot, so a formula switch between two
 * reads can never pair one build's score with another build's contributions. null for an unknown contact.
 */
export const explainLeadScore = async (dataSource: ReadSource, contactId: string): Promise<LeadScoreExplanationRow | null> => {
  const rows = await preparedQuery<ExplainRow>(
    dataSource,
    `SELECT s.contact_id, s.fit, s.engagement, s.total, s.qualification, s.formula_id, s.as_of, s.position AS score_position,
            ${CONTRIBUTION_COLUMNS}
       FROM ${T.scores} s LEFT JOIN ${T.contributions} c ON c.contact_id = s.contact_id
      WHERE s.contact_id = $1
      ORDER BY c.ordinal`,
    [contactId],
  );
  const [first] = rows;
  if (!first) return null;
  return {
    score: summaryOf({ ...first, position: first.score_position }),
    contributions: rows.filter((row): row is ExplainRow & ContributionRecord => row.ordinal !== null).map(contributionOf),
  };
};

type QualificationChangeRecord = {
  contact_id: string;
  position: string;
  event_id: string;
  occurred_at: Date;
  previous: Qualification;
  qualification: Qualification;
  formula_id: string;
  total: string;
};

const positionParts = (position: string): [string, string] => {
  const { commit, prepare } = parsePosition(position);
  return [commit.toString(), prepare.toString()];
};

/**
 * The active build's qualification changes caused by events in (`afterPosition`, `upToPosition`], in log order then
 * by contact, at most `limit`, and the build's position in the same statement: a reader that follows the log (the
 * workflow runner) pages through them by position, and knows the page is complete once the build has reached
 * `upToPosition`.
 */
export const qualificationChanges = async (
  dataSource: ReadSource,
  afterPosition: string | null,
  upToPosition: string,
  limit: number,
): Promise<Positioned<{ data: LeadScoreQualificationChange[] }>> => {
  const [afterCommit, afterPrepare] = afterPosition === null ? ['-1', '-1'] : positionParts(afterPosition);
  const [upToCommit, upToPrepare] = positionParts(upToPosition);
  const rows = await preparedQuery<Read<QualificationChangeRecord>>(
    dataSource,
    `SELECT ${activePositionSql('$1')} AS read_position, q.*
       FROM (SELECT 1) AS answer
       LEFT JOIN LATERAL (
         SELECT q.contact_id, q.position, q.event_id, q.occurred_at, q.previous, q.qualification, q.formula_id, q.total,
                q.position_commit, q.position_prepare
           FROM ${T.qualificationChanges} q
          WHERE (q.position_commit, q.position_prepare) > ($2::bigint, $3::bigint)
            AND (q.position_commit, q.position_prepare) <= ($4::bigint, $5::bigint)
          ORDER BY q.position_commit, q.position_prepare, q.contact_id COLLATE "C"
          LIMIT $6
       ) AS q ON true
      ORDER BY q.position_commit, q.position_prepare, q.contact_id COLLATE "C"`,
    [LEAD_SCORE_PROJECTION, afterCommit, afterPrepare, upToCommit, upToPrepare, limit],
  );
  const found = rows.filter((row): row is Read<QualificationChangeRecord> & QualificationChangeRecord => row.contact_id !== null);
  return {
    position: answerPosition(rows[0]?.read_position ?? null),
    data: found.map((row) => ({
      contactId: row.contact_id,
      position: row.position,
      eventId: row.event_id,
      occurredAt: row.occurred_at.toISOString(),
      previous: row.previous,
      qualification: row.qualification,
      formulaId: row.formula_id,
      // numeric arrives as a string: totals have two decimals.
      total: Number(row.total),
    })),
  };
};
