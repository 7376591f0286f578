// An answer names the position of the active build it was read from. Hot queries read that position in the same
// statement as their rows, through the engine's fragment activePositionSql: one snapshot, so the position an answer
// names is the one its rows reflect, and one round trip per answer instead of two. The projection engine moves rows
// and position in one transaction, so the pair is consistent.
import { formatPosition, parsePosition } from '#event-store';

/** The stored position as answers name it (the engine's canonical form); null before the first build. */
export const answerPosition = (stored: string | null): string | null => (stored ? formatPosition(parsePosition(stored)) : null);

/** An answer and the position of the active build it was read from (null before the first build). */
export type Positioned<T> = T & Readonly<{ position: string | null }>;
