import fc from 'fast-check';

/*
 * A fuzzer over every operation of an OpenAPI document: the operations are read from the running
 * app's /docs/openapi.json, so an operation added tomorrow is fuzzed without touching this file.
 * Each request takes one operation and makes it absurd in one or more ways: nesting depth, size,
 * repetition of query parameters, wrong types, extreme numbers, hostile unicode, odd headers and
 * content types. What must hold: no answer is a 5xx and the process stays up (docs/reliability.md).
 */

interface ParameterObject {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly schema?: SchemaObject;
}
interface SchemaObject {
  readonly $ref?: string;
  readonly type?: string;
  readonly enum?: readonly unknown[];
  readonly example?: unknown;
  readonly properties?: Readonly<Record<string, SchemaObject>>;
  readonly items?: SchemaObject;
  readonly allOf?: readonly SchemaObject[];
}
export interface OpenApiDocument {
  readonly paths: Readonly<Record<string, Readonly<Record<string, OperationObject>>>>;
  readonly components?: { readonly schemas?: Readonly<Record<string, SchemaObject>> };
}
interface OperationObject {
  readonly parameters?: readonly ParameterObject[];
  readonly requestBody?: { readonly content?: Readonly<Record<string, { readonly schema?: SchemaObject }>> };
}

export interface Operation {
  readonly method: string;
  readonly path: string;
  readonly key: string;
  readonly pathParams: readonly ParameterObject[];
  readonly queryParams: readonly ParameterObject[];
  readonly bodySchema?: SchemaObject;
}

export interface FuzzRequest {
  readonly operation: string;
  readonly method: string;
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body?: string;
  /** What was made absurd, for the report of a failing request. */
  readonly shape: string;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** Every operation of the document, plus the routes it leaves out on purpose (/metrics, /docs). */
export function operationsOf(document: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const parameters = operation.parameters ?? [];
      const json = operation.requestBody?.content?.['application/json']?.schema;
      operations.push({
        method: method.toUpperCase(),
        path,
        key: `${method.toUpperCase()} ${path}`,
        pathParams: parameters.filter((parameter) => parameter.in === 'path'),
        queryParams: parameters.filter((parameter) => parameter.in === 'query'),
        bodySchema: json,
      });
    }
  }
  for (const path of ['/metrics', '/docs', '/docs/openapi.json']) {
    operations.push({ method: 'GET', path, key: `GET ${path}`, pathParams: [], queryParams: [] });
  }
  return operations;
}

/** A JSON text nested `depth` levels deep, built without recursion. */
export function nestedJson(depth: number, open = '{"a":', close = '}', inner = '{}'): string {
  return `${open.repeat(depth - 1)}${inner}${close.repeat(depth - 1)}`;
}

const HOSTILE_STRINGS = [
  '',
  ' ',
  '\u0000',
  '\ud800',
  '\udfff\ud800',
  '\u202eevil',
  'e\u0301\u0301\u0301\u0301\u0301\u0301',
  '\uFEFF',
  '𝕖𝕧𝕖',
  '﷽'.repeat(300),
  '../../../../etc/passwd',
  "' OR 1=1 --",
  '"; DROP TABLE events; --',
  '%00',
  '%',
  '{{7*7}}',
  '${jndi:ldap://127.0.0.1/a}',
  '<script>alert(1)</script>',
  '__proto__',
  'constructor',
  'a'.repeat(10_000),
  '5A001.j',
  'DE',
  'EL',
  '2025-02-30',
  '9999-12-31T23:59:59.999Z',
];
const HOSTILE_NUMBER_TEXTS = [
  '1e308',
  '-1e308',
  '1e309',
  '99999999999999999999',
  '9007199254740993',
  '-1',
  '-0',
  '0',
  '0x1f',
  '1.5',
  'NaN',
  'Infinity',
  '1_000',
  ' 1',
  '١٢٣',
  '',
];
const HOSTILE_NUMBERS = [1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, -1, -0, 0.1, 2 ** 31, 2 ** 63];

