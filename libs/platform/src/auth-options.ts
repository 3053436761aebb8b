import type { AuthModuleOptions } from '@dul/auth';
import type { AuthEnvironment } from '@dul/config';

/** Token verification as configured; validateEnvironment has already required what each mode needs. */
export function authOptionsFrom(env: AuthEnvironment): AuthModuleOptions {
  const lifetime = {
    maxTokenLifetimeSeconds: env.AUTH_MAX_TOKEN_LIFETIME_SECONDS,
    clockToleranceSeconds: env.AUTH_CLOCK_TOLERANCE_SECONDS,
  };
  const checks = { issuer: env.AUTH_ISSUER, audience: env.AUTH_AUDIENCE, ...lifetime };
  switch (env.AUTH_MODE) {
    case 'dev':
      return { mode: 'dev', devKeyPath: env.AUTH_DEV_KEY_PATH, ...lifetime };
    case 'jwks':
      return { mode: 'jwks', jwksUrl: env.AUTH_JWKS_URL ?? '', ...checks };
    case 'public-key':
      return { mode: 'public-key', publicKeyPem: env.AUTH_PUBLIC_KEY ?? '', ...checks };
  }
}
