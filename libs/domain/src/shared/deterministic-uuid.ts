import { createHash } from 'node:crypto';

/** A name-based UUID (RFC 9562 version 8 layout over SHA-256): the same seed and name give the same id. */
export const deterministicUuid = (seed: string, name: string): string => {
  const hex = createHash('sha256').update(seed).update('\u0000').update(name).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
};
