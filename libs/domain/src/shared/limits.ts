// How long an id or key may be. Projections key rows and indexes on ids (deal, stage, pipeline, owner, contact...),
// and a PostgreSQL btree entry holds at most 2,704 bytes: an event with a longer id would be stored and then park
// every projection that indexes it. JSON Schema's maxLength counts code points (at most 4 UTF-8 bytes each), so
// 200 keeps the widest index, stage-duration's (pipeline, stage, entered_at, deal, seq), near 2,450 bytes.

/** The longest id or key an event may carry, in code points: ids, stage ids, form ids, email ids, owner ids. */
export const MAX_ID_LENGTH = 200;

/**
 * The longest URL an event may carry (page views, clicked links, referrers). URLs are kept in jsonb and text
 * columns that no index covers; an index on one would need MAX_ID_LENGTH or a hash of the URL.
 */
export const MAX_URL_LENGTH = 2_048;
