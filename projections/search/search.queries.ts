// Search across contacts, companies, deals and tickets, ranked by how a person would expect: an exact email,
// domain or phone number first, then a word starting with the query (the words' index; a phrase, the trigram
// index), then the query anywhere in the text (the trigram index, for any script), then the records a deal or ticket
// pipeline's name finds, then, for Latin words, typo-tolerant similar words (near distinct words, then their records). And possible duplicates: pairs of contacts or companies that share a
// normalised email, a domain, phone digits, or a similar name.
import type pg from 'pg';
import { DataSource } from 'typeorm';
import { activePositionSql } from '#projection-engine';
import { answerPosition, decodeCursor, encodeCursor, InvalidCursor, Parameters, poolOf, preparedQuery, type Positioned, type ReadSource } from '#read-models';
import { digitsOf, isGram, isTypoWord, MAX_KEY_LENGTH, MIN_PHONE_DIGITS, searchTextOf, type SearchObjectType } from './search.projection.js';
import { SEARCH_PROJECTION, SEARCH_TABLES as T, TYPO_TEXT_CHARS } from './search.tables.js';

export type SearchMatch = 'email' | 'domain' | 'phone' | 'prefix' | 'substring' | 'pipeline' | 'similar';

export type SearchHit = Readonly<{
  type: SearchObjectType;
  id: string;
  title: string;
  subtitle: string | null;
  /** 1 for an exact email, domain or phone; lower for weaker matches (see SCORES); similar words score below all. */
  score: number;
  matched: SearchMatch;
}>;

export type SearchQuery = Readonly<{ q: string; types: readonly SearchObjectType[]; limit: number }>;

/** The hits, best first, and the position of the search build they were read from. */
export type SearchAnswer = Positioned<Readonly<{ data: SearchHit[] }>>;

/** The score of each kind of match: the order of the answer. */
export const SCORES = { exact: 1, contactDomain: 0.95, prefix: 0.8, phone: 0.7, substring: 0.6, pipeline: 0.5, similar: 0.4 } as const;

/**
 * Word similarity (pg_trgm) a Latin query needs to find a word with a typo: `tanka` finds `tanaka` (0.5), `sakrua`
 * finds `sakura` (0.43). pg_trgm's default of 0.6 misses single transpositions in short words.
 */
export const TYPO_SIMILARITY = 0.4;

/** Name similarity (pg_trgm similarity) from which two contacts at one company, or two companies, may be one. */
export const DUPLICATE_NAME_SIMILARITY = 0.6;

const likeEscaped = (text: string): string => text.replace(/[\\%_]/g, (c) => `\\${c}`);

const SUBTITLE = `CASE WHEN r.pipeline_id IS NULL THEN r.subtitle ELSE concat_ws(' · ', p.name,
  (SELECT s->>'label' FROM jsonb_array_elements(p.stages) s WHERE s->>'stageId' = r.stage_id LIMIT 1)) END`;

type HitRow = { type: SearchObjectType; id: string; title: string; subtitle: string | null; score: number; matched: SearchMatch };
type Read = { readPosition: string | null } & (HitRow | { [K in keyof HitRow]: null });

/** Near words looked at per query word for a typo: the closest few, whose records then make up the candidates. */
const NEAR_WORDS = 5;

// A tier's best plan may depend on the words typed (a rare word or a common one, a word start or a fragment): a
// generic plan of a named statement reads every record for some of them (`%xample%`: 33 ms instead of 0.4 at 100k
// records). So the statement of every tier is planned for each request; only the strong tiers of a one-word query,
// btree equalities and a range of the words' key whose generic plan is as good as a custom one for any word, are a
// named statement: parsed once per connection. PostgreSQL runs its generic plan (0.04 ms of planning) once it prices
// no worse than the custom ones, as for a common word; a rare word's custom plan prices lower, so a connection that
// has seen mostly rare words plans each one again (0.8-1 ms at 100k records).
const unprepared = async <T extends pg.QueryResultRow>(source: ReadSource, text: string, values: readonly unknown[]): Promise<T[]> =>
  (source instanceof DataSource ? await poolOf(source).query<T>(text, [...values]) : await source.query<T>(text, [...values])).rows;

