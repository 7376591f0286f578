// Every list shows a record's owner by name, joined as a page is read from the owners list's view (owner_list):
// an owner renamed shows renamed in every list at once, and no list keeps a copy.
import { OWNER_LIST_TABLES } from '../owner-list/owner-list.tables.js';

/** The owners list joined as `alias` on `ownerId` (an SQL column): `${alias}.name` is the name, null while unknown. */
export const ownerJoin = (alias: string, ownerId: string): string => `LEFT JOIN ${OWNER_LIST_TABLES.owners} ${alias} ON ${alias}.owner_id = ${ownerId}`;
