// Queries over one lead-score build's own tables (`lead_scores_v<N>`), not the views: verify must read the build
// whose formula it re-derives with, and the replay report compares two builds side by side. They take any
// ReadSource, a plain pg pool included, so the CLI, which has no TypeORM data source, runs the same SQL. Only a validated integer version ever
// reaches a table name; everything else is a parameter.
import type { ReplayComparison, StoredLeadScore, StoredLeadScores } from '#application';
import { buildPositionSql } from '#projection-engine';
import { preparedQuery, type ReadSource } from '#read-models';
import type { Qualification } from '#scoring';
import { scoreOf, type ScoreRecord } from './lead-score.queries.js';
import { LEAD_SCORE_PROJECTION, LEAD_SCORE_TABLES } from './lead-score.tables.js';

export class InvalidBuildVersion extends Error {
  constructor(version: unknown) {
    super(`not a build version: ${String(version)}`);
  }
}

const scoresTable = (version: number): string => {
  if (!Number.isSafeInteger(version) || version < 1) throw new InvalidBuildVersion(version);
  // The engine names a build's tables `<base>_v<N>`.
  return `${LEAD_SCORE_TABLES.scores}_v${version}`;
};

type ScoreRow = ScoreRecord & { merged_into: string | null; build_position: string | null };

const toStored = (row: ScoreRow): StoredLeadScore => ({ ...scoreOf(row), mergedInto: row.merged_into });

/**
 * Every stored score of build `version` (or one contact's), merged duplicates included, with the build's position
 * read in the same statement: the engine moves rows and position in one transaction, so the pair is consistent.
 */
export const storedLeadScoresAt = async (db: ReadSource, version: number, contactId?: string): Promise<StoredLeadScores> => {
  const rows = await preparedQuery<ScoreRow>(
    db,
    `SELECT contact_id, fit, engagement, total, qualification, formula_id, as_of, merged_into,
            ${buildPositionSql('$1', '$2')} AS build_position
       FROM ${scoresTable(version)} ${contactId === undefined ? '' : 'WHERE contact_id = $3'} ORDER BY contact_id`,
    contactId === undefined ? [LEAD_SCORE_PROJECTION, version] : [LEAD_SCORE_PROJECTION, version, contactId],
  );
  return { position: rows[0]?.build_position ?? null, scores: rows.map(toStored) };
};

/** Every stored score of build `version` (or one contact's), merged duplicates included. */
export const storedLeadScores = async (db: ReadSource, version: number, contactId?: string): Promise<StoredLeadScore[]> =>
  (await storedLeadScoresAt(db, version, contactId)).scores;

/** Compares build `after` with build `before`, joined on contact id, in SQL. */
export const compareLeadScoreBuilds = async (db: ReadSource, before: number, after: number, movers = 20): Promise<ReplayComparison> => {
  const join = `FROM ${scoresTable(before)} b JOIN ${scoresTable(after)} a USING (contact_id)
               WHERE b.merged_into IS NULL AND a.merged_into IS NULL`;
  const [summary] = await preparedQuery<{ compared: number; score_changed: number; qualification_changed: number; only_before: number; only_after: number }>(
    db,
    `SELECT count(*)::int AS compared,
            (count(*) FILTER (WHERE a.total <> b.total))::int AS score_changed,
            (count(*) FILTER (WHERE a.qualification <> b.qualification))::int AS qualification_changed,
            (SELECT count(*)::int FROM ${scoresTable(before)} x WHERE x.merged_into IS NULL
               AND NOT EXISTS (SELECT 1 FROM ${scoresTable(after)} y WHERE y.contact_id = x.contact_id)) AS only_before,
            (SELECT count(*)::int FROM ${scoresTable(after)} y WHERE y.merged_into IS NULL
               AND NOT EXISTS (SELECT 1 FROM ${scoresTable(before)} x WHERE x.contact_id = y.contact_id)) AS only_after
       ${join}`,
  );
  const transitions = await preparedQuery<{ from: Qualification; to: Qualification; contacts: number }>(
    db,
    `SELECT b.qualification AS "from", a.qualification AS "to", count(*)::int AS contacts
       ${join} AND a.qualification <> b.qualification
      GROUP BY b.qualification, a.qualification ORDER BY contacts DESC, "from", "to"`,
  );
  const top = await preparedQuery<{ contact_id: string; before: string; after: string; qb: Qualification; qa: Qualification }>(
    db,
    `SELECT contact_id, b.total AS before, a.total AS after, b.qualification AS qb, a.qualification AS qa
       ${join} AND a.total <> b.total
      ORDER BY abs(a.total - b.total) DESC, contact_id LIMIT $1`,
    [movers],
  );
  return {
    compared: summary.compared,
    onlyBefore: summary.only_before,
    onlyAfter: summary.only_after,
    scoreChanged: summary.score_changed,
    qualificationChanged: summary.qualification_changed,
    transitions,
    topMovers: top.map((row) => ({
      contactId: row.contact_id,
      before: Number(row.before),
      after: Number(row.after),
      change: Math.round((Number(row.after) - Number(row.before)) * 100) / 100,
      qualificationBefore: row.qb,
      qualificationAfter: row.qa,
    })),
  };
};
