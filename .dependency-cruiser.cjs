// The architecture, written down as import rules (issue 13). `npm run lint` runs them:
//   npx depcruise apps libs infra test bench
// Services are modules of one product that may be deployed apart. They share code only through
// libraries (libs/*) or through another service's public folder (apps/<service>/public: message
// classes, ids and the module a host wires in). apps/standalone is the composition root: it alone
// may also import each service's module, projections and environment to run them in one process.
const TEST_FILES = '(\\.(spec|int-spec|e2e-spec)\\.ts$|/testing/)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'Import cycles make module load order matter and hide a missing boundary. A cycle made only of ' +
        '`import type` edges is erased at compile time and allowed (the domain types refer to each other).',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
    {
      name: 'no-app-to-app',
      severity: 'error',
      comment:
        'A service imports another service only through its public folder (apps/<service>/public); ' +
        'what they share lives in libs/.',
      from: { path: '^apps/(?!standalone/)([^/]+)/' },
      to: { path: '^apps/[^/]+/', pathNot: ['^apps/$1/', '^apps/[^/]+/public/'] },
    },
    {
      name: 'standalone-composes-only',
      severity: 'error',
      comment:
        'The standalone host composes services: their module, projections, environment and public ' +
        'folder, never their internals.',
      from: { path: '^apps/standalone/' },
      to: {
        path: '^apps/(?!standalone/)[^/]+/',
        pathNot: ['^apps/[^/]+/public/', '^apps/[^/]+/[^/]+\\.(module|projections|environment)\\.ts$'],
      },
    },
    {
      name: 'libs-never-import-apps',
      severity: 'error',
      comment: 'Libraries serve the services; a library that imports a service inverts the layering.',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'libs-never-import-tooling',
      severity: 'error',
      comment: 'Production library code imports no test, bench or infra code (tests may use infra helpers).',
      from: { path: '^libs/', pathNot: TEST_FILES },
      to: { path: '^(test|bench|infra)/' },
    },
    {
      name: 'infra-never-imports-apps',
      severity: 'error',
      comment: 'Infra scripts use libraries (or the HTTP API), never a service internal.',
      from: { path: '^infra/' },
      to: { path: '^apps/' },
    },
    {
      name: 'domain-is-pure',
      severity: 'error',
      comment:
        'libs/domain holds the deciders and rules: no framework, adapter, other library of ours or I/O ' +
        '(pure npm helpers such as date-holidays are fine).',
      from: { path: '^libs/domain/', pathNot: TEST_FILES },
      to: {
        path: [
          '^node_modules/(@nestjs|class-validator|class-transformer|pg|better-sqlite3|kafkajs|@eventstore|fastify|@fastify|cloudevents|jose|rxjs)/',
          '^(libs/(?!domain/)|apps/|infra/|test/|bench/)',
        ],
      },
    },
    {
      name: 'domain-uses-no-node-core',
      severity: 'error',
      comment: 'libs/domain does no I/O: Node core modules belong in adapters.',
      from: { path: '^libs/domain/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that cannot be resolved is a broken path or a missing dependency.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|coverage|data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
