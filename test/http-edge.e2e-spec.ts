import { SignJWT } from 'jose';
import type { DevSigningKey } from '@dul/auth';
import { DEV_AUDIENCE, DEV_ISSUER, DEV_SIGNING_KEY } from '@dul/auth';
import * as examples from '../apps/licensing/dto/examples';
import { startLicensing, type LicensingHarness } from './support/licensing-harness';

const SCREEN_BODY = {
  controlEntries: ['5A001.j'],
  destinationCountry: 'BR',
  endUser: { name: 'Meridional Telecom', address: 'Rio de Janeiro', country: 'BR' },
};

/** A JSON text nested `depth` levels deep, built without recursion. */
function nested(depth: number): string {
  return `${'{"a":'.repeat(depth - 1)}{}${'}'.repeat(depth - 1)}`;
}

/** Signs with the dev key directly: mintDevToken refuses the subjects these tests need to send. */
async function rawDevToken(
  key: DevSigningKey,
  sub: string,
  roles: string[],
  ms: string | null = 'DE',
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ms, roles })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: key.kid })
    .setSubject(sub)
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setIssuedAt(now)
    .setExpirationTime(now + 600)
    .sign(key.privateKey);
}

describe('the HTTP edge: zero 5xx on absurd input', () => {
  let h: LicensingHarness;
  let alice: string;

  beforeAll(async () => {
    h = await startLicensing();
    alice = await h.token('alice', 'DE', ['caseworker']);
  });
  afterAll(async () => h.close());

  it('refuses a JSON body nested 100,000 levels deep with 400 naming the depth limit (was a 500: stack overflow)', async () => {
    const response = await h
      .http()
      .post('/v1/applications')
      .set('authorization', `Bearer ${alice}`)
      .set('content-type', 'application/json')
      .send(nested(100_000))
      .expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'INVALID', rule: 'json-depth' });
    expect(response.body.message).toMatch(/nested deeper than 64 levels/);
  });

  it('counts depth exactly: 64 levels reach validation, 65 are refused before it', async () => {
    const at = await h
      .http()
      .post('/v1/applications')
      .set('authorization', `Bearer ${alice}`)
      .set('content-type', 'application/json')
      .send(nested(64));
    expect(at.status).toBe(400);
    expect(at.body.rule).toBeUndefined();
    const over = await h
      .http()
      .post('/v1/applications')
      .set('authorization', `Bearer ${alice}`)
      .set('content-type', 'application/json')
      .send(nested(65));
    expect(over.body).toMatchObject({ statusCode: 400, rule: 'json-depth' });
  });

  it('does not count brackets inside strings', async () => {
    const body = JSON.stringify({ ...examples.EXAMPLE_SUBMIT_APPLICATION, note: '{'.repeat(500) });
    const response = await h
      .http()
      .post('/v1/applications')
      .set('authorization', `Bearer ${alice}`)
      .set('content-type', 'application/json')
      .send(body);
    expect(response.body.rule).not.toBe('json-depth');
  });

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await h
      .http()
      .post('/v1/applications')
      .set('authorization', `Bearer ${alice}`)
      .set('content-type', 'application/json')
      .send('{"a":');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'INVALID' });
  });

  it.each(['/v1/applications', '/v1/licences', '/v1/denials', '/v1/consultations', '/v1/notifications'])(
    'refuses offset=1e308 and offset=99999999999999999999 on %s with 400 (was a 500 from SQL)',
    async (path) => {
      for (const offset of ['1e308', '99999999999999999999', '1000001']) {
        const response = await h.http().get(`${path}?offset=${offset}`).set('authorization', `Bearer ${alice}`);
        expect({ offset, status: response.status }).toEqual({ offset, status: 400 });
        expect(JSON.stringify(response.body.details)).toMatch(/offset/);
      }
    },
  );

  it('refuses a repeated query parameter (?from=1&from=2 on the stream) with 400 naming it (was a 500)', async () => {
    const customs = await h.token('customs', null, ['commission']);
    const response = await h
      .http()
      .get('/v1/streams/commission?from=1&from=2')
      .set('authorization', `Bearer ${customs}`)
      .expect(400);
    expect(response.body).toMatchObject({ code: 'INVALID', rule: 'repeated-parameter' });
    expect(response.body.message).toMatch(/'from' is given 2 times/);
    const list = await h.http().get('/v1/applications?limit=1&limit=2').set('authorization', `Bearer ${alice}`);
    expect(list.body).toMatchObject({ statusCode: 400, rule: 'repeated-parameter' });
  });
});

