import { ConfigurationError } from '@dul/config';
import type { CryptoKey, JWK, JWTVerifyGetKey, ProtectedHeaderParameters } from 'jose';
import { createRemoteJWKSet, decodeProtectedHeader, errors, importJWK, importSPKI, jwtVerify } from 'jose';
import { AuthError, unauthenticated } from './auth.errors';
import type { Principal } from './principal';
import { principalFromClaims } from './principal';

/** Asymmetric signatures only: no `none`, and no HS* (a shared secret would let every verifier mint tokens). */
export const ACCEPTED_ALGORITHMS = ['RS256', 'ES256'] as const;
export type AcceptedAlgorithm = (typeof ACCEPTED_ALGORITHMS)[number];

/** Where the verification key comes from. */
export type VerificationKeySource =
  /** The identity provider's JWKS endpoint (https, or http on localhost); keys are cached and refetched on an unknown `kid`. */
  | { readonly kind: 'jwks'; readonly url: string }
  /** An RSA (RS256) or P-256 EC (ES256) public key, SPKI PEM (`-----BEGIN PUBLIC KEY-----`). */
  | { readonly kind: 'public-key'; readonly pem: string }
  /** One public JWK, RSA or EC P-256. */
  | { readonly kind: 'jwk'; readonly jwk: JWK };

export interface JwtVerifierOptions {
  readonly key: VerificationKeySource;
  /** Expected `iss`; checked only when set. */
  readonly issuer?: string;
  /** Expected `aud` (one of the token's audiences); checked only when set. */
  readonly audience?: string;
  /** Leeway for `exp`, `nbf` and `iat` against clock skew between the identity provider and us. Default 30. */
  readonly clockToleranceSeconds?: number;
  /** Longest `exp - iat` accepted: a stolen ten-year token must not stay usable. Default 43,200 (12 h). */
  readonly maxTokenLifetimeSeconds?: number;
  /** Seconds since the epoch; tests pin it. Default: the system clock. */
  readonly now?: () => number;
}

/** Turns a bearer token into a Principal, or throws AuthError. */
export interface JwtVerifier {
  verify(token: string): Promise<Principal>;
}

/** Injection token of the JwtVerifier the AuthGuard uses. */
export const JWT_VERIFIER = Symbol.for('dul.JwtVerifier');

export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 30;
export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 43_200;

/**
 * The token of an `Authorization: Bearer <token>` header. Throws UNAUTHENTICATED when the header is
 * missing, uses another scheme, or does not hold a compact JWS (three dot-separated base64url parts).
 */
export function bearerToken(authorization: string | readonly string[] | undefined): string {
  if (authorization === undefined || authorization.length === 0) {
    throw unauthenticated("missing Authorization header (expected 'Authorization: Bearer <token>')");
  }
  if (typeof authorization !== 'string') throw unauthenticated('more than one Authorization header');
  const [scheme = '', token = '', ...rest] = authorization.trim().split(/\s+/);
  if (scheme.toLowerCase() !== 'bearer' || rest.length > 0) {
    throw unauthenticated("the Authorization header must be 'Bearer <token>'");
  }
  if (token === '') throw unauthenticated('the Bearer token is empty');
  if (!/^[\w-]+\.[\w-]+\.[\w-]*$/.test(token)) throw unauthenticated('the token is malformed (not a signed JWT)');
  return token;
}

/**
 * A verifier for one key source. Imports a PEM or JWK once (throwing ConfigurationError when it is not an
 * RSA or P-256 public key); a JWKS is fetched lazily, on the first token.
 */
