// Two tiers, selected with --selectProjects: pure unit tests, and integration/e2e tests that talk
// to real SQLite files, a real PostgreSQL and a real Kafka broker (see infra/test-all.sh).
const moduleNameMapper = {
  '^@dul/(domain|event-store|projections|platform)/testing$': '<rootDir>/libs/$1/testing',
  '^@dul/(domain|event-store|projections|platform|config|messaging|contracts|auth|http)$': '<rootDir>/libs/$1/src',
};
const common = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  moduleNameMapper,
  transform: {
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true }],
    // jose 6 ships ESM only; Jest on Node 20 cannot require() ESM, so its files are compiled to CommonJS.
    '^.+/node_modules/jose/.+\\.js$': [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs' }, isolatedModules: true },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  setupFiles: ['reflect-metadata'],
};
module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,infra,test}/**/*.spec.ts'] },
    {
      ...common,
      displayName: 'integration',
      // Suites boot real apps, brokers and databases; 5 s is too short for a boot on a busy 2-core machine.
      testTimeout: 30_000,
      testMatch: ['<rootDir>/{apps,libs,infra,test}/**/*.{int-spec,e2e-spec}.ts'],
      globalSetup: '<rootDir>/infra/postgres/jest-global-setup.ts',
      globalTeardown: '<rootDir>/infra/postgres/jest-global-teardown.ts',
    },
  ],
};