describe('the HTTP edge: headers, /metrics, four-eyes subjects', () => {
  let h: LicensingHarness;
  let key: DevSigningKey;

  beforeAll(async () => {
    h = await startLicensing();
    key = h.app.get<DevSigningKey>(DEV_SIGNING_KEY);
  });
  afterAll(async () => h.close());

  it('sends nosniff, no-store and a CSP with frame-ancestors none on API answers', async () => {
    const token = await h.token('alice', 'DE', ['caseworker']);
    for (const response of [
      await h.http().get('/v1/applications').set('authorization', `Bearer ${token}`).expect(200),
      await h.http().get('/v1/applications').expect(401),
    ]) {
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(response.headers['x-frame-options']).toBe('DENY');
    }
  });

  it('serves /docs under a CSP that allows its own scripts and styles', async () => {
    const page = await h.http().get('/docs').expect(200);
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self' 'unsafe-inline'");
    // Swagger UI's page loads its scripts from /docs, not inline: the CSP lets it run.
    expect(page.text).not.toMatch(/<script>(?!\s*<\/script>)/);
    await h.http().get('/docs/swagger-ui-init.js').expect(200);
  });

  it('keeps /metrics closed when no METRICS_TOKEN is configured', async () => {
    const response = await h.http().get('/metrics').expect(401);
    expect(response.body).toMatchObject({ code: 'UNAUTHENTICATED', rule: 'metrics-token' });
    const withUserToken = await h.token('alice', 'DE', ['caseworker']);
    await h.http().get('/metrics').set('authorization', `Bearer ${withUserToken}`).expect(401);
  });

  it.each([
    ['a trailing space', 'eve '],
    ['a zero-width space', 'eve\u200b'],
    ['a no-break space', 'eve\u00a0'],
  ])('refuses with 401 a token whose subject holds %s', async (_name, sub) => {
    const token = await rawDevToken(key, sub, ['approver']);
    const response = await h.http().get('/v1/applications').set('authorization', `Bearer ${token}`).expect(401);
    expect(response.body.message).toMatch(/subject holds whitespace or invisible characters/);
  });

  it.each(['EVE', 'Eve', '\uff45\uff56\uff45'])(
    'four-eyes: eve proposes, %j (the same person by NFKC and case folding) may not decide',
    async (lookAlike) => {
      const eve = await h.token('eve', 'DE', ['caseworker']);
      const bob = await h.token('bob', 'DE', ['approver']);
      const created = await h
        .http()
        .post('/v1/applications')
        .set('authorization', `Bearer ${eve}`)
        .send(examples.EXAMPLE_SUBMIT_APPLICATION)
        .expect(201);
      const id = (created.body as { id: string }).id;
      await h
        .http()
        .post(`/v1/applications/${id}/assign`)
        .set('authorization', `Bearer ${bob}`)
        .send({ caseworker: 'eve' })
        .expect(200);
      await h
        .http()
        .post(`/v1/applications/${id}/propose-decision`)
        .set('authorization', `Bearer ${eve}`)
        .send(examples.EXAMPLE_PROPOSE_DECISION)
        .expect(200);
      const twin = await h.token(lookAlike, 'DE', ['approver']);
      const refused = await h
        .http()
        .post(`/v1/applications/${id}/decide`)
        .set('authorization', `Bearer ${twin}`)
        .send(examples.EXAMPLE_ISSUE_DECISION)
        .expect(403);
      expect(refused.body).toMatchObject({ rule: 'four-eyes' });
      await h
        .http()
        .post(`/v1/applications/${id}/decide`)
        .set('authorization', `Bearer ${bob}`)
        .send(examples.EXAMPLE_ISSUE_DECISION)
        .expect(200);
    },
  );
});

