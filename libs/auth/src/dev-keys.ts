import { randomUUID } from 'node:crypto';
import { link, mkdir, readFile, unlink, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { ConfigurationError } from '@dul/config';
import type { CryptoKey, JWK } from 'jose';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT } from 'jose';
import type { JwtVerifierOptions } from './jwt-verifier';
import type { Role } from './principal';
import { principalFromClaims } from './principal';

/*
 * Standalone / development only: a local ES256 signing key, so the product runs without an identity
 * provider. The key is generated once and kept in a file so tokens survive restarts. Deployed
 * services verify against the identity provider's JWKS or public key instead (AuthModule modes
 * 'jwks' and 'public-key'); nothing in those modes reads this file.
 */

export const DEFAULT_DEV_KEY_PATH = './data/dev-jwt-key.json';
/** Dev tokens carry their own issuer and audience, so they are never mistaken for real ones. */
export const DEV_ISSUER = 'urn:dul:dev';
export const DEV_AUDIENCE = 'urn:dul:api';
export const DEFAULT_DEV_TOKEN_LIFETIME = '8h';

export interface DevSigningKey {
  readonly path: string;
  /** RFC 7638 thumbprint of the public key, sent as the token's `kid`. */
  readonly kid: string;
  readonly privateKey: CryptoKey;
  readonly publicJwk: JWK;
  /** True when this call generated the key (no file existed). */
  readonly created: boolean;
}

export interface DevTokenClaims {
  readonly sub: string;
  /** Member state code; 'EL' is accepted and written as 'GR'. Required for authority roles. */
  readonly ms: string | null;
  readonly roles: readonly Role[];
  readonly audiences?: readonly string[];
  /** Lifetime such as '30m', '8h', '7d'. Default 8h. */
  readonly expiresIn?: string;
}

interface DevKeyFile {
  readonly description: string;
  readonly createdAt: string;
  readonly jwk: JWK;
}

/**
 * Loads the dev signing key from `path`, generating and saving one (file mode 0600) when none exists.
 * Two processes starting together agree on one key: the file is published with an atomic link, and
 * the loser reads the winner's. Throws ConfigurationError when the file is not an ES256 private key.
 */
export async function loadOrCreateDevKey(path: string = DEFAULT_DEV_KEY_PATH): Promise<DevSigningKey> {
  const existing = await readKeyFile(path);
  if (existing !== undefined) return importDevKey(path, existing, false);
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  const file: DevKeyFile = {
    description: 'Development-only ES256 key for signing local JWTs. Never use it outside standalone/dev mode.',
    createdAt: new Date().toISOString(),
    jwk: { ...jwk, alg: 'ES256', use: 'sig', kid: await thumbprint(jwk) },
  };
  const published = await publish(path, `${JSON.stringify(file, null, 2)}\n`);
  if (published) return importDevKey(path, file.jwk, true);
  const winner = await readKeyFile(path);
  if (winner === undefined) throw new ConfigurationError([`dev JWT key file ${path} vanished while being created`]);
  return importDevKey(path, winner, false);
}

/** A signed ES256 token for the dev key, checked with the same rules the verifier applies. */
export async function mintDevToken(
  key: DevSigningKey,
  claims: DevTokenClaims,
  now: Date = new Date(),
): Promise<string> {
  const lifetime = parseLifetime(claims.expiresIn ?? DEFAULT_DEV_TOKEN_LIFETIME);
  if (lifetime === undefined) {
    throw new RangeError(`expiresIn '${claims.expiresIn}' must be a number followed by s, m, h or d (e.g. 8h)`);
  }
  const principal = principalFromClaims({ ...claims });
  const issuedAt = Math.floor(now.getTime() / 1000);
  return new SignJWT({
    ms: principal.ms,
    roles: [...principal.roles],
    ...(principal.audiences ? { audiences: [...principal.audiences] } : {}),
  })
    .setProtectedHeader({ alg: 'ES256', typ: 'JWT', kid: key.kid })
    .setSubject(principal.sub)
    .setIssuer(DEV_ISSUER)
    .setAudience(DEV_AUDIENCE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + lifetime)
    .sign(key.privateKey);
}

/** Verifier options that accept exactly the tokens mintDevToken signs with this key. */
export function devVerifierOptions(key: DevSigningKey): JwtVerifierOptions {
  return { key: { kind: 'jwk', jwk: key.publicJwk }, issuer: DEV_ISSUER, audience: DEV_AUDIENCE };
}

/** Seconds in a lifetime such as '90s', '30m', '8h', '7d'; undefined when it is not one. */
export function parseLifetime(text: string): number | undefined {
  const match = /^(\d{1,6})([smhd])$/.exec(text.trim());
  if (!match) return undefined;
  const seconds = Number(match[1]) * { s: 1, m: 60, h: 3_600, d: 86_400 }[match[2] as 's' | 'm' | 'h' | 'd'];
  return seconds > 0 ? seconds : undefined;
}

async function readKeyFile(path: string): Promise<JWK | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  try {
    return (JSON.parse(text) as Partial<DevKeyFile>).jwk;
  } catch {
    throw invalidKeyFile(path);
  }
}

async function importDevKey(path: string, jwk: JWK | undefined, created: boolean): Promise<DevSigningKey> {
  if (
    jwk?.kty !== 'EC' ||
    jwk.crv !== 'P-256' ||
    typeof jwk.x !== 'string' ||
    typeof jwk.y !== 'string' ||
    typeof jwk.d !== 'string'
  ) {
    throw invalidKeyFile(path);
  }
  let privateKey: CryptoKey;
  try {
    const imported = await importJWK({ kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y, d: jwk.d }, 'ES256');
    if (imported instanceof Uint8Array) throw invalidKeyFile(path);
    privateKey = imported;
  } catch {
    throw invalidKeyFile(path);
  }
  const publicJwk: JWK = { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y };
  const kid = await thumbprint(publicJwk);
  return { path, kid, privateKey, publicJwk: { ...publicJwk, alg: 'ES256', use: 'sig', kid }, created };
}

/** Writes a temporary file, then links it into place: atomic, and fails if another process got there first. */
async function publish(path: string, content: string): Promise<boolean> {
  await mkdir(dirname(path), { recursive: true });
  const temporary = `${path}.${randomUUID()}.tmp`;
  await writeFile(temporary, content, { mode: 0o600, flag: 'wx' });
  try {
    await link(temporary, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temporary);
  }
}

function thumbprint(jwk: JWK): Promise<string> {
  return calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y });
}

function invalidKeyFile(path: string): ConfigurationError {
  return new ConfigurationError([
    `dev JWT key file ${path} does not hold an ES256 (EC P-256) private JWK; delete it to generate a new key`,
  ]);
}
