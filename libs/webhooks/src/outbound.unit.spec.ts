import http from 'node:http';
import type dns from 'node:dns';
import type { AddressInfo } from 'node:net';
import { createOutboundFetch, isAllowedTarget, isPublicAddress, PrivateAddressRefused } from './outbound.js';

describe('outbound requests to users URLs', () => {
  it.each(['8.8.8.8', '1.1.1.1', '93.184.216.34', '2606:4700:4700::1111', '172.32.0.1', '100.128.0.1', '::ffff:8.8.8.8'])(
    'takes %s as public',
    (address) => expect(isPublicAddress(address)).toBe(true),
  );

  it.each([
    '127.0.0.1',
    '127.1.2.3',
    '10.0.0.5',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::1',
    '::',
    'fe80::1',
    'fd00::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    '64:ff9b::10.0.0.1',
    'not an address',
  ])('refuses %s', (address) => expect(isPublicAddress(address)).toBe(false));

  it.each([
    'http://127.0.0.1:5432/',
    'http://localhost:3000/hook',
    'http://api.localhost/hook',
    'http://[::1]/',
    'http://[::ffff:127.0.0.1]/',
    'http://169.254.169.254/latest/meta-data/',
    'http://2130706433/',
    'http://0x7f.1/',
    'http://0/',
    'not a url',
  ])('refuses to save %s under deny, but not under allow', (url) => {
    expect(isAllowedTarget(url, 'deny')).toBe(false);
    if (url !== 'not a url') expect(isAllowedTarget(url, 'allow')).toBe(true);
  });

  it('leaves names to be judged when they resolve', () => {
    expect(isAllowedTarget('https://hooks.example.com/tally', 'deny')).toBe(true);
  });

  describe('sending', () => {
    let server: http.Server;
    let port: number;
    let received: string[];
    beforeAll(async () => {
      received = [];
      server = http.createServer((request, response) => {
        let body = '';
        request.on('data', (chunk: Buffer) => (body += chunk.toString()));
        request.on('end', () => {
          received.push(`${request.method} ${request.url} ${request.headers['x-test']} ${body}`);
          response.writeHead(request.url === '/moved' ? 302 : 202, request.url === '/moved' ? { location: 'http://127.0.0.1:1/' } : {}).end('ignored');
        });
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      port = (server.address() as AddressInfo).port;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
    beforeEach(() => (received = []));

    const post = { method: 'POST', headers: { 'content-type': 'application/json', 'x-test': 'yes' }, body: '{"a":1}' };

    it('posts and answers the status when the private network is allowed, following no redirect', async () => {
      const send = createOutboundFetch('allow');
      expect((await send(`http://127.0.0.1:${port}/hook?x=1`, post)).status).toBe(202);
      expect((await send(`http://127.0.0.1:${port}/moved`, post)).status).toBe(302);
      expect(received).toEqual([`POST /hook?x=1 yes {"a":1}`, `POST /moved yes {"a":1}`]);
    });

    it('refuses a private address before connecting when it is denied', async () => {
      const send = createOutboundFetch('deny');
      await expect(send(`http://127.0.0.1:${port}/hook`, post)).rejects.toThrow(PrivateAddressRefused);
      await expect(send(`http://localhost:${port}/hook`, post)).rejects.toThrow(/private, loopback or reserved/);
      expect(received).toEqual([]);
    });

    it('refuses a name that resolves to a private address at connection time (DNS rebinding)', async () => {
      const rebinding = ((_host: string, _options: unknown, callback: (e: null, a: dns.LookupAddress[]) => void) =>
        callback(null, [{ address: '127.0.0.1', family: 4 }])) as unknown as typeof dns.lookup;
      const send = createOutboundFetch('deny', rebinding);
      await expect(send(`http://hooks.example.com:${port}/hook`, post)).rejects.toThrow(/hooks\.example\.com resolves to 127\.0\.0\.1/);
      expect(received).toEqual([]);
    });
  });
});
