// A position in the global log. EventStoreDB identifies one by (commit, prepare); PostgreSQL by one bigint,
// stored here as commit = prepare. Callers treat it as opaque: compare it, serialise it, hand it back.
export type Position = Readonly<{ commit: bigint; prepare: bigint }>;

export const START: Position = Object.freeze({ commit: -1n, prepare: -1n });

export const position = (commit: bigint, prepare: bigint = commit): Position => ({ commit, prepare });

export const comparePositions = (a: Position, b: Position): number => {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
};

export const isAfter = (a: Position, b: Position): boolean => comparePositions(a, b) > 0;

/** `123` when commit and prepare agree (PostgreSQL), `123:120` otherwise (EventStoreDB). */
export const formatPosition = (p: Position): string =>
  p.commit === p.prepare ? p.commit.toString() : `${p.commit}:${p.prepare}`;

const POSITION_PATTERN = /^(-1|\d{1,20})(?::(\d{1,20}))?$/;

export class InvalidPosition extends Error {
  readonly code = 'INVALID_POSITION';
  constructor(readonly input: string) {
    super(`"${input}" is not a position: expected digits, or commit:prepare`);
  }
}

export const parsePosition = (input: string): Position => {
  const match = POSITION_PATTERN.exec(input.trim());
  if (!match) throw new InvalidPosition(input);
  const commit = BigInt(match[1]);
  return position(commit, match[2] === undefined ? commit : BigInt(match[2]));
};
