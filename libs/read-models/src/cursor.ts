// Opaque cursors for keyset pagination: the sort key of the last row, base64url-encoded JSON.
export class InvalidCursor extends Error {
  readonly code = 'INVALID_CURSOR';
  constructor() {
    super('cursor is not one this server issued');
  }
}

export const encodeCursor = (key: readonly (string | number | null)[]): string =>
  Buffer.from(JSON.stringify(key)).toString('base64url');

export const decodeCursor = (cursor: string, length: number): (string | number | null)[] => {
  try {
    const key: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(key) &&
      key.length === length &&
      key.every((v) => v === null || typeof v === 'string' || typeof v === 'number')
    ) {
      return key;
    }
  } catch {
    // fall through: any undecodable cursor is the same client error
  }
  throw new InvalidCursor();
};