export async function createJwtVerifier(options: JwtVerifierOptions): Promise<JwtVerifier> {
  const { key, algorithms } = await resolveKey(options.key);
  const tolerance = options.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS;
  const maxLifetime = options.maxTokenLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  const verifyOptions = {
    algorithms: [...algorithms],
    issuer: options.issuer,
    audience: options.audience,
    clockTolerance: tolerance,
    requiredClaims: ['exp', 'iat'],
  };
  return {
    async verify(token: string): Promise<Principal> {
      const alg = algorithmOf(token);
      if (!algorithms.includes(alg)) {
        throw unauthenticated(
          `the token algorithm ${alg} does not match the configured key (${algorithms.join(', ')})`,
        );
      }
      let claims: Readonly<Record<string, unknown>>;
      try {
        claims = (await jwtVerify(token, key, { ...verifyOptions, currentDate: new Date(now() * 1000) })).payload;
      } catch (error) {
        throw translate(error);
      }
      assertIssuedSensibly(claims, now(), tolerance, maxLifetime);
      return principalFromClaims(claims);
    },
  };
}

/**
 * `iat` not in the future (beyond the clock tolerance) and `exp - iat` within the maximum lifetime:
 * jose checks `exp` and `nbf` but accepts a token issued tomorrow, or one valid for ten years.
 */
function assertIssuedSensibly(
  claims: Readonly<Record<string, unknown>>,
  now: number,
  tolerance: number,
  maxLifetime: number,
): void {
  const { iat, exp } = claims as { iat: number; exp: number };
  if (iat > now + tolerance) throw unauthenticated("the token 'iat' is in the future (issued after now)");
  if (exp - iat > maxLifetime) {
    throw unauthenticated(`the token lifetime (exp - iat) exceeds the maximum of ${maxLifetime} s`);
  }
}

type ResolvedKey = { readonly key: CryptoKey | JWTVerifyGetKey; readonly algorithms: readonly AcceptedAlgorithm[] };

async function resolveKey(source: VerificationKeySource): Promise<ResolvedKey> {
  switch (source.kind) {
    case 'jwks':
      return { key: remoteKeySet(source.url), algorithms: ACCEPTED_ALGORITHMS };
    case 'public-key':
      return importPem(source.pem);
    case 'jwk':
      return importPublicJwk(source.jwk);
  }
}

function remoteKeySet(url: string): JWTVerifyGetKey {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new ConfigurationError([`JWKS URL '${url}' is not a URL`]);
  }
  const local = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && local)) {
    throw new ConfigurationError([`JWKS URL '${url}' must use https (http only on localhost)`]);
  }
  const keySet = createRemoteJWKSet(parsed, { timeoutDuration: 5_000, cooldownDuration: 30_000 });
  return async (header, token) => {
    try {
      return await keySet(header, token);
    } catch (error) {
      if (error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) throw error;
      // Network failure, timeout, non-200 or not a JWKS: the identity provider is the problem, not the token.
      throw new AuthError('AUTH_UNAVAILABLE', "the identity provider's signing keys could not be fetched", {
        cause: error,
      });
    }
  };
}

async function importPem(pem: string): Promise<ResolvedKey> {
  if (!pem.includes('-----BEGIN PUBLIC KEY-----')) {
    throw new ConfigurationError(['JWT public key must be an SPKI PEM (-----BEGIN PUBLIC KEY-----)']);
  }
  for (const alg of ACCEPTED_ALGORITHMS) {
    try {
      return { key: await importSPKI(pem.trim(), alg), algorithms: [alg] };
    } catch {
      // Not a key for this algorithm: try the next one.
    }
  }
  throw new ConfigurationError(['JWT public key must be an RSA (RS256) or P-256 EC (ES256) public key']);
}

async function importPublicJwk(jwk: JWK): Promise<ResolvedKey> {
  if ('d' in jwk || 'k' in jwk) throw new ConfigurationError(['JWT verification JWK must be a public key']);
  const alg = jwkAlgorithm(jwk);
  try {
    const key = await importJWK({ ...jwk, alg }, alg);
    if (key instanceof Uint8Array) throw new TypeError('symmetric key');
    return { key, algorithms: [alg] };
  } catch (error) {
    throw new ConfigurationError([
      `JWT verification JWK is not a valid ${alg} public key (${(error as Error).message})`,
    ]);
  }
}

