import type { DynamicModule, Provider } from '@nestjs/common';
import { Global, Logger, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import type { DevSigningKey } from './dev-keys';
import { DEFAULT_DEV_KEY_PATH, devVerifierOptions, loadOrCreateDevKey } from './dev-keys';
import type { JwtVerifier } from './jwt-verifier';
import { createJwtVerifier, JWT_VERIFIER } from './jwt-verifier';

interface ClaimChecks {
  /** Expected `iss`; not checked when unset. */
  readonly issuer?: string;
  /** Expected `aud`; not checked when unset. */
  readonly audience?: string;
  readonly clockToleranceSeconds?: number;
  /** Longest `exp - iat` accepted (default 12 h). */
  readonly maxTokenLifetimeSeconds?: number;
}

/** How tokens are verified; chosen from each app's validated configuration. */
export type AuthModuleOptions =
  /** Standalone/dev only: a local ES256 key in `devKeyPath` (default ./data/dev-jwt-key.json), made on first boot. */
  | ({ readonly mode: 'dev'; readonly devKeyPath?: string } & Omit<ClaimChecks, 'issuer' | 'audience'>)
  /** The identity provider's JWKS endpoint. */
  | ({ readonly mode: 'jwks'; readonly jwksUrl: string } & ClaimChecks)
  /** One RSA or P-256 EC public key, SPKI PEM. */
  | ({ readonly mode: 'public-key'; readonly publicKeyPem: string } & ClaimChecks);

/** The options given to AuthModule.forRoot. */
export const AUTH_OPTIONS = Symbol.for('dul.AuthOptions');
/** In 'dev' mode only: the local signing key, for tests and tooling that mint tokens. */
export const DEV_SIGNING_KEY = Symbol.for('dul.DevSigningKey');

/** Bearer-token authentication for every route (a global AuthGuard), plus the JwtVerifier it uses. */
@Global()
@Module({})
export class AuthModule {
  static forRoot(options: AuthModuleOptions): DynamicModule {
    const modeProviders: Provider[] =
      options.mode === 'dev'
        ? [
            { provide: DEV_SIGNING_KEY, useFactory: () => loadDevKey(options.devKeyPath ?? DEFAULT_DEV_KEY_PATH) },
            {
              provide: JWT_VERIFIER,
              useFactory: (key: DevSigningKey): Promise<JwtVerifier> =>
                createJwtVerifier({
                  ...devVerifierOptions(key),
                  clockToleranceSeconds: options.clockToleranceSeconds,
                  maxTokenLifetimeSeconds: options.maxTokenLifetimeSeconds,
                }),
              inject: [DEV_SIGNING_KEY],
            },
          ]
        : [{ provide: JWT_VERIFIER, useFactory: () => createJwtVerifier(verifierOptions(options)) }];
    return {
      module: AuthModule,
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        ...modeProviders,
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
      exports: [AUTH_OPTIONS, JWT_VERIFIER, ...(options.mode === 'dev' ? [DEV_SIGNING_KEY] : [])],
    };
  }
}

function verifierOptions(
  options: Exclude<AuthModuleOptions, { mode: 'dev' }>,
): Parameters<typeof createJwtVerifier>[0] {
  const checks = {
    issuer: options.issuer,
    audience: options.audience,
    clockToleranceSeconds: options.clockToleranceSeconds,
    maxTokenLifetimeSeconds: options.maxTokenLifetimeSeconds,
  };
  switch (options.mode) {
    case 'jwks':
      return { key: { kind: 'jwks', url: options.jwksUrl }, ...checks };
    case 'public-key':
      return { key: { kind: 'public-key', pem: options.publicKeyPem }, ...checks };
  }
}

async function loadDevKey(path: string): Promise<DevSigningKey> {
  const key = await loadOrCreateDevKey(path);
  new Logger(AuthModule.name).warn(
    `Development authentication: tokens are signed with the local key ${path}${key.created ? ' (just created)' : ''}. ` +
      'Mint one with `npm run token -- --ms DE --roles caseworker --sub alice`. Never use this mode in production.',
  );
  return key;
}