/** The tiers a query can use, from its text alone; each statement plans only these. */
export type SearchTiers = Readonly<{
  /** The query as compared: NFKC, lower case, one space between words. */
  q: string;
  /** Strong: a word starting with q through the words' key (one word), or through the text's trigram index (a phrase). */
  wordStart: 'word' | 'phrase';
  /** The digits, when the query is a phone number (strong: exact digits; weak: digits inside a number). */
  phoneDigits: string | null;
  /** Weak: q inside a word, through the trigram index (3 characters and more) or the two-character index; or none. */
  inside: 'trigram' | 'gram' | null;
  /** Typo tier: the query words near words are looked up for; empty when the query has no typo tier. */
  typoWords: readonly string[];
}>;

/**
 * The tiers a query can use. Strong (exact email, exact domain, word start; exact phone digits for a phone number)
 * and the pipeline's name are always asked; a fragment, a phone fragment and typos only when the query can be one.
 */
export const searchTiersOf = (query: string): SearchTiers | null => {
  const q = searchTextOf(query);
  if (q === '') return null;
  const digits = digitsOf(query);
  // Digits compare whatever the query was written with; only a query that is a phone number (digits and the
  // usual separators) is one, so that `Order 12345` stays a text search.
  const phone = digits.length >= MIN_PHONE_DIGITS && /^[\d\s()+\-./]+$/u.test(query.normalize('NFKC'));
  // A fragment inside a word: three characters and more through the trigram index; two (田中, สม) through the index
  // of two-character sequences; a single character or two Latin letters only as the start of a word.
  const inside = [...q].length >= 3 ? 'trigram' : isGram(q) ? 'gram' : null;
  // Typos are looked for in words only: an email, a domain or a number is matched exactly or as a fragment.
  // At most 8 words (a join each below); shorter than 3 letters, a word has no near words worth the name.
  const words = q.split(' ').filter((word) => isTypoWord(word) && [...word].length >= 3).slice(0, 8);
  const typos = q.length >= 3 && /\p{Script=Latin}/u.test(q) && /^[\p{L}\p{M} '’-]+$/u.test(q);
  return {
    q,
    wordStart: !q.includes(' ') && q.length <= MAX_KEY_LENGTH ? 'word' : 'phrase',
    phoneDigits: phone ? digits : null,
    inside,
    typoWords: typos ? words : [],
  };
};

const hit = (score: string, matched: SearchMatch) => `SELECT r.object_type, r.record_id, (${score})::float8 AS score, '${matched}' AS matched`;

// The page: each record once with its best score, ordered as the answer is, beside the build's position read in the
// same statement (one snapshot, one round trip); a page without hits is one row of the position alone.
const ranked = (hits: string, limit: string, position: string) => `best AS (SELECT DISTINCT ON (object_type, record_id) object_type, record_id, score, matched FROM ${hits}
                    ORDER BY object_type, record_id, score DESC)
     SELECT ${position} AS "readPosition", page.*
       FROM (SELECT 1) AS answer
       LEFT JOIN LATERAL (
         SELECT r.object_type AS type, r.record_id AS id, r.title, ${SUBTITLE} AS subtitle, round(b.score::numeric, 3)::float8 AS score, b.matched
           FROM best b
           JOIN ${T.records} r ON r.object_type = b.object_type AND r.record_id = b.record_id
           LEFT JOIN ${T.pipelines} p ON p.pipeline_id = r.pipeline_id
          ORDER BY b.score DESC, lower(r.title), r.object_type, r.record_id
          LIMIT ${limit}
       ) AS page ON true`;

type Statement = Readonly<{ text: string; values: readonly unknown[] }>;

/**
 * The strong tiers: exact email, exact domain, a word starting with q, exact phone digits (scores 0.8 to 1). `named`
 * (one word): the page size is written into the text, so that the server's generic plan of the named statement is
 * priced as it runs (a generic `LIMIT $n` is guessed as a tenth of the rows, which priced it above every custom plan).
 */
const strongTiers = (tiers: SearchTiers, query: SearchQuery, params: Parameters, named: boolean): string[] => {
  const { q } = tiers;
  const types = `${params.add(query.types)}::text[]`;
  const live = `r.merged_into IS NULL AND r.object_type = ANY(${types})`;
  const limit = named ? String(query.limit) : params.add(query.limit);
  const exact = params.add(q);
  const domain = params.add(q.replace(/^@/, '').replace(/^www\./, ''));
  // A word starting with q: one word, through the words' index (a range of it, where the first `limit` records
  // stop the scan; a record holding several such words comes up once); a phrase, through the text's trigram index.
  const prefix =
    tiers.wordStart === 'word'
      ? `(${hit(String(SCORES.prefix), 'prefix')} FROM (SELECT DISTINCT w.object_type, w.record_id FROM
         (SELECT object_type, record_id FROM ${T.recordWords}
           WHERE word >= ${exact} AND word < ${params.add(`${q}\u{10FFFF}`)} AND object_type = ANY(${types})
           ORDER BY word, object_type, record_id LIMIT ${named ? String(query.limit * 4) : params.add(query.limit * 4)}) w) r
       LIMIT ${limit})`
      : // Both patterns imply q anywhere: asked as that, the trigram index is read once, not once per pattern.
        `(${hit(String(SCORES.prefix), 'prefix')} FROM ${T.records} r
       WHERE r.search_text LIKE ${params.add(`%${likeEscaped(q)}%`)}
         AND (r.search_text LIKE ${params.add(`${likeEscaped(q)}%`)} OR r.search_text LIKE ${params.add(`% ${likeEscaped(q)}%`)}) AND ${live}
       LIMIT ${limit})`;
  const parts = [
    `${hit(String(SCORES.exact), 'email')} FROM ${T.records} r WHERE r.email = ${exact} AND ${live}`,
    `${hit(`CASE r.object_type WHEN 'company' THEN ${SCORES.exact} ELSE ${SCORES.contactDomain} END`, 'domain')}
       FROM ${T.records} r WHERE r.domain = ${domain} AND ${live}`,
    prefix,
  ];
  if (tiers.phoneDigits !== null) {
    parts.push(`${hit(String(SCORES.exact), 'phone')} FROM ${T.records} r WHERE r.phone_digits = ${params.add(tiers.phoneDigits)} AND ${live}`);
  }
  return parts;
};

/** The strong tiers alone, a named statement: its tiers are btree equalities and a range of the words' key. */
const strongStatement = (tiers: SearchTiers, query: SearchQuery): Statement => {
  const params = new Parameters();
  const position = activePositionSql(params.add(SEARCH_PROJECTION));
  const strong = strongTiers(tiers, query, params, true);
  return { text: `WITH hits AS (${strong.join('\n UNION ALL ')}),\n          ${ranked('hits', String(query.limit), position)}`, values: params.values };
};

/**
 * Every tier: the strong ones (or, `found`, the records the strong statement found, fewer than a page), then the
 * weak ones while the strong ones found fewer than `limit` records, then typos while strong and weak together did:
 * a weaker tier's scores are lower, so it could not enter the answer otherwise. Within a tier, `limit` records are
 * taken as the index finds them (ranking thousands of "田中" against one another would read them all), then ordered
 * by title.
 */
const searchStatement = (tiers: SearchTiers, query: SearchQuery, found?: readonly HitRow[]): Statement => {
  const params = new Parameters();
  const position = activePositionSql(params.add(SEARCH_PROJECTION));
  const { q } = tiers;
  const strong =
    found === undefined
      ? strongTiers(tiers, query, params, false)
      : [
          `SELECT s.object_type, s.record_id, s.score, s.matched
             FROM unnest(${params.add(found.map((row) => row.type))}::text[], ${params.add(found.map((row) => row.id))}::text[],
                         ${params.add(found.map((row) => row.score))}::float8[], ${params.add(found.map((row) => row.matched))}::text[])
                  AS s(object_type, record_id, score, matched)`,
        ];
  const types = `${params.add(query.types)}::text[]`;
  const limit = params.add(query.limit);
  const live = `r.merged_into IS NULL AND r.object_type = ANY(${types})`;
  const anywhere = params.add(`%${likeEscaped(q)}%`);
  // Given `found`, the strong statement found fewer than a page (else this one would not run).
  const fewer = (cte: string) => (found !== undefined && cte === 'strong' ? 'true' : `(SELECT count(DISTINCT (object_type, record_id)) FROM ${cte}) < ${limit}`);
  const weak = [
    // Per pipeline found, its first records (a join could walk every record of the pipelines before it).
    `(${hit(String(SCORES.pipeline), 'pipeline')} FROM ${T.pipelines} p
       CROSS JOIN LATERAL (SELECT r.object_type, r.record_id FROM ${T.records} r
                            WHERE r.pipeline_id = p.pipeline_id AND r.object_type = p.object_type AND ${live} LIMIT ${limit}) r
       WHERE p.search_name LIKE ${anywhere} AND ${fewer('strong')} LIMIT ${limit})`,
  ];
  // A fragment inside a word: three characters and more through the trigram index; two (田中, สม) through the index
  // of two-character sequences.
  if (tiers.inside !== null) {
    const inside = tiers.inside === 'gram' ? `r.search_grams @> ${params.add(JSON.stringify([q]))}::jsonb AND ` : '';
    weak.push(
      `(${hit(String(SCORES.substring), 'substring')} FROM ${T.records} r
         WHERE ${inside}r.search_text LIKE ${anywhere} AND ${live} AND ${fewer('strong')} LIMIT ${limit})`,
    );
  }
  if (tiers.phoneDigits !== null) {
    weak.push(
      // The digits are in the search text too: its trigram index finds the candidates.
      `(${hit(String(SCORES.phone), 'phone')} FROM ${T.records} r
         WHERE r.search_text LIKE ${params.add(`%${tiers.phoneDigits}%`)} AND r.phone_digits LIKE ${params.add(`%${tiers.phoneDigits}%`)} AND ${live}
           AND ${fewer('strong')} LIMIT ${limit})`,
    );
  }
  let similar = `SELECT * FROM strong WHERE false`;
  const typoWords = tiers.typoWords;
  if (typoWords.length > 0) {
    // Each query word's nearest distinct words (KNN over the words' index), then the candidates: the first records
    // holding each near word (in key order: an index scan that stops after them, where a bitmap scan reads them all),
    // and (several query words) the first records holding the nearest word of every one. Candidates are scored
    // against their text.
    const all = '(SELECT object_type, record_id FROM strong UNION ALL SELECT object_type, record_id FROM weak) found';
    const exact = params.add(q);
    const threshold = params.add(TYPO_SIMILARITY);
    const words = `left(r.search_text, ${TYPO_TEXT_CHARS})`;
    // Records holding the nearest word of every query word: one word each, joined on the record (grouping the
    // records of every near word instead sorted them all: 100 ms for `globex dub` at 100k records).
    const nearest = (i: number) => `(SELECT word FROM near WHERE i = ${i} ORDER BY similarity DESC, word LIMIT 1)`;
    const everyWord =
      typoWords.length < 2
        ? ''
        : `UNION
           (SELECT w1.object_type, w1.record_id FROM ${T.recordWords} w1
              ${typoWords.slice(1).map((_, k) => `JOIN ${T.recordWords} w${k + 2} ON w${k + 2}.word = ${nearest(k + 2)} AND w${k + 2}.object_type = w1.object_type AND w${k + 2}.record_id = w1.record_id`).join('\n              ')}
             WHERE w1.word = ${nearest(1)} AND w1.object_type = ANY(${types})
             LIMIT ${limit})`;
    similar = `WITH near AS (
            SELECT qw.i, w.word, word_similarity(qw.word, w.word) AS similarity
              FROM unnest(${params.add(typoWords)}::text[]) WITH ORDINALITY AS qw(word, i)
              CROSS JOIN LATERAL (SELECT sw.word FROM ${T.words} sw ORDER BY qw.word <<-> sw.word LIMIT ${NEAR_WORDS}) w
             WHERE word_similarity(qw.word, w.word) >= ${threshold} AND ${fewer(all)}),
          candidates AS (
            SELECT rw.object_type, rw.record_id FROM near d
              CROSS JOIN LATERAL (SELECT object_type, record_id FROM ${T.recordWords} rw
                                   WHERE rw.word = d.word AND rw.object_type = ANY(${types})
                                   ORDER BY rw.object_type, rw.record_id LIMIT ${limit}) rw
            ${everyWord})
        SELECT r.object_type, r.record_id, (${SCORES.similar} * r.similarity)::float8, 'similar'
          FROM (SELECT r.object_type, r.record_id, word_similarity(${exact}, ${words}) AS similarity
                  FROM candidates c JOIN ${T.records} r ON r.object_type = c.object_type AND r.record_id = c.record_id
                 WHERE r.merged_into IS NULL) r
         WHERE r.similarity >= ${threshold}
         ORDER BY r.similarity DESC LIMIT ${limit}`;
  }
  return {
    text: `WITH strong AS (${strong.join('\n UNION ALL ')}),
          weak AS (${weak.join('\n UNION ALL ')}),
          typos AS (${similar}),
          hits AS (SELECT * FROM strong UNION ALL SELECT * FROM weak UNION ALL SELECT * FROM typos),
          ${ranked('hits', limit, position)}`,
    values: params.values,
  };
};

const answerOf = (rows: readonly Read[]): SearchAnswer => ({
  position: answerPosition(rows[0]?.readPosition ?? null),
  data: rows.filter((row): row is Read & HitRow => row.id !== null).map(({ readPosition: _position, ...hit }) => hit),
});

/**
 * A one-word query asks its strong tiers first, as a named statement (parsed once per connection, see above), and
 * stops there when they fill the page, as they do for a common name; else, or for a phrase, one statement planned
 * for this query asks every tier it can use (see searchTiersOf). The answer names the position of the first
 * statement: the build reflects at least that much.
 */
export const search = async (source: ReadSource, query: SearchQuery): Promise<SearchAnswer> => {
  const tiers = searchTiersOf(query.q);
  if (tiers === null || query.types.length === 0) {
    const rows = await preparedQuery<{ readPosition: string | null }>(source, `SELECT ${activePositionSql('$1')} AS "readPosition"`, [SEARCH_PROJECTION]);
    return { position: answerPosition(rows[0]?.readPosition ?? null), data: [] };
  }
  let found: SearchAnswer | undefined;
  if (tiers.wordStart === 'word' && Number.isSafeInteger(query.limit) && query.limit > 0) {
    const strong = strongStatement(tiers, query);
    found = answerOf(await preparedQuery<Read>(source, strong.text, strong.values));
    if (found.data.length >= query.limit) return found;
  }
  const statement = searchStatement(tiers, query, found?.data);
  const answer = answerOf(await unprepared<Read>(source, statement.text, statement.values));
  return found === undefined ? answer : { position: found.position, data: answer.data };
};

export type DuplicateReason = 'email' | 'domain' | 'phone' | 'name';

export type DuplicateRecord = Readonly<{ id: string; title: string; subtitle: string | null }>;

export type DuplicatePair = Readonly<{
  /** The pair in id order: a.id < b.id. */
  a: DuplicateRecord;
  b: DuplicateRecord;
  reasons: readonly DuplicateReason[];
  /** pg_trgm similarity of the two names, when the names are a reason. */
  nameSimilarity: number | null;
}>;

export type DuplicatesQuery = Readonly<{ objectType: 'contact' | 'company'; limit: number; cursor?: string }>;

export type DuplicatesPage = Readonly<{ data: DuplicatePair[]; nextCursor?: string }>;

type PairRow = {
  a_id: string;
  b_id: string;
  reasons: DuplicateReason[];
  name_similarity: number | null;
  a_title: string;
  a_subtitle: string | null;
  b_title: string;
  b_subtitle: string | null;
};

/**
 * Pairs of live records (none merged away) of one type that may be one: the same normalised email (contacts),
 * domain (companies) or phone digits, joined on their btree indexes; or similar names, found through the trigram
 * index: contacts only at the same company, companies anywhere. Each pair once, in id order, paged by cursor.
 */
export const duplicates = async (source: DataSource | ReadSource, query: DuplicatesQuery): Promise<DuplicatesPage> => {
  const params = new Parameters();
  const type = params.add(query.objectType);
  const both = `a.object_type = ${type} AND b.object_type = ${type} AND a.merged_into IS NULL AND b.merged_into IS NULL AND a.record_id < b.record_id`;
  let after = '';
  if (query.cursor !== undefined) {
    const [a, b] = decodeCursor(query.cursor, 2);
    if (typeof a !== 'string' || typeof b !== 'string') throw new InvalidCursor();
    after = ` AND (a.record_id, b.record_id) > (${params.add(a)}, ${params.add(b)})`;
  }
  const similarity = params.add(DUPLICATE_NAME_SIMILARITY);
  const sameKey = (column: string, reason: DuplicateReason) =>
    `SELECT a.record_id AS a_id, b.record_id AS b_id, '${reason}' AS reason, NULL::float8 AS name_similarity
       FROM ${T.records} a JOIN ${T.records} b ON b.${column} = a.${column}
      WHERE a.${column} IS NOT NULL AND ${both}${after}`;
  const sameCompany = query.objectType === 'contact' ? 'b.company_id = a.company_id AND a.company_id IS NOT NULL AND ' : '';
  const names = `SELECT a.record_id, b.record_id, 'name', similarity(a.name_key, b.name_key)::float8
       FROM ${T.records} a JOIN ${T.records} b ON ${sameCompany}b.name_key % a.name_key
      WHERE a.name_key <> '' AND ${both}${after} AND similarity(a.name_key, b.name_key) >= ${similarity}`;
  const branches = [
    ...(query.objectType === 'contact' ? [sameKey('email_key', 'email')] : [sameKey('domain', 'domain')]),
    sameKey('phone_digits', 'phone'),
    names,
  ];
  const limit = params.add(query.limit + 1);
  const rows = await preparedQuery<PairRow>(
    source,
    `WITH pairs AS (${branches.join('\n UNION ALL ')}),
          page AS (SELECT a_id, b_id, array_agg(DISTINCT reason ORDER BY reason) AS reasons, max(name_similarity) AS name_similarity
                     FROM pairs GROUP BY a_id, b_id ORDER BY a_id, b_id LIMIT ${limit})
     SELECT page.a_id, page.b_id, page.reasons, round(page.name_similarity::numeric, 3)::float8 AS name_similarity,
            a.title AS a_title, a.subtitle AS a_subtitle, b.title AS b_title, b.subtitle AS b_subtitle
       FROM page
       JOIN ${T.records} a ON a.object_type = ${type} AND a.record_id = page.a_id
       JOIN ${T.records} b ON b.object_type = ${type} AND b.record_id = page.b_id
      ORDER BY page.a_id, page.b_id`,
    params.values,
  );
  const page = rows.slice(0, query.limit);
  const data = page.map((row) => ({
    a: { id: row.a_id, title: row.a_title, subtitle: row.a_subtitle },
    b: { id: row.b_id, title: row.b_title, subtitle: row.b_subtitle },
    reasons: row.reasons,
    nameSimilarity: row.name_similarity,
  }));
  const last = page[page.length - 1];
  return rows.length > query.limit && last ? { data, nextCursor: encodeCursor([last.a_id, last.b_id]) } : { data };
};
