// Lead-score queries: lists with keyset paging (stable under ties: the sort key, then the contact id), one
// contact's score, and every contribution behind it. Merged duplicates never appear in lists.
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { decodeCursor, encodeCursor, InvalidCursor } from '../cursor.js';
import { LeadScore, LeadScoreContribution } from './lead-score.entity.js';
import type { Contribution } from '../../../scoring/src/index.js';

export type Qualification = LeadScore['qualification'];
export const QUALIFICATIONS: readonly Qualification[] = ['none', 'mql', 'sql'];

export type LeadScoreSort = 'score' | '-score' | 'updated' | '-updated';
export const LEAD_SCORE_SORTS: readonly LeadScoreSort[] = ['score', '-score', 'updated', '-updated'];

export type LeadScoreSummary = Readonly<{
  contactId: string;
  fit: number;
  engagement: number;
  total: number;
  qualification: Qualification;
  formulaId: string;
  /** The instant the score is computed at: the contact's latest activity, not the time of the request. */
  asOf: string;
  /** Position of the last event applied for the contact. */
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

// Fixed column per validated sort; the tie-breaker runs the other way so one index serves both directions.
const ORDER: Readonly<Record<LeadScoreSort, { column: 'total' | 'as_of'; property: 'total' | 'asOf'; descending: boolean }>> = {
  score: { column: 'total', property: 'total', descending: false },
  '-score': { column: 'total', property: 'total', descending: true },
  updated: { column: 'as_of', property: 'asOf', descending: false },
  '-updated': { column: 'as_of', property: 'asOf', descending: true },
};

const summaryOf = (row: LeadScore): LeadScoreSummary => ({
  contactId: row.contactId,
  fit: row.fit,
  engagement: row.engagement,
  total: row.total,
  qualification: row.qualification,
  formulaId: row.formulaId,
  asOf: row.asOf.toISOString(),
  position: row.position,
});

// The cursor names its sort, so a cursor from one ordering is refused by another.
const afterCursor = (builder: SelectQueryBuilder<LeadScore>, sort: LeadScoreSort, cursor: string): void => {
  const [cursorSort, value, contactId] = decodeCursor(cursor, 3);
  const { column, descending } = ORDER[sort];
  const valid =
    cursorSort === sort &&
    typeof contactId === 'string' &&
    (column === 'total' ? typeof value === 'number' : typeof value === 'string' && Number.isFinite(Date.parse(value)));
  if (!valid) throw new InvalidCursor();
  const [beyond, tie] = descending ? ['<', '>'] : ['>', '<'];
  builder.andWhere(`(s.${column} ${beyond} :value OR (s.${column} = :value AND s.contact_id ${tie} :contactId))`, { value, contactId });
};

export const listLeadScores = async (dataSource: DataSource, query: LeadScoreListQuery): Promise<Page<LeadScoreSummary>> => {
  const { column, property, descending } = ORDER[query.sort];
  const builder = dataSource.getRepository(LeadScore).createQueryBuilder('s').where('s.merged_into IS NULL');
  if (query.qualification !== undefined) builder.andWhere('s.qualification = :qualification', { qualification: query.qualification });
  if (query.minScore !== undefined) builder.andWhere('s.total >= :minScore', { minScore: query.minScore });
  if (query.cursor !== undefined) afterCursor(builder, query.sort, query.cursor);
  const rows = await builder
    .orderBy(`s.${property}`, descending ? 'DESC' : 'ASC')
    .addOrderBy('s.contactId', descending ? 'ASC' : 'DESC')
    .take(query.limit + 1)
    .getMany();
  const data = rows.slice(0, query.limit).map(summaryOf);
  const last = data[data.length - 1];
  if (rows.length <= query.limit || !last) return { data };
  return { data, nextCursor: encodeCursor([query.sort, column === 'total' ? last.total : last.asOf, last.contactId]) };
};

/** null when the projection has never seen the contact. A merged duplicate is answered with mergedInto set. */
export const findLeadScore = async (dataSource: DataSource, contactId: string): Promise<LeadScoreDetail | null> => {
  const row = await dataSource.getRepository(LeadScore).findOneBy({ contactId });
  return row ? { ...summaryOf(row), mergedInto: row.mergedInto, properties: row.properties } : null;
};

/** Every contribution in the scorer's order (group, rule, occurrence); their `counted` add up to the total. */
export const leadScoreContributions = async (dataSource: DataSource, contactId: string): Promise<LeadScoreContributionRow[]> => {
  const rows = await dataSource.getRepository(LeadScoreContribution).find({ where: { contactId }, order: { ordinal: 'ASC' } });
  return rows.map(({ contactId: _contactId, occurredAt, ...row }) => ({ ...row, occurredAt: occurredAt?.toISOString() ?? null }));
};

export type LeadScoreExplanationRow = Readonly<{ score: LeadScoreSummary; contributions: LeadScoreContributionRow[] }>;

type ExplainRow = {
  contact_id: string;
  fit: string;
  engagement: string;
  total: string;
  qualification: Qualification;
  formula_id: string;
  as_of: Date;
  score_position: string;
  ordinal: number | null;
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

/**
 * A score with every contribution behind it, read in one statement: one snapshot, so a formula switch between two
 * reads can never pair one build's score with another build's contributions. null for an unknown contact.
 */
export const explainLeadScore = async (dataSource: DataSource, contactId: string): Promise<LeadScoreExplanationRow | null> => {
  const rows: ExplainRow[] = await dataSource.query(
    `SELECT s.contact_id, s.fit, s.engagement, s.total, s.qualification, s.formula_id, s.as_of, s.position AS score_position,
            c.ordinal, c.group_id, c.rule_id, c.event_id, c.event_type, c.stream_name, c.revision, c.position, c.occurred_at,
            c.raw_points, c.decay_factor, c.points, c.cut_by_rule_cap, c.cut_by_group_limit, c.cut_by_total_limit, c.counted
       FROM lead_scores s LEFT JOIN lead_score_contributions c ON c.contact_id = s.contact_id
      WHERE s.contact_id = $1
      ORDER BY c.ordinal`,
    [contactId],
  );
  const [first] = rows;
  if (!first) return null;
  return {
    score: {
      contactId: first.contact_id,
      fit: Number(first.fit),
      engagement: Number(first.engagement),
      total: Number(first.total),
      qualification: first.qualification,
      formulaId: first.formula_id,
      asOf: new Date(first.as_of).toISOString(),
      position: first.score_position,
    },
    contributions: rows
      .filter((row) => row.ordinal !== null)
      .map((row) => ({
        ordinal: Number(row.ordinal),
        groupId: row.group_id,
        ruleId: row.rule_id,
        eventId: row.event_id,
        eventType: row.event_type,
        streamName: row.stream_name,
        revision: row.revision === null ? null : Number(row.revision),
        position: row.position,
        occurredAt: row.occurred_at === null ? null : new Date(row.occurred_at).toISOString(),
        rawPoints: Number(row.raw_points),
        decayFactor: Number(row.decay_factor),
        points: Number(row.points),
        cutByRuleCap: Number(row.cut_by_rule_cap),
        cutByGroupLimit: Number(row.cut_by_group_limit),
        cutByTotalLimit: Number(row.cut_by_total_limit),
        counted: Number(row.counted),
      })),
  };
};
