import { AuthEnvironment, BaseEnvironment, ConfigurationError, validateEnvironment } from './environment';

describe('environment validation', () => {
  it('defaults to the embedded SQLite store on port 3000', () => {
    const env = validateEnvironment(BaseEnvironment, {});
    expect(env).toMatchObject({ STORE_KIND: 'sqlite', SQLITE_PATH: './data/ledger.db', PORT: 3000, LOG_LEVEL: 'info' });
  });

  it('converts numbers and ignores unrelated variables', () => {
    const env = validateEnvironment(BaseEnvironment, { PORT: '8080', PATH: '/usr/bin', HOME: '/root' });
    expect(env.PORT).toBe(8080);
    expect(env).not.toHaveProperty('PATH');
  });

  it('names the variable, the value and what is allowed when a value is bad', () => {
    expect(() => validateEnvironment(BaseEnvironment, { STORE_KIND: 'mysql' })).toThrow(
      "STORE_KIND must be one of sqlite, postgres, eventstoredb (got 'mysql')",
    );
    expect(() => validateEnvironment(BaseEnvironment, { PORT: 'eighty' })).toThrow(
      /PORT must be an integer port number \(got 'eighty'\)/,
    );
    expect(() => validateEnvironment(BaseEnvironment, { PORT: '70000' })).toThrow(/PORT must be between 0 and 65535/);
    expect(() => validateEnvironment(BaseEnvironment, { KAFKA_BROKERS: 'localhost' })).toThrow(
      /KAFKA_BROKERS must be a comma-separated list of host:port/,
    );
  });

  it('requires DATABASE_URL when the store is PostgreSQL and EVENTSTOREDB_URL when it is EventStoreDB', () => {
    expect(() => validateEnvironment(BaseEnvironment, { STORE_KIND: 'postgres' })).toThrow(
      /DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL \(required when STORE_KIND=postgres\) \(it is not set\)/,
    );
    expect(() => validateEnvironment(BaseEnvironment, { STORE_KIND: 'eventstoredb' })).toThrow(/EVENTSTOREDB_URL/);
    expect(
      validateEnvironment(BaseEnvironment, {
        STORE_KIND: 'postgres',
        DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/test',
      }),
    ).toMatchObject({ STORE_KIND: 'postgres' });
  });

  it('reports every bad variable at once', () => {
    try {
      validateEnvironment(BaseEnvironment, { STORE_KIND: 'x', PORT: '-1', LOG_LEVEL: 'loud' });
      throw new Error('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigurationError);
      expect((error as ConfigurationError).problems.map((p) => p.split(' ')[0])).toEqual([
        'STORE_KIND',
        'PORT',
        'LOG_LEVEL',
      ]);
    }
  });
});

describe('authentication settings', () => {
  it('requires a JWKS URL in the default jwks mode and a PEM key in public-key mode', () => {
    expect(() => validateEnvironment(AuthEnvironment, {})).toThrow(
      /AUTH_JWKS_URL must be the identity provider's JWKS URL/,
    );
    expect(() => validateEnvironment(AuthEnvironment, { AUTH_MODE: 'public-key' })).toThrow(
      /AUTH_PUBLIC_KEY must be a PEM/,
    );
    expect(validateEnvironment(AuthEnvironment, { AUTH_MODE: 'dev' }).AUTH_DEV_KEY_PATH).toBe(
      './data/dev-jwt-key.json',
    );
  });

  it('requires KAFKA_USERNAME and KAFKA_PASSWORD when KAFKA_SASL_MECHANISM is set, and never prints the password', () => {
    expect(() => validateEnvironment(BaseEnvironment, { KAFKA_SASL_MECHANISM: 'scram-sha-512' })).toThrow(
      /KAFKA_USERNAME .*required when KAFKA_SASL_MECHANISM is set[\s\S]*KAFKA_PASSWORD .*\(it is not set\)/,
    );
    expect(() => validateEnvironment(BaseEnvironment, { KAFKA_SASL_MECHANISM: 'plain' })).toThrow(
      /KAFKA_SASL_MECHANISM must be one of scram-sha-512, scram-sha-256/,
    );
    let message = '';
    try {
      validateEnvironment(BaseEnvironment, {
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_USERNAME: 'relay',
        KAFKA_PASSWORD: 'hunter2',
      });
    } catch (error) {
      message = String(error);
    }
    expect(message).toMatch(/KAFKA_PASSWORD must be at least 12 characters .*\(got 7 characters, not shown\)/);
    expect(message).not.toContain('hunter2');
    expect(
      validateEnvironment(BaseEnvironment, {
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_USERNAME: 'admin',
        KAFKA_PASSWORD: 'a-long-generated-secret',
      }),
    ).toMatchObject({
      KAFKA_USERNAME: 'admin',
      KAFKA_MANAGE_ACLS: 'true',
      KAFKA_AUTHORITY_PRINCIPAL: 'authority-{ms}',
    });
  });

  it('requires the authority principal template to contain {ms}', () => {
    expect(() => validateEnvironment(BaseEnvironment, { KAFKA_AUTHORITY_PRINCIPAL: 'authority' })).toThrow(
      /KAFKA_AUTHORITY_PRINCIPAL must be a user name containing \{ms\}/,
    );
  });

  it('names the customs and Commission principals customs and commission unless set, and refuses a name with a space', () => {
    expect(validateEnvironment(BaseEnvironment, {})).toMatchObject({
      KAFKA_CUSTOMS_PRINCIPAL: 'customs',
      KAFKA_COMMISSION_PRINCIPAL: 'commission',
    });
    expect(() => validateEnvironment(BaseEnvironment, { KAFKA_CUSTOMS_PRINCIPAL: 'zoll hamburg' })).toThrow(
      /KAFKA_CUSTOMS_PRINCIPAL must be a SCRAM user name/,
    );
    expect(() => validateEnvironment(BaseEnvironment, { KAFKA_COMMISSION_PRINCIPAL: 'eu/commission' })).toThrow(
      /KAFKA_COMMISSION_PRINCIPAL must be a SCRAM user name/,
    );
  });

  it('gives the inbound consumer the group dul-inbound unless set, and refuses a group id with a space', () => {
    expect(validateEnvironment(BaseEnvironment, {})).toMatchObject({ KAFKA_INBOUND_GROUP: 'dul-inbound' });
    expect(validateEnvironment(BaseEnvironment, { KAFKA_INBOUND_GROUP: 'dul-inbound.de-bafa' })).toMatchObject({
      KAFKA_INBOUND_GROUP: 'dul-inbound.de-bafa',
    });
    expect(() => validateEnvironment(BaseEnvironment, { KAFKA_INBOUND_GROUP: 'two words' })).toThrow(
      /KAFKA_INBOUND_GROUP must be a Kafka group id/,
    );
  });

  it('bounds the wait for each Kafka client to leave at shutdown at 2,000 ms unless set, within 0 to 60,000 ms', () => {
    expect(validateEnvironment(BaseEnvironment, {})).toMatchObject({ KAFKA_SHUTDOWN_GRACE_MS: 2_000 });
    expect(validateEnvironment(BaseEnvironment, { KAFKA_SHUTDOWN_GRACE_MS: '500' })).toMatchObject({
      KAFKA_SHUTDOWN_GRACE_MS: 500,
    });
    expect(() => validateEnvironment(BaseEnvironment, { KAFKA_SHUTDOWN_GRACE_MS: '90000' })).toThrow(
      /KAFKA_SHUTDOWN_GRACE_MS must be between 0 and 60000/,
    );
    expect(() => validateEnvironment(BaseEnvironment, { KAFKA_SHUTDOWN_GRACE_MS: 'soon' })).toThrow(
      /KAFKA_SHUTDOWN_GRACE_MS must be a whole number of milliseconds/,
    );
  });
});

describe('token trust settings', () => {
  const pem = '-----BEGIN PUBLIC KEY-----\nMFkw\n-----END PUBLIC KEY-----';

  it.each([
    ['public-key', { AUTH_PUBLIC_KEY: pem }],
    ['jwks', { AUTH_JWKS_URL: 'https://idp.example/jwks' }],
  ])('refuses %s mode without an issuer and an audience', (mode, keys) => {
    let problems: readonly string[] = [];
    try {
      validateEnvironment(AuthEnvironment, { AUTH_MODE: mode, ...keys });
    } catch (error) {
      problems = (error as ConfigurationError).problems;
    }
    expect(problems).toEqual([
      expect.stringMatching(/^AUTH_ISSUER must be the identity provider's issuer/),
      expect.stringMatching(/^AUTH_AUDIENCE must be the audience/),
    ]);
    expect(
      validateEnvironment(AuthEnvironment, { AUTH_MODE: mode, ...keys, AUTH_ISSUER: 'i', AUTH_AUDIENCE: 'a' }),
    ).toMatchObject({ AUTH_ISSUER: 'i', AUTH_AUDIENCE: 'a' });
  });

  it('does not need an issuer or audience with development tokens', () => {
    expect(validateEnvironment(AuthEnvironment, { AUTH_MODE: 'dev' }).AUTH_ISSUER).toBeUndefined();
  });

  it('bounds the maximum token lifetime and the clock tolerance', () => {
    const env = validateEnvironment(AuthEnvironment, { AUTH_MODE: 'dev' });
    expect(env).toMatchObject({ AUTH_MAX_TOKEN_LIFETIME_SECONDS: 43_200, AUTH_CLOCK_TOLERANCE_SECONDS: 30 });
    expect(() =>
      validateEnvironment(AuthEnvironment, { AUTH_MODE: 'dev', AUTH_MAX_TOKEN_LIFETIME_SECONDS: '315360000' }),
    ).toThrow(/AUTH_MAX_TOKEN_LIFETIME_SECONDS must be between 60 and 86400/);
  });
});

describe('HTTP edge settings', () => {
  it('has limits by default and refuses ones out of range', () => {
    const env = validateEnvironment(BaseEnvironment, {});
    expect(env).toMatchObject({ HTTP_JSON_MAX_DEPTH: 64, RATE_LIMIT_SCREENING_PER_PRINCIPAL: 60 });
    expect(() => validateEnvironment(BaseEnvironment, { HTTP_JSON_MAX_DEPTH: '100000' })).toThrow(
      /HTTP_JSON_MAX_DEPTH must be between 2 and 1000/,
    );
    expect(() => validateEnvironment(BaseEnvironment, { METRICS_TOKEN: 'short' })).toThrow(
      /METRICS_TOKEN must be at least 16 characters/,
    );
  });
});
