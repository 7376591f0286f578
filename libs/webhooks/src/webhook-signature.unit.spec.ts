import { createHmac } from 'node:crypto';
import { signatureHeader, verifySignature } from './webhook-signature.js';

describe('webhook signatures', () => {
  const secret = 'whsec_test';
  const body = JSON.stringify({ subscriptionId: 's-1', events: [{ id: 'e-1', type: 'DealCreated' }] });
  const signedAt = 1_767_225_600;

  it('signs `${timestamp}.${body}` with HMAC-SHA256, as the README tells receivers to recompute it', () => {
    const expected = createHmac('sha256', secret).update(`${signedAt}.${body}`).digest('hex');
    expect(signatureHeader(secret, body, signedAt)).toBe(`t=${signedAt},v1=${expected}`);
  });

  it('accepts its own signature within the tolerance', () => {
    const header = signatureHeader(secret, body, signedAt);
    expect(verifySignature({ secret, body, header, nowSeconds: signedAt + 299 })).toEqual({ valid: true, timestampSeconds: signedAt });
  });

  it('refuses a tampered body, another secret and a rewritten timestamp', () => {
    const header = signatureHeader(secret, body, signedAt);
    const tampered = body.replace('DealCreated', 'DealDeleted');
    expect(verifySignature({ secret, body: tampered, header, nowSeconds: signedAt })).toEqual({ valid: false, reason: 'mismatch' });
    expect(verifySignature({ secret: 'whsec_other', body, header, nowSeconds: signedAt })).toEqual({ valid: false, reason: 'mismatch' });
    const moved = header.replace(`t=${signedAt}`, `t=${signedAt + 60}`);
    expect(verifySignature({ secret, body, header: moved, nowSeconds: signedAt + 60 })).toEqual({ valid: false, reason: 'mismatch' });
  });

  it('refuses a correctly signed delivery older than five minutes, or too far in the future', () => {
    const header = signatureHeader(secret, body, signedAt);
    expect(verifySignature({ secret, body, header, nowSeconds: signedAt + 301 })).toEqual({ valid: false, reason: 'too-old' });
    expect(verifySignature({ secret, body, header, nowSeconds: signedAt - 301 })).toEqual({ valid: false, reason: 'in-the-future' });
  });

  it('refuses a missing or malformed header', () => {
    expect(verifySignature({ secret, body, header: undefined, nowSeconds: signedAt })).toEqual({ valid: false, reason: 'malformed' });
    expect(verifySignature({ secret, body, header: `t=${signedAt},v1=abc`, nowSeconds: signedAt })).toEqual({ valid: false, reason: 'malformed' });
    expect(verifySignature({ secret, body, header: 'v1=00', nowSeconds: signedAt })).toEqual({ valid: false, reason: 'malformed' });
  });
});
