/**
 * A small typed builder for JSON Schema. Each published contract is written once, as a schema; its
 * TypeScript type is inferred from that schema (`Infer<typeof schema>`), so the type and the checked-in
 * JSON Schema cannot disagree. Only keywords that mean the same in draft-07 and 2020-12 are produced
 * (no $ref, no tuple `items`), so the same schema also embeds as-is in the AsyncAPI document.
 */

/** A JSON Schema as plain data. */
export type JsonSchema = { readonly [keyword: string]: unknown };

declare const inferred: unique symbol;

/** A JSON Schema that describes values of type T. */
export interface Schema<T> {
  readonly json: JsonSchema;
  /** Phantom: never set, only carries T for inference. */
  readonly [inferred]?: T;
}

/** The TypeScript type a schema describes. */
export type Infer<S> = S extends Schema<infer T> ? T : never;

type Shape = Readonly<Record<string, Schema<unknown>>>;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** The object type a required shape and an optional shape describe, readonly throughout. */
export type ObjectOf<R extends Shape, O extends Shape> = Simplify<
  { readonly [K in keyof R]: Infer<R[K]> } & { readonly [K in keyof O]?: Infer<O[K]> }
>;

interface Annotations {
  readonly description?: string;
}

interface StringOptions extends Annotations {
  readonly format?: 'date' | 'date-time' | 'uri' | 'uuid';
  readonly pattern?: string;
  readonly minLength?: number;
  readonly maxLength?: number;
}

interface NumberOptions extends Annotations {
  readonly minimum?: number;
  readonly maximum?: number;
}

interface ArrayOptions extends Annotations {
  readonly minItems?: number;
  readonly uniqueItems?: boolean;
}

function schema<T>(json: JsonSchema): Schema<T> {
  return { json };
}

/** Drops undefined options so the generated JSON stays minimal and stable. */
function defined(options: object | undefined): JsonSchema {
  return Object.fromEntries(Object.entries(options ?? {}).filter(([, value]) => value !== undefined));
}

export function string(options?: StringOptions): Schema<string> {
  return schema({ type: 'string', ...defined(options) });
}

export function number(options?: NumberOptions): Schema<number> {
  return schema({ type: 'number', ...defined(options) });
}

export function integer(options?: NumberOptions): Schema<number> {
  return schema({ type: 'integer', ...defined(options) });
}

export function boolean(options?: Annotations): Schema<boolean> {
  return schema({ type: 'boolean', ...defined(options) });
}

/** One of a closed list of strings. */
export function enumOf<const V extends readonly [string, ...string[]]>(
  values: V,
  options?: Annotations,
): Schema<V[number]> {
  return schema({ type: 'string', enum: [...values], ...defined(options) });
}

/** The value, or null. The description, if any, goes on the wrapper. */
export function nullable<T>(inner: Schema<T>, options?: Annotations): Schema<T | null> {
  return schema({ ...defined(options), anyOf: [inner.json, { type: 'null' }] });
}

export function array<T>(items: Schema<T>, options?: ArrayOptions): Schema<readonly T[]> {
  return schema({ type: 'array', items: items.json, ...defined(options) });
}

/**
 * An object with required and optional properties. Unknown properties are allowed in the published
 * schema (tolerant readers: a version may gain optional fields); `strictSchema` forbids them for tests.
 */
export function object<R extends Shape, O extends Shape = Record<never, never>>(
  required: R,
  optional?: O,
  options?: Annotations,
): Schema<ObjectOf<R, O>> {
  const properties: Record<string, JsonSchema> = {};
  for (const [name, property] of Object.entries(required)) properties[name] = property.json;
  for (const [name, property] of Object.entries(optional ?? {})) properties[name] = property.json;
  return schema({
    type: 'object',
    ...defined(options),
    properties,
    required: Object.keys(required),
  });
}

/**
 * The same schema with `additionalProperties: false` on every object: what a producer's tests check,
 * so a mapper that emits a field the contract does not declare fails.
 */
export function strictSchema(json: JsonSchema): JsonSchema {
  const result: Record<string, unknown> = { ...json };
  if (json['type'] === 'object') result['additionalProperties'] = false;
  const properties = json['properties'];
  if (isSchemaRecord(properties)) {
    result['properties'] = Object.fromEntries(
      Object.entries(properties).map(([name, property]) => [name, strictSchema(property)]),
    );
  }
  const items = json['items'];
  if (isSchema(items)) result['items'] = strictSchema(items);
  const anyOf = json['anyOf'];
  if (Array.isArray(anyOf)) result['anyOf'] = anyOf.filter(isSchema).map(strictSchema);
  return result;
}

function isSchema(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isSchemaRecord(value: unknown): value is Readonly<Record<string, JsonSchema>> {
  return isSchema(value) && Object.values(value).every(isSchema);
}
