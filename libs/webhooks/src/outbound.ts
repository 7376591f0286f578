// Requests Tally sends to URLs its users typed (webhook subscriptions, workflow webhook and chat steps) go to the
// public internet only, unless the operator allows the private network: otherwise anyone allowed to create a
// webhook could make the server post to its own database port, a cloud metadata endpoint (169.254.169.254) or an
// intranet service. The check runs on the addresses the connection actually uses (inside the socket's DNS lookup),
// so a name that resolves to a public address when saved and a private one later (DNS rebinding) is still refused.
import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';

export type PrivateNetworkPolicy = 'deny' | 'allow';

/** fetch's signature; the senders need only a POST whose answer's status counts, never its body. */
export type OutboundFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

const RESERVED = new net.BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const) {
  RESERVED.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['ff00::', 8], // multicast
] as const) {
  RESERVED.addSubnet(network, prefix, 'ipv6');
}

/** An IPv4 address carried inside an IPv6 one (::ffff:a.b.c.d, ::a.b.c.d, 64:ff9b::a.b.c.d), in dotted form. */
const embeddedIpv4 = (address: string): string | null => {
  const match = /^(?:::ffff:|::|64:ff9b::)(?:(\d+\.\d+\.\d+\.\d+)|([0-9a-f]{1,4}):([0-9a-f]{1,4}))$/i.exec(address);
  if (match === null) return null;
  if (match[1] !== undefined) return match[1];
  const high = parseInt(match[2], 16);
  const low = parseInt(match[3], 16);
  return `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`;
};

/** Whether an IP address is on the public internet: not loopback, private, link-local, multicast or reserved. */
export const isPublicAddress = (address: string): boolean => {
  const family = net.isIP(address);
  if (family === 4) return !RESERVED.check(address, 'ipv4');
  if (family !== 6) return false;
  const ipv4 = embeddedIpv4(address);
  return ipv4 !== null ? net.isIPv4(ipv4) && !RESERVED.check(ipv4, 'ipv4') : !RESERVED.check(address, 'ipv6');
};

export class PrivateAddressRefused extends Error {
  readonly code = 'EPRIVATEADDRESS';
  constructor(host: string, address: string) {
    super(
      `${host}${host === address ? '' : ` resolves to ${address}, which`} is a private, loopback or reserved address: ` +
        'outbound requests go to the public internet only (TALLY_OUTBOUND_PRIVATE_NETWORK=allow lets them through)',
    );
  }
}

/** The URL's host as an IP address when it is one (IPv6 without its brackets), else null. */
const literalAddress = (hostname: string): string | null => {
  const bare = hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
  return net.isIP(bare) ? bare : null;
};

/**
 * Whether a URL's host may be posted to under the policy, as far as can be told without DNS: an IP literal is
 * judged now (for a 400 when a webhook is saved); a name only when it is resolved, at each connection.
 */
export const isAllowedTarget = (url: string, policy: PrivateNetworkPolicy): boolean => {
  if (policy === 'allow') return true;
  try {
    const { hostname } = new URL(url);
    const literal = literalAddress(hostname);
    return literal === null ? hostname.toLowerCase() !== 'localhost' && !hostname.toLowerCase().endsWith('.localhost') : isPublicAddress(literal);
  } catch {
    return false;
  }
};

type LookupAnswer = readonly dns.LookupAddress[];

const guardedLookup =
  (resolve: typeof dns.lookup) =>
  (hostname: string, options: dns.LookupOptions, callback: (error: Error | null, address: string | LookupAnswer, family?: number) => void) => {
    resolve(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '');
      const refused = addresses.find(({ address }) => !isPublicAddress(address));
      if (refused !== undefined) return callback(new PrivateAddressRefused(hostname, refused.address), '');
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0].address, addresses[0].family);
    });
  };

/**
 * A fetch for POSTs to users' URLs: under `deny`, every address the connection would use must be public. It follows
 * no redirect (the 3xx is the answer) and reads no answer body.
 */
export const createOutboundFetch = (policy: PrivateNetworkPolicy, resolve: typeof dns.lookup = dns.lookup): OutboundFetch => {
  const lookup = policy === 'deny' ? guardedLookup(resolve) : undefined;
  return (input, init = {}) =>
    new Promise<Response>((fulfil, reject) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const target = new URL(url);
      const literal = literalAddress(target.hostname);
      if (policy === 'deny' && (literal !== null ? !isPublicAddress(literal) : !isAllowedTarget(url, policy))) {
        return reject(new PrivateAddressRefused(target.hostname, literal ?? target.hostname));
      }
      const send = target.protocol === 'https:' ? https.request : target.protocol === 'http:' ? http.request : null;
      if (send === null) return reject(new Error(`${url} is not an http or https URL`));
      const request = send(
        target,
        {
          method: init.method ?? 'GET',
          headers: init.headers as http.OutgoingHttpHeaders,
          signal: init.signal ?? undefined,
          ...(lookup ? { lookup: lookup as unknown as net.LookupFunction } : {}),
        },
        (response) => {
          response.resume();
          fulfil(new Response(null, { status: response.statusCode ?? 502 }));
        },
      );
      request.on('error', reject);
      request.end(typeof init.body === 'string' ? init.body : undefined);
    });
};