const hostileString: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ maxLength: 40 }) },
);

/** Any JSON value, weighted towards the ones that break validators: wrong types, extremes, depth. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: hostileString },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(...HOSTILE_NUMBERS, null, true, false, {}, [], [null], { a: 1 }) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }) },
  { weight: 1, arbitrary: fc.array(fc.constant('x'), { minLength: 1000, maxLength: 5000 }) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 70, max: 300 }).map((depth): unknown => JSON.parse(nestedJson(depth, '[', ']', '1'))),
  },
);

/** A plausible value for a schema, from its examples: the starting point that mutations then break. */
export function exampleOf(schema: SchemaObject | undefined, document: OpenApiDocument, depth = 0): unknown {
  if (schema === undefined || depth > 12) return null;
  if (schema.$ref !== undefined) return exampleOf(resolve(schema.$ref, document), document, depth + 1);
  if (schema.example !== undefined) return structuredClone(schema.example);
  if (schema.allOf?.[0] !== undefined) return exampleOf(schema.allOf[0], document, depth + 1);
  if (schema.enum?.[0] !== undefined) return schema.enum[0];
  switch (schema.type) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([name, property]) => [
          name,
          exampleOf(property, document, depth + 1),
        ]),
      );
    case 'array':
      return [exampleOf(schema.items, document, depth + 1)];
    case 'integer':
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case undefined:
    default:
      return 'x';
  }
}

function resolve(ref: string, document: OpenApiDocument): SchemaObject | undefined {
  return document.components?.schemas?.[ref.replace('#/components/schemas/', '')];
}

/** Replaces (or deletes, or adds beside) one value somewhere inside `value`, chosen by `pick`. */
function mutate(value: unknown, pick: number, replacement: unknown, mode: 'replace' | 'delete' | 'add'): unknown {
  const slots: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === null || typeof node !== 'object') continue;
    for (const [key, child] of Object.entries(node)) {
      slots.push({ parent: node as Record<string, unknown>, key: Array.isArray(node) ? Number(key) : key });
      stack.push(child);
    }
  }
  if (slots.length === 0) return replacement;
  const slot = slots[pick % slots.length]!;
  const parent = slot.parent as Record<string | number, unknown>;
  if (mode === 'delete') delete parent[slot.key];
  else if (mode === 'add' && !Array.isArray(slot.parent)) parent[`unknown${pick}`] = replacement;
  else parent[slot.key] = replacement;
  return value;
}

/** encodeURIComponent, except that a lone surrogate (which it refuses) goes out as raw bytes. */
function encode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return '%ED%A0%80';
  }
}

const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)),
  maxLength: 60,
});

export interface FuzzTokens {
  /** A token holding every role, so most requests get past the guard and reach validation. */
  readonly all: string;
  /** Another member state's token. */
  readonly other: string;
}

