import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../../host/csp';
import { MAX_CALL_BYTES } from '../../../server/calls';
import { MAX_IMPORT_BYTES } from '../../../services/import-text';
import { exchange, openSocket, rawRequest, type RawResponse } from '../../helpers/raw-http';
import { HOSTILE_PATHS } from '../../helpers/hostile-paths';
import { APP_HTML, SECRET_TEXT, startTestServer } from './server-fixture';

/** A refusal: 403 and not one byte of body. */
function expectRefused(response: RawResponse) {
  expect(response.status).toBe(403);
  expect(response.body).toBe('');
  expect(response.headers['content-length']).toBe('0');
}

describe('no cookie, no entry', () => {
  it('a page without the session gets the sign-in page at / and 403 with no body everywhere else', async () => {
    const { server, called } = await startTestServer();
    const page = await rawRequest(server.port, { path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('adoption-desk serve');
    expect(page.body).not.toContain('THE APP');
    for (const path of ['/assets/app.js', '/__desk/bridge.js', '/nope']) expectRefused(await rawRequest(server.port, { path }));
    expect(await openSocket(`ws://127.0.0.1:${server.port}/__desk/socket`, { origin: `http://127.0.0.1:${server.port}` })).toEqual({ refused: 403 });
    expect(called).toEqual([]);
  });

  it('trades the secret for the cookie once; the same secret later (a stolen copy) gets nothing', async () => {
    const { server, origin, signIn } = await startTestServer();
    const cookie = await signIn();
    expect((await rawRequest(server.port, { path: '/', headers: { cookie } })).body).toBe(APP_HTML.replace('<head>', '<head>\n    <script src="/__desk/bridge.js"></script>'));
    const again = await rawRequest(server.port, { method: 'POST', path: '/__desk/session', headers: { origin }, body: server.secret });
    expectRefused(again);
    expect(again.headers['set-cookie']).toBeUndefined();
  });

  it('refuses the trade from another origin, or with no origin, and the secret stays unspent', async () => {
    const { server, signIn } = await startTestServer();
    for (const origin of ['http://evil.example', `http://127.0.0.1:${server.port + 1}`, 'null']) {
      expectRefused(await rawRequest(server.port, { method: 'POST', path: '/__desk/session', headers: { origin }, body: server.secret }));
    }
    expectRefused(await rawRequest(server.port, { method: 'POST', path: '/__desk/session', body: server.secret }));
    expectRefused(await rawRequest(server.port, { method: 'GET', path: '/__desk/session' }));
    await expect(signIn()).resolves.toMatch(/^adoption-desk-\d+=/);
  });

  it('admits no cookie from an earlier launch on the same port', async () => {
    const first = await startTestServer();
    const stale = await first.signIn();
    await first.server.close();
    const second = await startTestServer({ port: first.server.port });
    expectRefused(await rawRequest(second.server.port, { path: '/assets/app.js', headers: { cookie: stale } }));
  });
});

describe('the Host header must name this server (DNS rebinding)', () => {
  it('refuses a wrong Host with 403 and no body, even with the cookie', async () => {
    const { server, signIn } = await startTestServer();
    const cookie = await signIn();
    for (const host of ['evil.example:' + server.port, `127.0.0.1:${server.port + 1}`, '127.0.0.1', 'rebind.attacker.test']) {
      for (const path of ['/', '/assets/app.js', '/__desk/bridge.js']) expectRefused(await rawRequest(server.port, { path, headers: { host, cookie } }));
    }
    expectRefused(await rawRequest(server.port, { path: '/', headers: { host: '' } }));
    expect((await rawRequest(server.port, { path: '/assets/app.js', headers: { host: `localhost:${server.port}`, cookie } })).status).toBe(200);
  });

  it('refuses an absolute request target or one that names another host', async () => {
    const { server, signIn } = await startTestServer();
    const cookie = await signIn();
    expectRefused(await rawRequest(server.port, { path: 'http://evil.example/assets/app.js', headers: { cookie } }));
    expectRefused(await rawRequest(server.port, { path: '//evil.example/assets/app.js', headers: { cookie } }));
    expectRefused(await rawRequest(server.port, { path: '*', method: 'OPTIONS', headers: { cookie } }));
  });

  it('refuses requests a page of another site (or another port of this computer) makes', async () => {
    const { server, signIn } = await startTestServer();
    const cookie = await signIn();
    for (const site of ['cross-site', 'same-site']) expectRefused(await rawRequest(server.port, { path: '/assets/app.js', headers: { cookie, 'sec-fetch-site': site } }));
    expect((await rawRequest(server.port, { path: '/assets/app.js', headers: { cookie, 'sec-fetch-site': 'same-origin' } })).status).toBe(200);
  });
});

describe('headers on every response', () => {
  it('the CSP with frame-ancestors, nosniff, no referrer, no caching: on pages, files, refusals and misses', async () => {
    const { server, signIn } = await startTestServer();
    const cookie = await signIn();
    const responses = [
      await rawRequest(server.port, { path: '/' }),
      await rawRequest(server.port, { path: '/', headers: { cookie } }),
      await rawRequest(server.port, { path: '/assets/app.js', headers: { cookie } }),
      await rawRequest(server.port, { path: '/missing.js', headers: { cookie } }),
      await rawRequest(server.port, { path: '/assets/app.js' }),
      await rawRequest(server.port, { path: '/', headers: { host: 'evil.example' } }),
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 404, 403, 403]);
    for (const response of responses) {
      expect(response.headers['content-security-policy']).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['cache-control']).toBe('no-store');
    }
    expect(responses[2]!.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(responses[1]!.headers['content-type']).toBe('text/html; charset=utf-8');
  });

  it('only GET and HEAD read; anything else is refused', async () => {
    const { server, signIn } = await startTestServer();
    const cookie = await signIn();
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) expectRefused(await rawRequest(server.port, { method, path: '/', headers: { cookie }, body: '' }));
    const head = await rawRequest(server.port, { method: 'HEAD', path: '/assets/app.js', headers: { cookie } });
    expect(head.status).toBe(200);
    expect(head.body).toBe('');
  });
});

