import Ajv2020 from 'ajv/dist/2020';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import type { PublishedType } from './catalogue';
import { isPublishedType, publishedSchema } from './catalogue';
import { strictSchema } from './schema-builder';

export interface ContractValidation {
  readonly valid: boolean;
  /** `instancePath message` per problem; empty when valid. */
  readonly errors: readonly string[];
}

export interface ValidateOptions {
  /**
   * Also refuse properties the contract does not declare. Producers' tests use it; consumers must not,
   * since a published version may gain optional fields.
   */
  readonly strict?: boolean;
}

const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const cache = new Map<string, ValidateFunction>();

function validatorFor(type: PublishedType, strict: boolean): ValidateFunction {
  const cacheKey = `${type}:${strict ? 'strict' : 'tolerant'}`;
  let validate = cache.get(cacheKey);
  if (validate === undefined) {
    const schema = publishedSchema(type);
    validate = ajv.compile(strict ? { ...strictSchema(schema), $id: `${String(schema['$id'])}:strict` } : schema);
    cache.set(cacheKey, validate);
  }
  return validate;
}

/** Validates the data of a published type against its JSON Schema (draft 2020-12). */
export function validateContractData(type: string, data: unknown, options: ValidateOptions = {}): ContractValidation {
  if (!isPublishedType(type)) return { valid: false, errors: [`unknown published type ${type}`] };
  const validate = validatorFor(type, options.strict === true);
  if (validate(data)) return { valid: true, errors: [] };
  return { valid: false, errors: (validate.errors ?? []).map(describe) };
}

function describe(error: ErrorObject): string {
  return `${error.instancePath || '/'} ${error.message ?? error.keyword}`;
}
