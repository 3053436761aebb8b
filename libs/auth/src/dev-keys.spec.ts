import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '@dul/config';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { AuthError } from './auth.errors';
import {
  DEV_AUDIENCE,
  DEV_ISSUER,
  devVerifierOptions,
  loadOrCreateDevKey,
  mintDevToken,
  parseLifetime,
} from './dev-keys';
import { createJwtVerifier } from './jwt-verifier';

describe('development signing key', () => {
  let directory: string;
  let path: string;

  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'dul-dev-key-'));
    path = join(directory, 'nested', 'dev-jwt-key.json');
  });

  afterEach(() => rm(directory, { recursive: true, force: true }));

  it('creates an ES256 key on first use, readable by its owner only', async () => {
    const key = await loadOrCreateDevKey(path);
    expect(key.created).toBe(true);
    expect(key.publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256', kid: key.kid });
    expect(key.publicJwk).not.toHaveProperty('d');
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(path, 'utf8'))).toMatchObject({
      jwk: { kty: 'EC', crv: 'P-256', d: expect.any(String) },
    });
  });

  it('persists across restarts: a token minted before is verified by the key reloaded after', async () => {
    const first = await loadOrCreateDevKey(path);
    const token = await mintDevToken(first, { sub: 'alice', ms: 'DE', roles: ['caseworker', 'approver'] });

    const reloaded = await loadOrCreateDevKey(path);
    expect(reloaded.created).toBe(false);
    expect(reloaded.kid).toBe(first.kid);
    const verifier = await createJwtVerifier(devVerifierOptions(reloaded));
    expect(await verifier.verify(token)).toEqual({ sub: 'alice', ms: 'DE', roles: ['caseworker', 'approver'] });
  });

  it('agrees on one key when two processes start together', async () => {
    const keys = await Promise.all([loadOrCreateDevKey(path), loadOrCreateDevKey(path), loadOrCreateDevKey(path)]);
    expect(new Set(keys.map((key) => key.kid)).size).toBe(1);
    expect(keys.filter((key) => key.created)).toHaveLength(1);
  });

  it('refuses a key file that does not hold an ES256 private key, and says how to recover', async () => {
    await loadOrCreateDevKey(path);
    await writeFile(path, JSON.stringify({ jwk: { kty: 'RSA', n: 'x', e: 'AQAB' } }));
    await expect(loadOrCreateDevKey(path)).rejects.toThrow(ConfigurationError);
    await writeFile(path, 'not json');
    await expect(loadOrCreateDevKey(path)).rejects.toThrow(/delete it to generate a new key/);
  });

  describe('minting', () => {
    it('signs with the dev issuer, audience and kid, writing EL as GR', async () => {
      const key = await loadOrCreateDevKey(path);
      const now = new Date('2026-03-06T09:00:00Z');
      const token = await mintDevToken(key, { sub: 'eleni', ms: 'EL', roles: ['approver'], expiresIn: '30m' }, now);
      expect(decodeProtectedHeader(token)).toEqual({ alg: 'ES256', typ: 'JWT', kid: key.kid });
      expect(decodeJwt(token)).toEqual({
        sub: 'eleni',
        ms: 'GR',
        roles: ['approver'],
        iss: DEV_ISSUER,
        aud: DEV_AUDIENCE,
        iat: now.getTime() / 1000,
        exp: now.getTime() / 1000 + 1800,
      });
    });

    it('carries agency audiences', async () => {
      const key = await loadOrCreateDevKey(path);
      const token = await mintDevToken(key, { sub: 'customs', ms: null, roles: ['agency'], audiences: ['licences'] });
      expect(decodeJwt(token).audiences).toEqual(['licences']);
    });

    it('refuses claims the verifier would refuse (an authority role without a member state)', async () => {
      const key = await loadOrCreateDevKey(path);
      await expect(mintDevToken(key, { sub: 'alice', ms: null, roles: ['caseworker'] })).rejects.toThrow(AuthError);
    });

    it('refuses a lifetime it cannot read', async () => {
      const key = await loadOrCreateDevKey(path);
      await expect(mintDevToken(key, { sub: 'a', ms: 'DE', roles: ['auditor'], expiresIn: '8 hours' })).rejects.toThrow(
        /s, m, h or d/,
      );
    });

    it.each([
      ['90s', 90],
      ['30m', 1800],
      ['8h', 28800],
      ['7d', 604800],
      ['0h', undefined],
      ['8', undefined],
      ['8y', undefined],
      ['-1h', undefined],
    ])('reads the lifetime %j as %j seconds', (text, seconds) => {
      expect(parseLifetime(text)).toBe(seconds);
    });
  });
});
