import type { CallHandler, ExecutionContext, NestInterceptor, Type } from '@nestjs/common';
import { applyDecorators, Injectable, UseInterceptors } from '@nestjs/common';
import { ApiExtraModels, ApiProperty, ApiPropertyOptional, ApiResponse, getSchemaPath } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import type { Observable } from 'rxjs';
import { map } from 'rxjs';
import type { ErrorBody, FieldProblem } from './error.filter';
import { CONSISTENT_WITH_HEADER } from './read-consistency';

// The API contract as a client generator reads it (issue 13): every operation with its answer, the
// errors it can answer in the one ErrorBody shape, the roles it needs and a stable operation id. The
// controllers declare what is theirs (answers, ids, the domain's 404/409/422 through ApiErrors); the
// rest follows from the operation's shape and the shared edge and is added once, here, to the
// document (completeOpenApiDocument), so a new endpoint is documented the same way without repeating it.

export class FieldProblemDto implements FieldProblem {
  @ApiProperty({ example: 'content.items.0.hsCode' })
  readonly field!: string;
  @ApiProperty({ example: 'must be a 6- to 10-digit HS code' })
  readonly problem!: string;
}

/** The one error body of every API (see ErrorFilter). */
export class ErrorBodyDto implements ErrorBody {
  @ApiProperty({ example: 422 })
  readonly statusCode!: number;
  @ApiProperty({ example: 'Unprocessable Entity', description: 'The HTTP reason phrase' })
  readonly error!: string;
  @ApiProperty({
    example: 'RULE_VIOLATED',
    description:
      'Stable code: INVALID, UNAUTHENTICATED, FORBIDDEN, NOT_FOUND, CONFLICT, WRONG_EXPECTED_VERSION, ' +
      'PRECONDITION_FAILED, RULE_VIOLATED, PAYLOAD_TOO_LARGE, TOO_MANY_REQUESTS, ...',
  })
  readonly code!: string;
  @ApiProperty({ example: 'an Art 14(1) objection stands: the licence cannot be granted' })
  readonly message!: string;
  @ApiPropertyOptional({ example: 'art14-objection-binds', description: 'The rule that refused, when one did' })
  readonly rule?: string;
  @ApiPropertyOptional({ type: [FieldProblemDto], description: 'Each field that failed validation (400)' })
  readonly details?: readonly FieldProblemDto[];
}

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 422 | 428 | 429;

const ERROR_MEANING: Readonly<Record<ErrorStatus, string>> = {
  400: 'The request is malformed, or a field breaks its rule (`details` names each field)',
  401: 'No valid bearer token',
  403: 'The token lacks a role the operation needs, or the resource belongs to another authority',
  404: 'No such resource (or none the caller may see)',
  409: 'The write conflicts with the stream: a concurrent write, or the resource exists already',
  412: 'If-Match names a version the resource has moved on from: read it again',
  413: 'The body is too large',
  422: 'A rule of the Regulation refuses the command (`rule` names it)',
  428: 'The operation needs an If-Match header',
  429: 'Too many requests: Retry-After says when to try again',
};

/** Documents the error answers an operation (or every operation of a controller) can give, as ErrorBody. */
export function ApiErrors(...statuses: ErrorStatus[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ApiExtraModels(ErrorBodyDto),
    ...statuses.map((status) => ApiResponse({ status, description: ERROR_MEANING[status], type: ErrorBodyDto })),
  );
}

/** Headers no operation requires: what they do, said once for every operation that reads them. */
const OPTIONAL_HEADERS: Readonly<Record<string, string>> = {
  'if-match': 'The version you last saw (the ETag of a previous answer); 412 if the resource moved on',
  [CONSISTENT_WITH_HEADER]:
    'The position a write returned: the read waits (up to 3 s) until the view includes it; without it the read answers at once',
  'idempotency-key': 'Same key and body: same answer; another body: 422',
  'last-event-id': 'Resume the stream after this event id',
  authorization: 'Bearer token: optional here; with one the answer says more',
};

const WRITE_METHODS = new Set(['post', 'put', 'patch', 'delete']);
const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type Parameter = { readonly in: string; readonly name: string; required?: boolean; description?: string };

/**
 * Completes the document from each operation's shape and the shared edge: the optional headers marked
 * optional; 401 where a token is needed; 403 and the roles (x-roles, and in the description) where
 * `@Roles` applies; 400 where there is input; 404 on a resource path; 409 and 422 on commands (writes
 * that answer WriteResultDto); 412 where
 * If-Match is read; 413 where there is a body; 429 everywhere (the per-address rate limit). What an
 * operation declares itself is kept.
 */
