import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { DevSigningKey } from '@dul/auth';
import { DEV_SIGNING_KEY, mintDevToken } from '@dul/auth';
import { validateEnvironment } from '@dul/config';
import { createApp, OPENAPI_DOCUMENT_PATHS } from '@dul/platform';
import { StandaloneEnvironment } from '../apps/standalone/standalone.environment';
import { StandaloneModule } from '../apps/standalone/standalone.module';
import { typeCheck } from './architecture/type-check';

// The contract is the documentation (issue 13): the OpenAPI document of every service in one process,
// checked for what a client generator needs, and a client generated from it that compiles.

interface Operation {
  readonly operationId?: string;
  readonly responses: Record<string, { readonly content?: Record<string, { readonly schema?: unknown }> }>;
  readonly parameters?: readonly { readonly in: string; readonly name: string; readonly required?: boolean }[];
  readonly 'x-roles'?: readonly string[];
  readonly security?: readonly unknown[];
}
type Document = { readonly paths: Record<string, Record<string, Operation>> };

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

function operations(document: Document): { readonly name: string; readonly operation: Operation }[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    Object.entries(item)
      .filter(([method]) => METHODS.includes(method))
      .map(([method, operation]) => ({ name: `${method.toUpperCase()} ${path}`, operation })),
  );
}

