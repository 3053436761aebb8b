import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConfigurationError } from '@dul/config';
import type { CryptoKey, JWK, JWTPayload } from 'jose';
import { exportJWK, exportSPKI, generateKeyPair, generateSecret, SignJWT, UnsecuredJWT } from 'jose';
import { AuthError } from './auth.errors';
import type { JwtVerifier, JwtVerifierOptions } from './jwt-verifier';
import { bearerToken, createJwtVerifier } from './jwt-verifier';

const ISSUER = 'https://idp.example.eu/realms/dul';
const AUDIENCE = 'dul-api';
const NOW = () => Math.floor(Date.now() / 1000);

interface KeyPair {
  readonly privateKey: CryptoKey;
  readonly publicKey: CryptoKey;
}

const caseworker = { sub: 'alice', ms: 'DE', roles: ['caseworker'] };

function sign(
  key: KeyPair,
  alg: 'ES256' | 'RS256',
  claims: JWTPayload,
  {
    exp = NOW() + 600,
    iat = NOW(),
    iss = ISSUER,
    aud = AUDIENCE,
    kid,
  }: { exp?: number | null; iat?: number | null; iss?: string; aud?: string; kid?: string } = {},
): Promise<string> {
  const jwt = new SignJWT(claims)
    .setProtectedHeader({ alg, ...(kid ? { kid } : {}) })
    .setIssuer(iss)
    .setAudience(aud);
  if (exp !== null) jwt.setExpirationTime(exp);
  if (iat !== null) jwt.setIssuedAt(iat);
  return jwt.sign(key.privateKey);
}

async function refusal(verifier: JwtVerifier, token: string): Promise<AuthError> {
  try {
    await verifier.verify(token);
  } catch (error) {
    if (error instanceof AuthError) return error;
    throw error;
  }
  throw new Error('expected the token to be refused');
}