export function completeOpenApiDocument(document: OpenAPIObject): OpenAPIObject {
  const errorSchema = { $ref: getSchemaPath(ErrorBodyDto) };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (operation === undefined) continue;
      const headers = ((operation.parameters ?? []) as Parameter[]).filter((p) => p.in === 'header');
      for (const header of headers) {
        const meaning = OPTIONAL_HEADERS[header.name.toLowerCase()];
        if (meaning === undefined) continue;
        header.required = false;
        header.description ??= meaning;
      }
      const roles = (operation as { 'x-roles'?: readonly string[] })['x-roles'];
      if (roles !== undefined && roles.length > 0) {
        const needs = `Roles: ${roles.join(' or ')}.`;
        operation.description = operation.description ? `${operation.description}\n\n${needs}` : needs;
      }
      const input = ((operation.parameters ?? []) as Parameter[]).filter(
        (p) => p.in !== 'header' || OPTIONAL_HEADERS[p.name.toLowerCase()] === undefined,
      );
      const statuses: ErrorStatus[] = [429];
      if ((operation.security ?? []).length > 0) statuses.push(401);
      if (roles !== undefined && roles.length > 0) statuses.push(403);
      if (input.length > 0 || operation.requestBody !== undefined) statuses.push(400);
      if (path.includes('{')) statuses.push(404);
      // A command: the aggregate may refuse it by a rule, or meet a concurrent write or an existing stream.
      if (WRITE_METHODS.has(method) && answersWriteResult(operation)) statuses.push(409, 422);
      if (headers.some((header) => header.name.toLowerCase() === 'if-match')) statuses.push(412);
      if (operation.requestBody !== undefined) statuses.push(413);
      addErrors(operation, statuses, errorSchema);
    }
  }
  document.components ??= {};
  document.components.schemas ??= {};
  document.components.schemas[ErrorBodyDto.name] ??= errorBodySchema();
  document.components.schemas[FieldProblemDto.name] ??= fieldProblemSchema();
  return document;
}

function answersWriteResult(operation: Operation): boolean {
  return Object.entries(operation.responses).some(
    ([status, response]) =>
      status.startsWith('2') && JSON.stringify(response).includes(`"#/components/schemas/WriteResultDto"`),
  );
}

function addErrors(operation: Operation, statuses: readonly ErrorStatus[], schema: { $ref: string }): void {
  const responses = operation.responses;
  for (const status of [...statuses].sort()) {
    responses[String(status)] ??= { description: ERROR_MEANING[status] };
  }
  // Every 4xx answers the ErrorBody, also one an operation declared with a description only.
  for (const [status, response] of Object.entries(responses)) {
    if (response === undefined || '$ref' in response) continue;
    if (/^4\d\d$/.test(status) && response.content === undefined) {
      response.content = { 'application/json': { schema } };
    }
  }
}

// Written out for a document in which no operation declared ApiErrors (so Nest did not emit the models).
function errorBodySchema() {
  return {
    type: 'object' as const,
    required: ['statusCode', 'error', 'code', 'message'],
    properties: {
      statusCode: { type: 'number' as const, example: 422 },
      error: { type: 'string' as const, example: 'Unprocessable Entity' },
      code: { type: 'string' as const, example: 'RULE_VIOLATED' },
      message: { type: 'string' as const },
      rule: { type: 'string' as const },
      details: { type: 'array' as const, items: { $ref: getSchemaPath(FieldProblemDto) } },
    },
  };
}

function fieldProblemSchema() {
  return {
    type: 'object' as const,
    required: ['field', 'problem'],
    properties: { field: { type: 'string' as const }, problem: { type: 'string' as const } },
  };
}

/**
 * Operation ids when a handler does not name its own (`@ApiOperation({ operationId })`): the method
 * and the controller's resource, `listDenials` for DenialsController.list, never `Controller_method`.
 */
export function operationIdOf(controllerKey: string, methodKey: string): string {
  return `${methodKey}${controllerKey.replace(/Controller$/, '')}`;
}

/** Sets the ETag of a single-resource read to its `version` (what If-Match on the next write names). */
@Injectable()
export class VersionETagInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const reply = context.switchToHttp().getResponse<FastifyReply>();
    return next.handle().pipe(
      map((answer: unknown) => {
        const version = (answer as { version?: unknown } | null)?.version;
        if (typeof version === 'number') void reply.header('etag', `"${version}"`);
        return answer;
      }),
    );
  }
}

/** A single-resource read: answers `type` with its version as ETag. */
export function ApiVersionedRead(type: Type<unknown>): MethodDecorator {
  return applyDecorators(
    UseInterceptors(VersionETagInterceptor),
    ApiResponse({
      status: 200,
      type,
      headers: { ETag: { description: 'The resource version: send it back as If-Match', schema: { type: 'string' } } },
    }),
  );
}

/** A nested domain object the schema does not spell out field by field (the description names its type). */
export function ApiObject(description: string, options: { readonly nullable?: boolean } = {}): PropertyDecorator {
  return ApiProperty({ type: 'object', additionalProperties: true, description, ...options });
}

/** The page every list answers: items, the total matching, the window, and (where read-your-writes applies) consistency. */
export function PageOf<T>(item: Type<T>, options: { readonly consistent?: boolean } = {}): Type<unknown> {
  class Page {
    @ApiProperty({ type: [item] })
    readonly items!: readonly T[];
    @ApiProperty({ example: 124, description: 'How many match the filter in all' })
    readonly total!: number;
    @ApiProperty({ example: 50 })
    readonly limit!: number;
    @ApiProperty({ example: 0 })
    readonly offset!: number;
    @ApiProperty({
      type: String,
      nullable: true,
      description: 'Pass as cursor for the next page; null on the last page',
      example: 'YXBwbGljYXRpb24tMDUw',
    })
    readonly nextCursor!: string | null;
  }
  let page: Type<unknown> = Page;
  if (options.consistent === true) {
    class ConsistentPage extends Page {
      @ApiProperty({ description: 'False when the view had not caught up with x-consistent-with within the wait' })
      readonly consistent!: boolean;
    }
    page = ConsistentPage;
  }
  // The schema's name in components.schemas: ApplicationSummaryPage, not Page.
  Object.defineProperty(page, 'name', { value: `${item.name.replace(/Dto$/, '')}PageDto` });
  return page;
}