function jwkAlgorithm(jwk: JWK): AcceptedAlgorithm {
  const inferred = jwk.kty === 'RSA' ? 'RS256' : jwk.kty === 'EC' && jwk.crv === 'P-256' ? 'ES256' : undefined;
  if (inferred === undefined || (jwk.alg !== undefined && jwk.alg !== inferred)) {
    throw new ConfigurationError(['JWT verification JWK must be an RSA (RS256) or EC P-256 (ES256) key']);
  }
  return inferred;
}

function algorithmOf(token: string): AcceptedAlgorithm {
  let header: ProtectedHeaderParameters;
  try {
    header = decodeProtectedHeader(token);
  } catch {
    throw unauthenticated('the token is malformed (its header is not valid JSON)');
  }
  const alg = header.alg;
  if (typeof alg === 'string' && (ACCEPTED_ALGORITHMS as readonly string[]).includes(alg)) {
    return alg as AcceptedAlgorithm;
  }
  const shown = typeof alg === 'string' && /^[\w+-]{1,20}$/.test(alg) ? alg : 'missing or invalid';
  throw unauthenticated(`the token algorithm (${shown}) is not accepted: only ${ACCEPTED_ALGORITHMS.join(' or ')}`);
}

/** jose's errors, reworded for the caller; jose's own messages stay out of responses. */
function translate(error: unknown): unknown {
  if (error instanceof AuthError || !(error instanceof errors.JOSEError)) return error;
  const jose = error as errors.AnyJOSEError;
  switch (jose.code) {
    case 'ERR_JWT_EXPIRED':
      return unauthenticated('the token has expired');
    case 'ERR_JWT_CLAIM_VALIDATION_FAILED':
      return unauthenticated(claimProblem(jose.claim, jose.reason));
    case 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED':
      return unauthenticated('the token signature is invalid');
    case 'ERR_JWKS_NO_MATCHING_KEY':
      return unauthenticated("the token was signed with a key the identity provider does not publish (unknown 'kid')");
    case 'ERR_JWKS_MULTIPLE_MATCHING_KEYS':
      return unauthenticated("the token does not identify its signing key (several keys match; 'kid' missing)");
    case 'ERR_JOSE_ALG_NOT_ALLOWED':
      return unauthenticated(`the token algorithm is not accepted: only ${ACCEPTED_ALGORITHMS.join(' or ')}`);
    case 'ERR_JWKS_TIMEOUT':
    case 'ERR_JWKS_INVALID':
      return new AuthError('AUTH_UNAVAILABLE', "the identity provider's signing keys could not be fetched", {
        cause: error,
      });
    case 'ERR_JWS_INVALID':
    case 'ERR_JWT_INVALID':
      return unauthenticated('the token is malformed');
    // Encryption and key errors jose raises for a JWS it cannot use; any code a later jose adds lands
    // in default with the same answer.
    case 'ERR_JOSE_NOT_SUPPORTED':
    case 'ERR_JWE_DECRYPTION_FAILED':
    case 'ERR_JWE_INVALID':
    case 'ERR_JWK_INVALID':
    default:
      return unauthenticated('the token could not be verified');
  }
}

function claimProblem(claim: string, reason: string): string {
  switch (claim) {
    case 'iss':
      return 'the token issuer is not accepted';
    case 'aud':
      return 'the token audience is not accepted';
    case 'nbf':
      return 'the token is not valid yet';
    case 'exp':
      return reason === 'missing'
        ? "the token has no expiry (the 'exp' claim is required)"
        : "the token 'exp' is invalid";
    case 'iat':
      return reason === 'missing'
        ? "the token has no issue time (the 'iat' claim is required)"
        : "the token 'iat' is invalid";
    default:
      return `the token claim '${claim}' is invalid`;
  }
}
