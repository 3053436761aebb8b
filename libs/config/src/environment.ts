import { plainToInstance } from 'class-transformer';
import {
  getMetadataStorage,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';
import { HttpEdgeEnvironment } from './edge.environment';

export const STORE_KINDS = ['sqlite', 'postgres', 'eventstoredb'] as const;
export type StoreKind = (typeof STORE_KINDS)[number];
export const KAFKA_SASL_MECHANISMS = ['scram-sha-512', 'scram-sha-256'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/**
 * What every service reads from its environment. Each app declares its own schema (extending this)
 * and validates it once at boot; nothing else reads process.env.
 */
export class BaseEnvironment extends HttpEdgeEnvironment {
  @IsOptional()
  @IsIn(STORE_KINDS, { message: `must be one of ${STORE_KINDS.join(', ')}` })
  readonly STORE_KIND: StoreKind = 'sqlite';

  @ValidateIf((env: BaseEnvironment) => env.STORE_KIND === 'postgres' || env.DATABASE_URL !== undefined)
  @Matches(/^postgres(ql)?:\/\/\S+$/, {
    message: 'must be a postgres:// or postgresql:// URL (required when STORE_KIND=postgres)',
  })
  readonly DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  @Matches(/\S/, { message: 'must be a file path' })
  readonly SQLITE_PATH: string = './data/ledger.db';

  @ValidateIf((env: BaseEnvironment) => env.STORE_KIND === 'eventstoredb' || env.EVENTSTOREDB_URL !== undefined)
  @Matches(/^(esdb|kurrentdb|kdb)(\+discover)?:\/\/\S+$/, {
    message: 'must be an esdb:// or kurrentdb:// connection string (required when STORE_KIND=eventstoredb)',
  })
  readonly EVENTSTOREDB_URL?: string;

  @IsOptional()
  @Matches(/^[\w.-]+:\d{1,5}(,[\w.-]+:\d{1,5})*$/, { message: 'must be a comma-separated list of host:port' })
  readonly KAFKA_BROKERS?: string;

  /**
   * SASL/SCRAM for every Kafka client of the service (relay, inbound consumer): unset means no
   * authentication (a local test broker only). With it, KAFKA_USERNAME and KAFKA_PASSWORD are required;
   * the password comes from the environment (a secret store in production), never from code.
   */
  @IsOptional()
  @IsIn(KAFKA_SASL_MECHANISMS, { message: `must be one of ${KAFKA_SASL_MECHANISMS.join(', ')}` })
  readonly KAFKA_SASL_MECHANISM?: (typeof KAFKA_SASL_MECHANISMS)[number];

  @ValidateIf((env: BaseEnvironment) => env.KAFKA_SASL_MECHANISM !== undefined || env.KAFKA_USERNAME !== undefined)
  @Matches(/^[A-Za-z0-9._@-]{1,128}$/, {
    message: 'must be a SCRAM user name (letters, digits, . _ @ -; required when KAFKA_SASL_MECHANISM is set)',
  })
  readonly KAFKA_USERNAME?: string;

  @ValidateIf((env: BaseEnvironment) => env.KAFKA_SASL_MECHANISM !== undefined || env.KAFKA_PASSWORD !== undefined)
  @IsString()
  @MinLength(12, { message: 'must be at least 12 characters (required when KAFKA_SASL_MECHANISM is set)' })
  readonly KAFKA_PASSWORD?: string;

  /** TLS to the brokers (SASL_SSL). */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  readonly KAFKA_SSL: 'true' | 'false' = 'false';

  /**
   * With SASL, the relay (as super user) creates the authorities' ACLs at start: each member state's
   * principal reads its own topic and the public ones and writes its own inbound topic. `false` when
   * the cluster's operators manage ACLs themselves.
   */
  @IsOptional()
  @IsIn(['true', 'false'], { message: 'must be true or false' })
  readonly KAFKA_MANAGE_ACLS: 'true' | 'false' = 'true';

  /** The SCRAM user of each member state's authority; `{ms}` is replaced by the member state code. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._@-]*\{ms\}[A-Za-z0-9._@-]*$/, {
    message: 'must be a user name containing {ms} once, e.g. authority-{ms}',
  })
  readonly KAFKA_AUTHORITY_PRINCIPAL: string = 'authority-{ms}';

  /** The SCRAM user of the customs systems: it may read the customs topic only. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._@-]{1,128}$/, { message: 'must be a SCRAM user name (letters, digits, . _ @ -)' })
  readonly KAFKA_CUSTOMS_PRINCIPAL: string = 'customs';

  /** The SCRAM user of the Commission: it may read the Commission's topic only. */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._@-]{1,128}$/, { message: 'must be a SCRAM user name (letters, digits, . _ @ -)' })
  readonly KAFKA_COMMISSION_PRINCIPAL: string = 'commission';

  /**
   * The consumer group of the inbound consumer. One group per deployment: two deployments (or two
   * test runs) sharing a broker must not share it, or each would receive only part of the other's
   * inbound messages.
   */
  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,200}$/, { message: 'must be a Kafka group id (letters, digits, . _ -)' })
  readonly KAFKA_INBOUND_GROUP: string = 'dul-inbound';

  /**
   * How long shutdown waits for each Kafka client to leave (the inbound consumer's group, the
   * producers) before it goes on without the goodbye: a group join held by a dead member would
   * otherwise hold SIGTERM for up to the broker's session timeout (libs/messaging/src/shutdown-grace.ts).
   */
  @IsOptional()
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(0, { message: 'must be between 0 and 60000' })
  @Max(60_000, { message: 'must be between 0 and 60000' })
  readonly KAFKA_SHUTDOWN_GRACE_MS: number = 2_000;

  @IsOptional()
  @IsInt({ message: 'must be an integer port number' })
  @Min(0, { message: 'must be between 0 and 65535' })
  @Max(65535, { message: 'must be between 0 and 65535' })
  readonly PORT: number = 3000;

  @IsOptional()
  @IsString()
  readonly HOST: string = '127.0.0.1';

  @IsOptional()
  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  readonly LOG_LEVEL: LogLevel = 'info';
}