describe('the HTTP edge: rate limits and the stream cap', () => {
  let h: LicensingHarness;
  let base: string;

  beforeAll(async () => {
    h = await startLicensing({
      RATE_LIMIT_WINDOW_SECONDS: '60',
      RATE_LIMIT_PER_ADDRESS: '1000000',
      RATE_LIMIT_PER_PRINCIPAL: '40',
      RATE_LIMIT_SCREENING_PER_PRINCIPAL: '5',
      SSE_MAX_STREAMS_PER_PRINCIPAL: '2',
    });
    await h.app.listen(0, '127.0.0.1');
    base = (await h.app.getUrl()).replace('[::1]', '127.0.0.1');
  });
  afterAll(async () => h.close());

  it('answers 429 with Retry-After once a principal exceeds its screening limit, and other principals still pass', async () => {
    const carol = await h.token('carol', 'DE', ['caseworker']);
    const statuses: number[] = [];
    let last: { status: number; headers: Record<string, string>; body: { rule?: string } } | undefined;
    for (let i = 0; i < 7; i++) {
      last = await h.http().post('/v1/denials/screen').set('authorization', `Bearer ${carol}`).send(SCREEN_BODY);
      statuses.push(last.status);
    }
    expect(statuses.slice(0, 5).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(5)).toEqual([429, 429]);
    expect(Number(last?.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(last?.body.rule).toBe('rate-limit-screening');
    // The same subject in capitals is the same principal.
    const carolCaps = await h.token('CAROL', 'DE', ['caseworker']);
    await h.http().post('/v1/denials/screen').set('authorization', `Bearer ${carolCaps}`).send(SCREEN_BODY).expect(429);
    const dave = await h.token('dave', 'DE', ['caseworker']);
    await h.http().post('/v1/denials/screen').set('authorization', `Bearer ${dave}`).send(SCREEN_BODY).expect(200);
  });

  it('answers 429 once a principal exceeds its general limit', async () => {
    const erin = await h.token('erin', 'DE', ['caseworker']);
    const statuses: number[] = [];
    for (let i = 0; i < 42; i++) {
      statuses.push((await h.http().get('/v1/applications').set('authorization', `Bearer ${erin}`)).status);
    }
    expect(statuses.filter((status) => status === 200)).toHaveLength(40);
    expect(statuses.slice(40)).toEqual([429, 429]);
  });

  it('caps concurrent streams per principal with 429 and frees a slot when a stream closes', async () => {
    const commission = await h.token('analyst', null, ['commission']);
    const url = `${base}/v1/streams/commission`;
    const open = () => openStream(url, commission);
    const first = await open();
    const second = await open();
    expect([first.status, second.status]).toEqual([200, 200]);
    const third = await open();
    expect(third.status).toBe(429);
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(await third.json()).toMatchObject({ rule: 'sse-stream-cap' });
    first.close();
    let fourth: Awaited<ReturnType<typeof open>> | undefined;
    for (let attempt = 0; attempt < 50; attempt++) {
      fourth = await open();
      if (fourth.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(fourth?.status).toBe(200);
    // Another principal is not limited by this one's streams.
    const other = await openStream(url, await h.token('other', null, ['commission']));
    expect(other.status).toBe(200);
    for (const stream of [second, fourth, other]) stream?.close();
  });
});

describe('the HTTP edge: per-address limit counts forged tokens', () => {
  let h: LicensingHarness;

  beforeAll(async () => {
    h = await startLicensing({ RATE_LIMIT_PER_ADDRESS: '30', RATE_LIMIT_WINDOW_SECONDS: '60' });
  });
  afterAll(async () => h.close());

  it('answers 429 with Retry-After after 30 requests with forged tokens from one address', async () => {
    const statuses: number[] = [];
    let retryAfter: string | undefined;
    for (let i = 0; i < 32; i++) {
      const response = await h.http().get('/v1/applications').set('authorization', 'Bearer forged.token.here');
      statuses.push(response.status);
      retryAfter = response.headers['retry-after'];
    }
    expect(statuses.slice(0, 30).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(30)).toEqual([429, 429]);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
  });
});

interface OpenStream {
  readonly status: number;
  readonly headers: Headers;
  json(): Promise<unknown>;
  close(): void;
}

async function openStream(url: string, token: string): Promise<OpenStream> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}`, accept: 'text/event-stream' },
    signal: controller.signal,
  });
  return {
    status: response.status,
    headers: response.headers,
    json: () => response.json(),
    close: () => controller.abort(),
  };
}
