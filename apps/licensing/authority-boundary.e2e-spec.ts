import fc from 'fast-check';
import type { Role } from '@dul/auth';
import { startLicensing, type LicensingHarness } from '../../test/support/licensing-harness';
import * as examples from './dto/examples';

type Method = 'get' | 'post';
interface Endpoint {
  readonly method: Method;
  readonly path: (id: string) => string;
  readonly allowed: readonly Role[];
  readonly body?: object;
}

const READERS: Role[] = ['caseworker', 'approver', 'auditor'];
const ENDPOINTS: readonly Endpoint[] = [
  {
    method: 'post',
    path: () => '/v1/applications',
    allowed: ['caseworker'],
    body: examples.EXAMPLE_SUBMIT_APPLICATION,
  },
  { method: 'get', path: () => '/v1/applications', allowed: READERS },
  { method: 'get', path: (id) => `/v1/applications/${id}`, allowed: READERS },
  { method: 'get', path: (id) => `/v1/applications/${id}/history`, allowed: READERS },
  {
    method: 'post',
    path: (id) => `/v1/applications/${id}/assign`,
    allowed: ['caseworker', 'approver'],
    body: examples.EXAMPLE_ASSIGN_CASEWORKER,
  },
  {
    method: 'post',
    path: (id) => `/v1/applications/${id}/classify`,
    allowed: ['caseworker'],
    body: examples.EXAMPLE_CLASSIFY_ITEM,
  },
  {
    method: 'post',
    path: (id) => `/v1/applications/${id}/flag`,
    allowed: ['caseworker'],
    body: examples.EXAMPLE_RAISE_RISK_FLAG,
  },
  {
    method: 'post',
    path: (id) => `/v1/applications/${id}/clear-flag`,
    allowed: ['caseworker'],
    body: examples.EXAMPLE_CLEAR_RISK_FLAG,
  },
  {
    method: 'post',
    path: (id) => `/v1/applications/${id}/propose-decision`,
    allowed: ['caseworker'],
    body: examples.EXAMPLE_PROPOSE_DECISION,
  },
  {
    method: 'post',
    path: (id) => `/v1/applications/${id}/decide`,
    allowed: ['approver'],
    body: examples.EXAMPLE_ISSUE_DECISION,
  },
  {
    method: 'post',
    path: (id) => `/v1/applications/${id}/withdraw`,
    allowed: ['caseworker'],
    body: examples.EXAMPLE_WITHDRAW_APPLICATION,
  },
  {
    method: 'post',
    path: (id) => `/v1/applications/${id}/amend`,
    allowed: ['caseworker'],
    body: examples.EXAMPLE_AMEND_APPLICATION,
  },
  { method: 'get', path: () => '/v1/licences', allowed: READERS },
  { method: 'get', path: (id) => `/v1/licences/${id}`, allowed: READERS },
  { method: 'get', path: (id) => `/v1/licences/${id}/history`, allowed: READERS },
  {
    method: 'post',
    path: (id) => `/v1/licences/${id}/amend`,
    allowed: ['approver'],
    body: examples.EXAMPLE_AMEND_LICENCE,
  },
  {
    method: 'post',
    path: (id) => `/v1/licences/${id}/decide-amendment`,
    allowed: ['approver'],
    body: examples.EXAMPLE_DECIDE_LICENCE_AMENDMENT,
  },
  {
    method: 'post',
    path: (id) => `/v1/licences/${id}/suspend`,
    allowed: ['approver'],
    body: examples.EXAMPLE_SUSPEND_LICENCE,
  },
  {
    method: 'post',
    path: (id) => `/v1/licences/${id}/reinstate`,
    allowed: ['approver'],
    body: examples.EXAMPLE_REINSTATE_LICENCE,
  },
  {
    method: 'post',
    path: (id) => `/v1/licences/${id}/annul`,
    allowed: ['approver'],
    body: { reason: 'Granted on false statements' },
  },
  {
    method: 'post',
    path: (id) => `/v1/licences/${id}/revoke`,
    allowed: ['approver'],
    body: { reason: 'End user sanctioned' },
  },
  {
    method: 'post',
    path: (id) => `/v1/licences/${id}/record-usage`,
    allowed: ['caseworker'],
    body: examples.EXAMPLE_RECORD_LICENCE_USAGE,
  },
];
const ROLES: readonly Role[] = ['caseworker', 'approver', 'auditor', 'commission', 'agency'];