/** Requests over every operation; `fc.constantFrom` spreads them evenly across operations. */
export function fuzzRequests(
  operations: readonly Operation[],
  document: OpenApiDocument,
  tokens: FuzzTokens,
): fc.Arbitrary<FuzzRequest> {
  return fc.constantFrom(...operations).chain((operation) =>
    fc
      .record({
        pathValues: fc.tuple(
          ...operation.pathParams.map((parameter) =>
            fc.oneof(
              fc.uuid(),
              hostileString,
              fc.constantFrom(...((parameter.schema?.enum as string[] | undefined) ?? ['x'])),
            ),
          ),
        ),
        query: fc.array(
          fc.record({
            name: fc.oneof(
              { weight: 5, arbitrary: fc.constantFrom(...operation.queryParams.map((p) => p.name), 'from', 'limit') },
              { weight: 1, arbitrary: hostileString },
            ),
            values: fc.array(fc.oneof(fc.constantFrom(...HOSTILE_NUMBER_TEXTS), hostileString), {
              minLength: 1,
              maxLength: 3,
            }),
          }),
          { maxLength: 4 },
        ),
        body: bodyArbitrary(operation, document),
        auth: fc.constantFrom('all', 'all', 'all', 'all', 'other', 'none', 'forged', 'garbage'),
        extraHeaders: fc.record(
          {
            'if-match': fc.oneof(fc.constantFrom('"0"', '*', '"99999999999999999999"', 'W/"1"'), printable),
            'x-consistent-with': fc.oneof(
              fc.constantFrom(...HOSTILE_NUMBER_TEXTS.filter((t) => t.trim() === t && t !== '')),
              printable,
            ),
            'last-event-id': fc.oneof(fc.constantFrom('1e308', '1.99999', '99999999999999999999'), printable),
            'idempotency-key': fc.oneof(printable, fc.constant('k'.repeat(4000))),
            'x-correlation-id': printable,
            accept: fc.constantFrom('*/*', 'text/csv', 'text/html', 'application/xml', 'text/event-stream'),
          },
          { requiredKeys: [] },
        ),
      })
      .map(({ pathValues, query, body: generatedBody, auth, extraHeaders }) => {
        let body = generatedBody;
        let path = operation.path;
        operation.pathParams.forEach((parameter, index) => {
          path = path.replace(`{${parameter.name}}`, encode(String(pathValues[index])));
        });
        const search = query
          .flatMap(({ name, values }) => values.map((value) => `${encode(name)}=${encode(value)}`))
          .join('&');
        // Header values are Latin-1 on the wire (fetch refuses others before sending anything).
        const headers: Record<string, string> = Object.fromEntries(
          Object.entries(extraHeaders).filter(([, value]) => /^[\x20-\x7e\x80-\xff]*$/.test(value)),
        );
        // fetch refuses a body on GET; a GET gets absurd headers and query strings instead.
        if (operation.method === 'GET') body = undefined;
        if (auth === 'all') headers.authorization = `Bearer ${tokens.all}`;
        else if (auth === 'other') headers.authorization = `Bearer ${tokens.other}`;
        else if (auth === 'forged') headers.authorization = `Bearer ${tokens.all.slice(0, -4)}AAAA`;
        else if (auth === 'garbage') headers.authorization = 'Bearer \u00ff\u00fe';
        if (body !== undefined) headers['content-type'] = body.contentType;
        const shapes = [
          body?.shape,
          query.some((q) => q.values.length > 1) ? 'repeated-query' : undefined,
          query.length > 0 ? 'query' : undefined,
          auth !== 'all' ? `auth-${auth}` : undefined,
          Object.keys(extraHeaders).length > 0 ? 'headers' : undefined,
        ].filter((shape): shape is string => shape !== undefined);
        return {
          operation: operation.key,
          method: operation.method,
          url: search === '' ? path : `${path}?${search}`,
          headers,
          body: body?.text,
          shape: shapes.join('+') || 'plain',
        };
      }),
  );
}

interface FuzzBody {
  readonly text: string;
  readonly contentType: string;
  readonly shape: string;
}

function bodyArbitrary(operation: Operation, document: OpenApiDocument): fc.Arbitrary<FuzzBody | undefined> {
  const json = (text: string, shape: string): FuzzBody => ({ text, contentType: 'application/json', shape });
  const mutated = fc
    .record({
      pick: fc.nat(),
      replacement: hostileValue,
      mode: fc.constantFrom<'replace' | 'delete' | 'add'>('replace', 'replace', 'delete', 'add'),
    })
    .map(({ pick, replacement, mode }) =>
      json(safeStringify(mutate(exampleOf(operation.bodySchema, document), pick, replacement, mode)), `body-${mode}`),
    );
  const options: fc.Arbitrary<FuzzBody | undefined>[] = [
    mutated,
    mutated,
    mutated,
    fc.constant(json(safeStringify(exampleOf(operation.bodySchema, document)), 'body-example')),
    fc.integer({ min: 65, max: 50_000 }).map((depth) => json(nestedJson(depth), 'body-deep-object')),
    fc.integer({ min: 65, max: 50_000 }).map((depth) => json(nestedJson(depth, '[', ']', '0'), 'body-deep-array')),
    hostileValue.map((value) => json(safeStringify(value), 'body-wrong-type')),
    fc
      .constantFrom(
        '{"a":',
        '{',
        ']',
        '\u0000',
        '{"__proto__":{"x":1}}',
        '{"constructor":{"prototype":{}}}',
        'null',
        '1e999',
        '"',
      )
      .map((text) => json(text, 'body-malformed')),
    fc
      .constantFrom(
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json; charset=utf-16',
        'application/xml',
        'application/json;;;',
      )
      .map((contentType) => ({ text: 'a=1&a=2', contentType, shape: 'body-content-type' })),
    fc.constant(undefined),
  ];
  return fc.oneof(...options);
}

