// Tally-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of `${t}.${body}`>. The timestamp is signed with the body
// so a captured delivery cannot be replayed later with a fresh timestamp.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Tally-Signature';

/** How old a signed timestamp a receiver should still accept. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

const hmacHex = (secret: string, timestampSeconds: number, body: string): string =>
  createHmac('sha256', secret).update(`${timestampSeconds}.${body}`).digest('hex');

export const signatureHeader = (secret: string, body: string, timestampSeconds: number): string =>
  `t=${timestampSeconds},v1=${hmacHex(secret, timestampSeconds, body)}`;

export type SignatureCheck =
  | Readonly<{ valid: true; timestampSeconds: number }>
  | Readonly<{ valid: false; reason: 'malformed' | 'mismatch' | 'too-old' | 'in-the-future' }>;

export type VerifySignatureInput = Readonly<{
  secret: string;
  body: string;
  header: string | undefined;
  nowSeconds: number;
  toleranceSeconds?: number;
}>;

const HEADER_PATTERN = /^t=(\d{1,12}),v1=([0-9a-f]{64})$/;

/** The receiver's check: recompute, compare in constant time, refuse stale timestamps. */
export const verifySignature = ({
  secret,
  body,
  header,
  nowSeconds,
  toleranceSeconds = SIGNATURE_TOLERANCE_SECONDS,
}: VerifySignatureInput): SignatureCheck => {
  const match = HEADER_PATTERN.exec(header?.trim() ?? '');
  if (!match) return { valid: false, reason: 'malformed' };
  const timestampSeconds = Number(match[1]);
  const expected = Buffer.from(hmacHex(secret, timestampSeconds, body), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(match[2], 'hex'))) return { valid: false, reason: 'mismatch' };
  if (nowSeconds - timestampSeconds > toleranceSeconds) return { valid: false, reason: 'too-old' };
  if (timestampSeconds - nowSeconds > toleranceSeconds) return { valid: false, reason: 'in-the-future' };
  return { valid: true, timestampSeconds };
};