describe('authority boundaries', () => {
  let h: LicensingHarness;
  beforeAll(async () => {
    h = await startLicensing();
  });
  afterAll(async () => h.close());

  const call = (endpoint: Endpoint, id: string, token?: string) => {
    const test = h.http()[endpoint.method](endpoint.path(id));
    if (token) test.set('authorization', `Bearer ${token}`);
    return endpoint.body ? test.send(endpoint.body) : test;
  };

  it('answers every role x endpoint pair as the role matrix says: 403 outside it, never 401/403/5xx inside it', async () => {
    const missing = crypto.randomUUID();
    const outcomes: string[] = [];
    for (const role of ROLES) {
      const authority = role === 'commission' || role === 'agency' ? null : 'DE';
      const token = await h.token(`${role}-user`, authority, [role]);
      for (const endpoint of ENDPOINTS) {
        const { status } = await call(endpoint, missing, token);
        const allowed = endpoint.allowed.includes(role);
        const ok = allowed ? status !== 401 && status !== 403 && status < 500 : status === 403;
        if (!ok) outcomes.push(`${role} ${endpoint.method.toUpperCase()} ${endpoint.path(':id')} -> ${status}`);
      }
    }
    expect(outcomes).toEqual([]);
  });

  it('answers every endpoint without a token with 401', async () => {
    const statuses = await Promise.all(
      ENDPOINTS.map(async (endpoint) => (await call(endpoint, crypto.randomUUID())).status),
    );
    expect(new Set(statuses)).toEqual(new Set([401]));
  });

  it('lets no role of another member state read or act on an application: 404 for every endpoint', async () => {
    const alice = await h.token('alice', 'DE', ['caseworker']);
    const created = await h
      .http()
      .post('/v1/applications')
      .set('authorization', `Bearer ${alice}`)
      .send(examples.EXAMPLE_SUBMIT_APPLICATION)
      .expect(201);
    const id = (created.body as { id: string }).id;
    const foreign = await h.token('francois', 'FR', ['caseworker', 'approver', 'auditor']);
    const leaks: string[] = [];
    for (const endpoint of ENDPOINTS.filter(
      (e) => e.path('x') !== e.path('y') && e.path('x').startsWith('/v1/applications'),
    )) {
      const { status } = await call(endpoint, id, foreign);
      if (status !== 404) leaks.push(`${endpoint.method} ${endpoint.path(':id')} -> ${status}`);
    }
    expect(leaks).toEqual([]);
  });
});

describe('fuzzed request bodies never produce a 5xx', () => {
  let h: LicensingHarness;
  let caseworker: string;
  let approver: string;
  let applicationId: string;
  beforeAll(async () => {
    h = await startLicensing();
    caseworker = await h.token('alice', 'DE', ['caseworker', 'approver']);
    approver = await h.token('bob', 'DE', ['approver', 'caseworker']);
    const created = await h
      .http()
      .post('/v1/applications')
      .set('authorization', `Bearer ${caseworker}`)
      .send(examples.EXAMPLE_SUBMIT_APPLICATION);
    applicationId = (created.body as { id: string }).id;
  });
  afterAll(async () => h.close());

  const json = fc.jsonValue({ maxDepth: 4 });
  // Mutations of a valid body reach deeper than random JSON: each replaces one field with anything.
  const mutatedSubmit = fc
    .tuple(
      fc.constantFrom(
        'kind',
        'content',
        'exporter',
        'items',
        'endUser',
        'destinationCountry',
        'requestedValidityMonths',
        'icpDeclared',
        'hsCode',
        'quantity',
        'classification',
      ),
      json,
    )
    .map(([field, value]) => mutate(examples.EXAMPLE_SUBMIT_APPLICATION, field, value));

  it('POST /v1/applications with random and mutated bodies answers 201 or 4xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(json, mutatedSubmit), async (body) => {
        const { status } = await h
          .http()
          .post('/v1/applications')
          .set('authorization', `Bearer ${caseworker}`)
          .set('content-type', 'application/json')
          .send(JSON.stringify(body));
        return status < 500;
      }),
      { numRuns: Number(process.env.FUZZ_RUNS ?? 150) },
    );
  }, 120_000);

  it('every application and licence action with random bodies answers 2xx or 4xx', async () => {
    const actions = ['assign', 'classify', 'flag', 'clear-flag', 'propose-decision', 'decide', 'withdraw', 'amend'];
    const licenceActions = ['amend', 'decide-amendment', 'suspend', 'reinstate', 'annul', 'revoke', 'record-usage'];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(
          ...actions.map((a) => `/v1/applications/${applicationId}/${a}`),
          ...licenceActions.map((a) => `/v1/licences/${crypto.randomUUID()}/${a}`),
        ),
        json,
        fc.boolean(),
        async (path, body, asApprover) => {
          const { status } = await h
            .http()
            .post(path)
            .set('authorization', `Bearer ${asApprover ? approver : caseworker}`)
            .set('content-type', 'application/json')
            .send(JSON.stringify(body));
          return status < 500;
        },
      ),
      { numRuns: 200 },
    );
  }, 120_000);

  it('query strings of the queue and the register answer 200 or 400', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(
          fc.constantFrom('status', 'assignee', 'kind', 'destination', 'overdue', 'limit', 'offset', 'other'),
          fc.string({ maxLength: 20 }),
        ),
        async (query) => {
          const qs = new URLSearchParams(query).toString();
          const a = await h.http().get(`/v1/applications?${qs}`).set('authorization', `Bearer ${caseworker}`);
          const l = await h.http().get(`/v1/licences?${qs}`).set('authorization', `Bearer ${caseworker}`);
          return a.status < 500 && l.status < 500;
        },
      ),
      { numRuns: 100 },
    );
  }, 120_000);
});

/** Replaces the first field of that name, however deep, with `value`. */
function mutate(body: unknown, field: string, value: unknown): unknown {
  let done = false;
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node === null || typeof node !== 'object') return node;
    return Object.fromEntries(
      Object.entries(node).map(([key, child]) => {
        if (!done && key === field) {
          done = true;
          return [key, value];
        }
        return [key, walk(child)];
      }),
    );
  };
  return walk(body);
}