describe('only files of the built renderer', () => {
  it.each(HOSTILE_PATHS)('%s is refused and shows nothing outside the folder', async (path) => {
    const { server, signIn } = await startTestServer();
    const cookie = await signIn();
    const response = await rawRequest(server.port, { path, headers: { cookie } });
    expect([400, 403, 404]).toContain(response.status);
    expect(response.body).not.toContain(SECRET_TEXT);
    expect(response.body).not.toContain('root:');
  });
});

describe('the socket that answers window.desk', () => {
  async function signedInSocket(options: Parameters<typeof startTestServer>[0] = {}) {
    const fixture = await startTestServer(options);
    const cookie = await fixture.signIn();
    const opened = await openSocket(fixture.socketUrl, { origin: fixture.origin, cookie });
    if (!('ws' in opened)) throw new Error('refused');
    return { ...fixture, cookie, ws: opened.ws };
  }

  it('refuses a foreign Origin, a missing one, a wrong Host, no cookie: 403, and nothing runs', async () => {
    const { server, origin, socketUrl, signIn, called } = await startTestServer();
    const cookie = await signIn();
    const attempts: Record<string, string>[] = [
      { origin: 'http://evil.example', cookie },
      { origin: `http://127.0.0.1:${server.port + 1}`, cookie },
      { origin: `http://localhost:${server.port}`, cookie },
      { cookie },
      { origin },
      { origin, cookie: 'adoption-desk-1=forged' },
      { origin: `http://evil.example:${server.port}`, host: `evil.example:${server.port}`, cookie },
      { origin, cookie, 'sec-fetch-site': 'cross-site' },
    ];
    for (const headers of attempts) expect(await openSocket(socketUrl, headers), JSON.stringify(headers)).toEqual({ refused: 403 });
    expect(await openSocket(socketUrl.replace('/__desk/socket', '/__desk/other'), { origin, cookie })).toEqual({ refused: 403 });
    expect(called).toEqual([]);
  });

  it('answers a call through dispatch, under the call’s id', async () => {
    const { ws, called } = await signedInSocket();
    const reply = await exchange(ws, JSON.stringify({ id: 7, name: 'listProjects', input: {} }));
    expect(reply).toEqual({ message: JSON.stringify({ id: 7, envelope: { ok: true, value: { ran: 'listProjects' } } }) });
    expect(called.map((c) => c.name)).toEqual(['listProjects']);
    ws.close();
  });

  it('a malformed message fails that call only; the socket and the next call go on', async () => {
    const { ws, called } = await signedInSocket();
    const answers = [];
    for (const message of ['not json', '[1,2]', '{"name":"listProjects"}', '{"id":3,"name":"dropTables"}', '{"id":4,"name":"createProject","input":{"name":""}}']) {
      answers.push(JSON.parse(((await exchange(ws, message)) as { message: string }).message));
    }
    expect(answers.map((a) => [a.id, a.envelope.ok, a.envelope.error.code])).toEqual([
      [null, false, 'VALIDATION'],
      [null, false, 'VALIDATION'],
      [null, false, 'VALIDATION'],
      [3, false, 'UNKNOWN_OPERATION'],
      [4, false, 'VALIDATION'],
    ]);
    expect(called).toEqual([]);
    expect(await exchange(ws, JSON.stringify({ id: 5, name: 'appInfo' }))).toMatchObject({ message: expect.stringContaining('"ok":true') });
    ws.close();
  });

  it('an oversized message closes that socket unread (1009), nothing runs, and a new socket is answered', async () => {
    const { ws, called, socketUrl, origin, cookie } = await signedInSocket({ maxCallBytes: 1024 });
    const huge = JSON.stringify({ id: 1, name: 'importArchive', input: { fileName: 'a.json', text: 'x'.repeat(2000) } });
    expect(await exchange(ws, huge)).toEqual({ closed: 1009 });
    expect(called).toEqual([]);
    const again = await openSocket(socketUrl, { origin, cookie });
    if (!('ws' in again)) throw new Error('refused');
    expect(await exchange(again.ws, JSON.stringify({ id: 2, name: 'appInfo' }))).toMatchObject({ message: expect.stringContaining('"id":2') });
    again.ws.close();
  });

  it('the limit holds the largest import the services take, encoded', () => {
    expect(MAX_CALL_BYTES).toBeGreaterThanOrEqual(3 * MAX_IMPORT_BYTES);
  });
});

describe('the tests’ hooks', () => {
  it('"stop answering" drops connections and calls; answering again serves them on the same port', async () => {
    let answering = true;
    const { server, signIn, socketUrl, origin } = await startTestServer({ hooks: { answering: () => answering } });
    const cookie = await signIn();
    const opened = await openSocket(socketUrl, { origin, cookie });
    if (!('ws' in opened)) throw new Error('refused');
    answering = false;
    expect(await exchange(opened.ws, JSON.stringify({ id: 1, name: 'appInfo' }))).toMatchObject({ closed: expect.any(Number) });
    expect((await rawRequest(server.port, { path: '/', headers: { cookie } })).status).toBe(0);
    answering = true;
    expect((await rawRequest(server.port, { path: '/', headers: { cookie } })).status).toBe(200);
  });

  it('serves an added file to a signed-in page only', async () => {
    const { server, signIn } = await startTestServer({ hooks: { files: { '/__test/extra.js': { type: 'text/javascript', body: () => 'extra' } } } });
    expectRefused(await rawRequest(server.port, { path: '/__test/extra.js' }));
    const cookie = await signIn();
    expect((await rawRequest(server.port, { path: '/__test/extra.js', headers: { cookie } })).body).toBe('extra');
  });
});
