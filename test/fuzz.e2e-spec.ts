import fc from 'fast-check';
import type { DevSigningKey } from '@dul/auth';
import { DEV_SIGNING_KEY, mintDevToken, ROLES } from '@dul/auth';
import type { OpenApiDocument } from '../infra/fuzz/openapi-fuzz';
import { describeOutcome, FuzzTally, fuzzRequests, operationsOf, send } from '../infra/fuzz/openapi-fuzz';
import { startLicensing, type LicensingHarness } from './support/licensing-harness';

// The quick form of `npm run fuzz`: seeded, so a failure replays with FUZZ_SEED=<seed>.
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_202);
const RUNS = Number(process.env.FUZZ_RUNS ?? 500);

describe('fuzzing every operation of the OpenAPI document (quick form)', () => {
  let h: LicensingHarness;
  let base: string;
  let document: OpenApiDocument;
  const tally = new FuzzTally();

  beforeAll(async () => {
    h = await startLicensing();
    await h.app.listen(0, '127.0.0.1');
    base = (await h.app.getUrl()).replace('[::1]', '127.0.0.1');
    document = (await (await fetch(`${base}/docs/openapi.json`)).json()) as OpenApiDocument;
  });
  afterAll(async () => h.close());

  it(`answers ${RUNS} absurd requests (depth, size, repetition, types, unicode) without a single 5xx`, async () => {
    const key = h.app.get<DevSigningKey>(DEV_SIGNING_KEY);
    const tokens = {
      all: await mintDevToken(key, { sub: 'fuzzer', ms: 'DE', roles: [...ROLES], audiences: ['customs'] }),
      other: await mintDevToken(key, { sub: 'other', ms: 'FR', roles: ['caseworker'] }),
    };
    const operations = operationsOf(document);
    await fc.assert(
      fc.asyncProperty(fuzzRequests(operations, document, tokens), async (request) => {
        const outcome = await send(base, request);
        tally.add(outcome);
        if (outcome.status === 'transport-error' || (typeof outcome.status === 'number' && outcome.status >= 500))
          throw new Error(describeOutcome(outcome));
      }),
      { seed: SEED, numRuns: RUNS, endOnFailure: true },
    );
    expect(tally.count5xx()).toBe(0);
    // Every operation of the document was fuzzed, not only the first few.
    for (const operation of operations)
      expect([operation.key, tally.byOperation.get(operation.key) ?? 0]).toEqual([operation.key, expect.any(Number)]);
    expect(operations.filter((operation) => (tally.byOperation.get(operation.key) ?? 0) < 3)).toEqual([]);
    // And the process still serves.
    expect((await fetch(`${base}/health`)).status).toBe(200);
  }, 120_000);
});