export const AUTH_MODES = ['dev', 'jwks', 'public-key'] as const;
export type AuthMode = (typeof AUTH_MODES)[number];

/** Services verify bearer tokens from the identity provider; only the standalone app defaults to dev keys. */
export class AuthEnvironment extends BaseEnvironment {
  @IsOptional()
  @IsIn(AUTH_MODES, { message: `must be one of ${AUTH_MODES.join(', ')}` })
  readonly AUTH_MODE: AuthMode = 'jwks';

  @ValidateIf((env: AuthEnvironment) => env.AUTH_MODE === 'jwks')
  @Matches(/^https?:\/\/\S+$/, { message: "must be the identity provider's JWKS URL (required when AUTH_MODE=jwks)" })
  readonly AUTH_JWKS_URL?: string;

  @ValidateIf((env: AuthEnvironment) => env.AUTH_MODE === 'public-key')
  @Matches(/-----BEGIN PUBLIC KEY-----/, {
    message: 'must be a PEM public key (SPKI) (required when AUTH_MODE=public-key)',
  })
  readonly AUTH_PUBLIC_KEY?: string;

  // Without them a token minted by the same identity provider for any other application would be
  // accepted here: jwks and public-key modes refuse to boot unless both are set.
  @ValidateIf((env: AuthEnvironment) => env.AUTH_MODE !== 'dev' || env.AUTH_ISSUER !== undefined)
  @Matches(/\S/, { message: "must be the identity provider's issuer (required when AUTH_MODE is jwks or public-key)" })
  readonly AUTH_ISSUER?: string;

  @ValidateIf((env: AuthEnvironment) => env.AUTH_MODE !== 'dev' || env.AUTH_AUDIENCE !== undefined)
  @Matches(/\S/, {
    message: 'must be the audience tokens for this service carry (required when AUTH_MODE is jwks or public-key)',
  })
  readonly AUTH_AUDIENCE?: string;

  /** Longest lifetime (exp - iat) a token may have; longer ones are refused even when unexpired. */
  @IsOptional()
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(60, { message: 'must be between 60 and 86400' })
  @Max(86_400, { message: 'must be between 60 and 86400' })
  readonly AUTH_MAX_TOKEN_LIFETIME_SECONDS: number = 43_200;

  /** Clock skew allowed between the identity provider and us, for exp, nbf and iat. */
  @IsOptional()
  @IsInt({ message: 'must be a whole number of seconds' })
  @Min(0, { message: 'must be between 0 and 300' })
  @Max(300, { message: 'must be between 0 and 300' })
  readonly AUTH_CLOCK_TOLERANCE_SECONDS: number = 30;

  @IsOptional()
  @IsString()
  readonly AUTH_DEV_KEY_PATH: string = './data/dev-jwt-key.json';
}

export class ConfigurationError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

type Constructor<T> = new () => T;

/**
 * Validates raw environment variables against a schema class. Empty strings count as unset.
 * Throws ConfigurationError naming every bad variable, what it got and what is allowed.
 */
export function validateEnvironment<T extends object>(
  schema: Constructor<T>,
  raw: Readonly<Record<string, string | undefined>>,
): T {
  const known = schemaKeys(schema);
  const present = Object.fromEntries(
    Object.entries(raw).filter(([key, value]) => known.has(key) && value !== undefined && value !== ''),
  );
  const env = plainToInstance(schema, present, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(env, { forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigurationError(
      errors.flatMap((error) =>
        Object.values(error.constraints ?? {}).map(
          (message) => `${error.property} ${message}${describeValue(raw[error.property], error.property)}`,
        ),
      ),
    );
  }
  return env;
}

/** Every variable a schema declares, read from class-validator's decorator metadata. */
function schemaKeys<T extends object>(schema: Constructor<T>): Set<string> {
  return new Set(
    getMetadataStorage()
      .getTargetValidationMetadatas(schema, '', true, false)
      .map((metadata) => metadata.propertyName),
  );
}

function describeValue(value: string | undefined, name: string): string {
  if (value === undefined || value === '') return ' (it is not set)';
  // A secret that fails validation is still a secret: the boot message must not print it.
  if (/PASSWORD|SECRET/.test(name)) return ` (got ${value.length} characters, not shown)`;
  return ` (got '${value}')`;
}
