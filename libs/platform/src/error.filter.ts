import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { Catch, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { DomainErrorCode } from '@dul/domain';
import { DomainError } from '@dul/domain';
import { AuthError } from '@dul/auth';
import type { EventStoreErrorCode } from '@dul/event-store';
import { EventStoreError } from '@dul/event-store';
import type { FastifyReply } from 'fastify';
import { EdgeRefusal } from './edge/edge-refusal';

const DOMAIN_STATUS: Record<DomainErrorCode, number> = {
  INVALID: HttpStatus.BAD_REQUEST,
  FORBIDDEN: HttpStatus.FORBIDDEN,
  NOT_FOUND: HttpStatus.NOT_FOUND,
  CONFLICT: HttpStatus.CONFLICT,
  PRECONDITION_FAILED: HttpStatus.PRECONDITION_FAILED,
  RULE_VIOLATED: HttpStatus.UNPROCESSABLE_ENTITY,
};

const STORE_STATUS: Record<EventStoreErrorCode, number> = {
  WRONG_EXPECTED_VERSION: HttpStatus.CONFLICT,
  DUPLICATE_EVENT_ID: HttpStatus.CONFLICT,
  INVALID_APPEND: HttpStatus.BAD_REQUEST,
};

/** One problem with one field of a request, named by its path (`content.items.0.hsCode`). */
export interface FieldProblem {
  readonly field: string;
  readonly problem: string;
}

/** The one error shape of every API: a stable code, a readable message, per-field details for 400s. */
export interface ErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly code: string;
  readonly message: string;
  readonly rule?: string;
  readonly details?: readonly FieldProblem[];
}

/** Thrown by the global ValidationPipe: the body, query or path failed its DTO's constraints. */
export class RequestValidationError extends Error {
  constructor(readonly details: readonly FieldProblem[]) {
    super(
      `Request validation failed: ${details
        .slice(0, 3)
        .map((detail) => `${detail.field} ${detail.problem}`)
        .join('; ')}${details.length > 3 ? `; and ${details.length - 3} more` : ''}`,
    );
  }
}

/** Flattens class-validator's nested errors into dotted field paths. */
export function fieldProblems(errors: readonly ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((problem) => ({
      field,
      // class-validator starts each message with the property name; the path says it already.
      problem: problem.startsWith(`${error.property} `) ? problem.slice(error.property.length + 1) : problem,
    }));
    return [...own, ...fieldProblems(error.children ?? [], field)];
  });
}

/** Maps typed errors to HTTP; anything unexpected is logged and answered with a 500 that leaks nothing. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof DomainError) {
    return body(DOMAIN_STATUS[error.code], error.code, error.message, error.rule);
  }
  if (error instanceof EventStoreError) {
    return body(STORE_STATUS[error.code], error.code, error.message);
  }
  if (error instanceof RequestValidationError) {
    return { ...body(HttpStatus.BAD_REQUEST, 'INVALID', error.message), details: error.details };
  }
  if (error instanceof AuthError) return body(error.status, error.code, error.message);
  if (error instanceof EdgeRefusal) return body(error.status, error.code, error.message, error.rule);
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const raw =
      typeof response === 'object' && response !== null && 'message' in response ? response.message : error.message;
    const message = Array.isArray(raw) ? raw.map(String).join('; ') : String(raw);
    return body(status, status === 400 ? 'INVALID' : (HttpStatus[status] ?? 'ERROR'), message);
  }
  const client = fastifyClientError(error);
  if (client !== undefined) return client;
  return body(HttpStatus.INTERNAL_SERVER_ERROR, 'INTERNAL', 'Internal error');
}

/**
 * Fastify's own refusals before a route runs (malformed JSON 400, unsupported media type 415, body
 * too large 413) carry a 4xx `statusCode` and an FST_ code; they are the caller's fault, not ours.
 */
function fastifyClientError(error: unknown): ErrorBody | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { statusCode, code, message } = error as { statusCode?: unknown; code?: unknown; message?: unknown };
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode > 499) return undefined;
  if (typeof code !== 'string' || !code.startsWith('FST_')) return undefined;
  const text = typeof message === 'string' ? message.slice(0, 300) : 'the request was refused';
  return body(statusCode, statusCode === 400 ? 'INVALID' : (HttpStatus[statusCode] ?? 'ERROR'), text);
}

function body(statusCode: number, code: string, message: string, rule?: string): ErrorBody {
  return { statusCode, error: HttpStatus[statusCode] ?? 'Error', code, message, ...(rule ? { rule } : {}) };
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const errorBody = toErrorBody(error);
    if (errorBody.statusCode >= 500) this.logger.error(error instanceof Error ? error.stack : String(error));
    if (error instanceof EdgeRefusal) void reply.headers(error.headers);
    // A handler may have set another content type (text/plain, text/csv) before it threw: the error is JSON.
    void reply.header('content-type', 'application/json; charset=utf-8');
    void reply.status(errorBody.statusCode).send(errorBody);
  }
}