/** Fastify's default body limit (1 MiB). */
const BODY_LIMIT = 1_048_576;

/** The one rare shape that costs memory: a body just over Fastify's 1 MiB limit. */
export function oversizedBody(): FuzzBody {
  return {
    text: JSON.stringify({ a: 'x'.repeat(1_100_000) }),
    contentType: 'application/json',
    shape: 'body-oversized',
  };
}

function safeStringify(value: unknown): string {
  return JSON.stringify(value) ?? 'null';
}

/** One line naming a request, short enough for a test failure or a report. */
export function describeOutcome(outcome: FuzzOutcome): string {
  const { request } = outcome;
  return `${outcome.status}${outcome.error ? ` (${outcome.error})` : ''} ${request.method} ${request.url.slice(0, 200)} [${request.shape}] body=${(request.body ?? '').slice(0, 200)}`;
}

export interface FuzzOutcome {
  readonly status: number | 'transport-error' | 'closed-over-limit';
  readonly request: FuzzRequest;
  readonly error?: string;
}

/**
 * Sends one request; a Server-Sent Events answer is read only as far as its status and then hung up
 * on. A transport error (the server reset the connection) is an outcome, not a crash of the fuzzer.
 */
export async function send(base: string, request: FuzzRequest, timeoutMs = 15_000): Promise<FuzzOutcome> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(`${base}${request.url}`, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      signal: controller.signal,
      redirect: 'manual',
    });
    if (String(response.headers.get('content-type')).startsWith('text/event-stream')) controller.abort();
    else await response.arrayBuffer();
    return { status: response.status, request };
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    // Fastify answers 413 to a body over its limit and closes the socket while the client is still
    // uploading: the client sees EPIPE/ECONNRESET instead of the 413. The server refused, as it should.
    if ((request.body?.length ?? 0) > BODY_LIMIT && ['EPIPE', 'ECONNRESET'].includes(cause?.code ?? '')) {
      return { status: 'closed-over-limit', request };
    }
    return {
      status: 'transport-error',
      request,
      error: `${(error as Error).message} ${cause?.code ?? cause?.message ?? ''}`,
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Counts by status, by operation, and the first few 5xx in full. */
export class FuzzTally {
  readonly byStatus = new Map<string, number>();
  readonly byOperation = new Map<string, number>();
  readonly serverErrors: FuzzOutcome[] = [];
  total = 0;

  add(outcome: FuzzOutcome): void {
    this.total++;
    const status = String(outcome.status);
    this.byStatus.set(status, (this.byStatus.get(status) ?? 0) + 1);
    this.byOperation.set(outcome.request.operation, (this.byOperation.get(outcome.request.operation) ?? 0) + 1);
    if (typeof outcome.status === 'number' && outcome.status >= 500 && this.serverErrors.length < 20) {
      this.serverErrors.push(outcome);
    }
  }

  count5xx(): number {
    return [...this.byStatus].filter(([status]) => /^5\d\d$/.test(status)).reduce((sum, [, n]) => sum + n, 0);
  }
}