describe('JWT verification', () => {
  let es256: KeyPair;
  let rs256: KeyPair;
  let es256Verifier: JwtVerifier;
  let rs256Verifier: JwtVerifier;

  const withChecks = (key: JwtVerifierOptions['key']): JwtVerifierOptions => ({
    key,
    issuer: ISSUER,
    audience: AUDIENCE,
  });

  beforeAll(async () => {
    es256 = await generateKeyPair('ES256', { extractable: true });
    rs256 = await generateKeyPair('RS256', { extractable: true });
    es256Verifier = await createJwtVerifier(withChecks({ kind: 'jwk', jwk: await exportJWK(es256.publicKey) }));
    rs256Verifier = await createJwtVerifier(withChecks({ kind: 'public-key', pem: await exportSPKI(rs256.publicKey) }));
  });

  describe('accepts', () => {
    it('a valid ES256 token against a public JWK', async () => {
      const principal = await es256Verifier.verify(await sign(es256, 'ES256', caseworker));
      expect(principal).toEqual({ sub: 'alice', ms: 'DE', roles: ['caseworker'] });
    });

    it('a valid RS256 token against an SPKI PEM public key', async () => {
      const token = await sign(rs256, 'RS256', { sub: 'bob', ms: 'FR', roles: ['approver', 'auditor'] });
      expect(await rs256Verifier.verify(token)).toEqual({ sub: 'bob', ms: 'FR', roles: ['approver', 'auditor'] });
    });

    it('an ES256 token against an SPKI PEM public key', async () => {
      const verifier = await createJwtVerifier({ key: { kind: 'public-key', pem: await exportSPKI(es256.publicKey) } });
      expect((await verifier.verify(await sign(es256, 'ES256', caseworker))).sub).toBe('alice');
    });

    it('a token expired by less than the clock tolerance (30 s by default)', async () => {
      const token = await sign(es256, 'ES256', caseworker, { exp: NOW() - 10 });
      expect((await es256Verifier.verify(token)).sub).toBe('alice');
    });

    it("normalises Greece's EU code EL to GR", async () => {
      const principal = await es256Verifier.verify(await sign(es256, 'ES256', { ...caseworker, ms: 'EL' }));
      expect(principal.ms).toBe('GR');
    });

    it('ignores roles it does not know and drops duplicates', async () => {
      const token = await sign(es256, 'ES256', {
        ...caseworker,
        roles: ['offline_access', 'caseworker', 'caseworker'],
      });
      expect((await es256Verifier.verify(token)).roles).toEqual(['caseworker']);
    });

    it('a Commission token without a member state', async () => {
      const principal = await es256Verifier.verify(await sign(es256, 'ES256', { sub: 'eu-1', roles: ['commission'] }));
      expect(principal).toEqual({ sub: 'eu-1', ms: null, roles: ['commission'] });
    });

    it("an agency token with its 'audiences'", async () => {
      const token = await sign(es256, 'ES256', {
        sub: 'customs-nl',
        ms: 'NL',
        roles: ['agency'],
        audiences: ['licences'],
      });
      expect((await es256Verifier.verify(token)).audiences).toEqual(['licences']);
    });

    it('any issuer and audience when none is configured', async () => {
      const verifier = await createJwtVerifier({ key: { kind: 'jwk', jwk: await exportJWK(es256.publicKey) } });
      const token = await sign(es256, 'ES256', caseworker, { iss: 'someone', aud: 'something' });
      expect((await verifier.verify(token)).sub).toBe('alice');
    });
  });

  describe('refuses with 401 UNAUTHENTICATED and says why', () => {
    it.each<[string, () => Promise<string>, RegExp]>([
      ['an expired token', () => sign(es256, 'ES256', caseworker, { exp: NOW() - 120 }), /has expired/],
      ['a token without an expiry', () => sign(es256, 'ES256', caseworker, { exp: null }), /no expiry/],
      [
        'a token not valid yet',
        () =>
          new SignJWT(caseworker)
            .setProtectedHeader({ alg: 'ES256' })
            .setIssuer(ISSUER)
            .setAudience(AUDIENCE)
            .setNotBefore(NOW() + 600)
            .setIssuedAt(NOW())
            .setExpirationTime(NOW() + 1200)
            .sign(es256.privateKey),
        /not valid yet/,
      ],
      [
        'a token signed by another key',
        async () => sign(await generateKeyPair('ES256'), 'ES256', caseworker),
        /signature is invalid/,
      ],
      [
        'a token from another issuer',
        () => sign(es256, 'ES256', caseworker, { iss: 'https://evil.example' }),
        /issuer/,
      ],
      ['a token for another audience', () => sign(es256, 'ES256', caseworker, { aud: 'other-api' }), /audience/],
      ['a token without a subject', () => sign(es256, 'ES256', { ms: 'DE', roles: ['caseworker'] }), /no subject/],
      ['a token without roles', () => sign(es256, 'ES256', { sub: 'alice', ms: 'DE' }), /'roles' claim/],
      [
        'an authority role without a member state',
        () => sign(es256, 'ES256', { sub: 'alice', roles: ['approver'] }),
        /grants approver but names no member state/,
      ],
      [
        'a member state outside the EU',
        () => sign(es256, 'ES256', { ...caseworker, ms: 'UK' }),
        /not an EU member state/,
      ],
      [
        'malformed audiences',
        () => sign(es256, 'ES256', { ...caseworker, audiences: 'licences' }),
        /'audiences' claim must be an array/,
      ],
      [
        'an RS256 token against an ES256 key',
        () => sign(rs256, 'RS256', caseworker),
        /does not match the configured key/,
      ],
      [
        'an HS256 token',
        async () =>
          new SignJWT(caseworker)
            .setProtectedHeader({ alg: 'HS256' })
            .setExpirationTime(NOW() + 600)
            .sign(await generateSecret('HS256')),
        /algorithm \(HS256\) is not accepted: only RS256 or ES256/,
      ],
      [
        "an unsigned token (alg 'none')",
        async () => new UnsecuredJWT(caseworker).setExpirationTime(NOW() + 600).encode(),
        /algorithm \(none\) is not accepted/,
      ],
      ['a token whose header is not JSON', async () => 'bm90IGpzb24.e30.c2ln', /malformed/],
      [
        'a token issued in the future (iat beyond the clock tolerance)',
        () => sign(es256, 'ES256', caseworker, { iat: NOW() + 3_600, exp: NOW() + 4_200 }),
        /'iat' is in the future/,
      ],
      ['a token without an issue time', () => sign(es256, 'ES256', caseworker, { iat: null }), /no issue time/],
      [
        'a token whose lifetime exceeds the maximum (ten years)',
        () => sign(es256, 'ES256', caseworker, { exp: NOW() + 10 * 365 * 86_400 }),
        /lifetime \(exp - iat\) exceeds the maximum of 43200 s/,
      ],
      [
        'a subject with a trailing space',
        () => sign(es256, 'ES256', { ...caseworker, sub: 'eve ' }),
        /subject holds whitespace or invisible characters/,
      ],
      [
        'a subject with a zero-width space',
        () => sign(es256, 'ES256', { ...caseworker, sub: 'eve\u200b' }),
        /subject holds whitespace or invisible characters/,
      ],
      [
        'a subject with a control character',
        () => sign(es256, 'ES256', { ...caseworker, sub: 'eve\u0007' }),
        /subject holds whitespace or invisible characters/,
      ],
    ])('%s', async (_name, token, message) => {
      const error = await refusal(es256Verifier, await token());
      expect(error).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
      expect(error.message).toMatch(message);
    });

    it('refuses algorithm confusion: an HS256 token whose secret is the configured RSA public key', async () => {
      const pem = await exportSPKI(rs256.publicKey);
      const forged = await new SignJWT(caseworker)
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(ISSUER)
        .setAudience(AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(NOW() + 600)
        .sign(new TextEncoder().encode(pem));
      const error = await refusal(rs256Verifier, forged);
      expect(error).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
      expect(error.message).toMatch(/algorithm \(HS256\) is not accepted/);
    });

    it('applies a configured maximum lifetime and accepts a token within it', async () => {
      const verifier = await createJwtVerifier({
        ...withChecks({ kind: 'jwk', jwk: await exportJWK(es256.publicKey) }),
        maxTokenLifetimeSeconds: 300,
      });
      await expect(verifier.verify(await sign(es256, 'ES256', caseworker, { exp: NOW() + 240 }))).resolves.toEqual(
        expect.objectContaining({ sub: 'alice' }),
      );
      expect((await refusal(verifier, await sign(es256, 'ES256', caseworker))).message).toMatch(/maximum of 300 s/);
    });

    it('accepts an iat within the clock tolerance ahead of our clock', async () => {
      const token = await sign(es256, 'ES256', caseworker, { iat: NOW() + 10 });
      await expect(es256Verifier.verify(token)).resolves.toEqual(expect.objectContaining({ sub: 'alice' }));
    });

    it('never passes jose internals on to the caller', async () => {
      const error = await refusal(es256Verifier, await sign(es256, 'ES256', caseworker, { exp: NOW() - 120 }));
      expect(error.message).toBe('the token has expired');
      expect(error.cause).toBeUndefined();
    });
  });

  it('refuses with 403 FORBIDDEN a valid token that grants none of our roles', async () => {
    const error = await refusal(es256Verifier, await sign(es256, 'ES256', { sub: 'x', roles: ['offline_access'] }));
    expect(error).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(error.message).toMatch(/none of this service's roles/);
  });

  describe('reading the Authorization header', () => {
    it('takes the token of a Bearer header, whatever the case of the scheme', () => {
      expect(bearerToken('Bearer aaa.bbb.ccc')).toBe('aaa.bbb.ccc');
      expect(bearerToken('bearer  aaa.bbb.ccc ')).toBe('aaa.bbb.ccc');
    });

    it.each<[string | undefined, RegExp]>([
      [undefined, /missing Authorization header/],
      ['', /missing Authorization header/],
      ['Basic YWxpY2U6c2VjcmV0', /must be 'Bearer <token>'/],
      ['Bearer', /Bearer token is empty/],
      ['Bearer ', /Bearer token is empty/],
      ['Bearer not-a-jwt', /malformed/],
      ['Bearer a.b.c d', /must be 'Bearer <token>'/],
      ['Bearertoken.b.c', /must be 'Bearer <token>'/],
    ])('refuses %j', (header, message) => {
      expect(() => bearerToken(header)).toThrow(message);
    });
  });

  describe('against a JWKS endpoint', () => {
    let jwks: { keys: JWK[] };
    let url: string;
    let requests = 0;
    let status = 200;
    const server = createServer((_request, response) => {
      requests += 1;
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(jwks));
    });

    beforeAll(async () => {
      jwks = {
        keys: [
          { ...(await exportJWK(es256.publicKey)), kid: 'es-1', alg: 'ES256', use: 'sig' },
          { ...(await exportJWK(rs256.publicKey)), kid: 'rs-1', alg: 'RS256', use: 'sig' },
        ],
      };
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks`;
    });

    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('accepts ES256 and RS256 tokens signed with published keys, fetching the set once', async () => {
      const verifier = await createJwtVerifier(withChecks({ kind: 'jwks', url }));
      const before = requests;
      expect((await verifier.verify(await sign(es256, 'ES256', caseworker, { kid: 'es-1' }))).sub).toBe('alice');
      expect((await verifier.verify(await sign(rs256, 'RS256', caseworker, { kid: 'rs-1' }))).sub).toBe('alice');
      expect(requests - before).toBe(1);
    });

    it('refuses a token signed with a key it does not publish', async () => {
      const verifier = await createJwtVerifier(withChecks({ kind: 'jwks', url }));
      const stranger = await generateKeyPair('ES256');
      const error = await refusal(verifier, await sign(stranger, 'ES256', caseworker, { kid: 'unknown' }));
      expect(error).toMatchObject({
        code: 'UNAUTHENTICATED',
        message: expect.stringMatching(/key the identity provider does not publish/),
      });
    });

    it('answers 503 AUTH_UNAVAILABLE, not 401, when the key set cannot be fetched', async () => {
      status = 500;
      try {
        const verifier = await createJwtVerifier(withChecks({ kind: 'jwks', url }));
        const error = await refusal(verifier, await sign(es256, 'ES256', caseworker, { kid: 'es-1' }));
        expect(error).toMatchObject({ code: 'AUTH_UNAVAILABLE', status: 503 });
      } finally {
        status = 200;
      }
    });
  });

  describe('configuration', () => {
    it.each<[string, JwtVerifierOptions['key']]>([
      ['a PEM that is not a public key', { kind: 'public-key', pem: 'not a key' }],
      [
        'an SPKI PEM with a broken body',
        { kind: 'public-key', pem: '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----' },
      ],
      ['a private JWK', { kind: 'jwk', jwk: { kty: 'EC', crv: 'P-256', x: 'x', y: 'y', d: 'd' } }],
      ['a symmetric JWK', { kind: 'jwk', jwk: { kty: 'oct', k: 'c2VjcmV0' } }],
      ['an EC key on another curve', { kind: 'jwk', jwk: { kty: 'EC', crv: 'P-384', x: 'x', y: 'y' } }],
      ['a JWKS URL over plain http to another host', { kind: 'jwks', url: 'http://idp.example.eu/jwks' }],
      ['a JWKS URL that is not a URL', { kind: 'jwks', url: 'idp/jwks' }],
    ])('refuses %s at start-up', async (_name, key) => {
      await expect(createJwtVerifier({ key })).rejects.toThrow(ConfigurationError);
    });
  });
});