describe('the OpenAPI document', () => {
  let app: NestFastifyApplication;
  let dir: string;
  let document: Document;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dul-openapi-'));
    const env = validateEnvironment(StandaloneEnvironment, {
      SQLITE_PATH: join(dir, 'ledger.db'),
      AUTH_DEV_KEY_PATH: join(dir, 'dev-key.json'),
      LOG_LEVEL: 'silent',
    });
    app = await createApp(StandaloneModule.forRoot(env), env, { title: 'test', description: 'test' });
    document = (await request(app.getHttpServer()).get('/docs/openapi.json').expect(200)).body as Document;
  });

  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is served at /docs/openapi.json and at /docs-json, the same document', async () => {
    expect(OPENAPI_DOCUMENT_PATHS).toEqual(['/docs/openapi.json', '/docs-json']);
    const other = await request(app.getHttpServer()).get('/docs-json').expect(200);
    expect(other.body).toEqual(document);
  });

  it('gives every operation a 2xx answer with a schema and at least one error answer in the ErrorBody shape', () => {
    const all = operations(document);
    expect(all.length).toBeGreaterThan(40);
    const missing = all.flatMap(({ name, operation }) => {
      const problems: string[] = [];
      const success = Object.entries(operation.responses).filter(([status]) => status.startsWith('2'));
      if (!success.some(([, response]) => Object.values(response.content ?? {}).some((c) => c.schema !== undefined)))
        problems.push(`${name}: no 2xx answer with a schema`);
      const errors = Object.entries(operation.responses).filter(([status]) => /^4\d\d$/.test(status));
      if (errors.length === 0) problems.push(`${name}: no error answer`);
      for (const [status, response] of errors) {
        if (
          JSON.stringify(response.content) !==
          JSON.stringify({ 'application/json': { schema: { $ref: '#/components/schemas/ErrorBodyDto' } } })
        )
          problems.push(`${name}: ${status} is not an ErrorBody`);
      }
      return problems;
    });
    expect(missing).toEqual([]);
  });

  it('names every operation with a unique, stable camelCase id (not Controller_method)', () => {
    const ids = operations(document).map(({ operation }) => operation.operationId ?? '');
    expect(ids.filter((id) => !/^[a-z][A-Za-z0-9]+$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(
      expect.arrayContaining(['submitApplication', 'getApplication', 'issueDecision', 'listDenials']),
    );
  });

  it('lists the roles of every operation that needs a token, and answers 401 and 403 for it', () => {
    const guarded = operations(document).filter(({ operation }) => (operation.security ?? []).length > 0);
    expect(guarded.length).toBeGreaterThan(40);
    const wrong = guarded
      .filter(({ operation }) => operation['x-roles'] !== undefined)
      .filter(({ operation }) => !('401' in operation.responses && '403' in operation.responses))
      .map(({ name }) => name);
    expect(wrong).toEqual([]);
    expect(document.paths['/v1/applications/{id}/decide']?.post?.['x-roles']).toEqual(['approver']);
  });

  it('marks the optional headers (x-consistent-with, If-Match, Idempotency-Key, Last-Event-ID) as not required', () => {
    const optional = ['x-consistent-with', 'if-match', 'idempotency-key', 'last-event-id'];
    const required = operations(document).flatMap(({ name, operation }) =>
      (operation.parameters ?? [])
        .filter((p) => p.in === 'header' && optional.includes(p.name.toLowerCase()) && p.required !== false)
        .map((p) => `${name}: ${p.name}`),
    );
    expect(required).toEqual([]);
    const licences = document.paths['/v1/licences']?.get?.parameters ?? [];
    expect(licences.find((p) => p.name === 'x-consistent-with')?.required).toBe(false);
  });

  it('answers a single-resource read with its version as ETag, the value the next write sends as If-Match', async () => {
    const token = await mintDevToken(app.get<DevSigningKey>(DEV_SIGNING_KEY), {
      sub: 'alice',
      ms: 'DE',
      roles: ['caseworker'],
    });
    const body = JSON.parse(readFileSync(resolve(__dirname, '../docs/examples/submit-application.json'), 'utf8'));
    const written = await request(app.getHttpServer())
      .post('/v1/applications')
      .set('authorization', `Bearer ${token}`)
      .send(body)
      .expect(201);
    const read = await request(app.getHttpServer())
      .get(`/v1/applications/${written.body.id}`)
      .set('authorization', `Bearer ${token}`)
      .set('x-consistent-with', String(written.body.position))
      .expect(200);
    expect(read.headers.etag).toBe(`"${read.body.version}"`);
    expect(read.body.version).toBe(written.body.version);
    const detail = document.paths['/v1/applications/{id}']?.get?.responses['200'] as { headers?: object } | undefined;
    expect(detail?.headers).toHaveProperty('ETag');
  });

  it('generates a typed client (openapi-typescript) against which a program submitting an application compiles', () => {
    // The generator's command line, as a client team runs it (its library is ESM-only inside Jest).
    writeFileSync(join(dir, 'openapi.json'), JSON.stringify(document));
    const cli = resolve(__dirname, '../node_modules/.bin/openapi-typescript');
    execFileSync(cli, [join(dir, 'openapi.json'), '-o', join(dir, 'openapi.d.ts')], { stdio: 'pipe' });
    const generated = readFileSync(join(dir, 'openapi.d.ts'), 'utf8');
    const client = `
      import type { components, operations } from './openapi';

      type Submit = operations['submitApplication'];
      type SubmitBody = NonNullable<Submit['requestBody']>['content']['application/json'];
      type Submitted = Submit['responses'][201]['content']['application/json'];
      type Refusal = Submit['responses'][422]['content']['application/json'];
      type Detail = operations['getApplication']['responses'][200]['content']['application/json'];
      type Queue = operations['listApplications']['responses'][200]['content']['application/json'];

      export async function submit(base: string, token: string, body: SubmitBody): Promise<Submitted> {
        const response = await fetch(base + '/v1/applications', {
          method: 'POST',
          headers: { authorization: 'Bearer ' + token, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
        if (!response.ok) {
          const refusal = (await response.json()) as Refusal;
          throw new Error(refusal.code + ' ' + refusal.message + ' ' + (refusal.rule ?? ''));
        }
        return (await response.json()) as Submitted;
      }

      export function nextIfMatch(answer: Submitted): string {
        const version: number = answer.version;
        const position: number = answer.position;
        return '"' + String(version) + '"' + String(position);
      }

      export function describe(detail: Detail, queue: Queue): string {
        const status: string = detail.status;
        const first: string | undefined = queue.items[0]?.id;
        const consistent: boolean = queue.consistent;
        return status + (first ?? '') + String(consistent);
      }

      // Reads without x-consistent-with: the header parameters are optional.
      export const noHeaders: NonNullable<operations['listLicences']['parameters']['header']> = {};
      export const error: components['schemas']['ErrorBodyDto'] = { statusCode: 412, error: 'Precondition Failed', code: 'PRECONDITION_FAILED', message: 'stale' };

      // @ts-expect-error the answer has no such field: the client is typed, not any
      export const typo = (null as unknown as Submitted).versoin;
    `;
    const { errors } = typeCheck(['test/.openapi-client/client.ts'], {
      'test/.openapi-client/openapi.ts': generated,
      'test/.openapi-client/client.ts': client,
    });
    expect(errors).toEqual([]);
  }, 120_000);
});
