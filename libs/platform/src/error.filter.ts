import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { Catch, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { DomainErrorCode } from '@dul/domain';
import { DomainError } from '@dul/domain';
import { AuthError } from '@dul/auth';
import type { EventStoreErrorCode } from '@dul/event-store';
import { EventStoreError } from '@dul/event-store';
import type { FastifyReply } from 'fastify';

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

export interface ErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly code: string;
  readonly message: string | readonly string[];
  readonly rule?: string;
}

/** Maps typed errors to HTTP; anything unexpected is logged and answered with a 500 that leaks nothing. */
export function toErrorBody(error: unknown): ErrorBody {
  if (error instanceof DomainError) {
    return body(DOMAIN_STATUS[error.code], error.code, error.message, error.rule);
  }
  if (error instanceof EventStoreError) {
    return body(STORE_STATUS[error.code], error.code, error.message);
  }
  if (error instanceof AuthError) return body(error.status, error.code, error.message);
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message =
      typeof response === 'object' && response !== null && 'message' in response
        ? (response as { message: string | string[] }).message
        : error.message;
    return body(status, status === 400 ? 'INVALID' : (HttpStatus[status] ?? 'ERROR'), message);
  }
  return body(HttpStatus.INTERNAL_SERVER_ERROR, 'INTERNAL', 'Internal error');
}

function body(statusCode: number, code: string, message: string | readonly string[], rule?: string): ErrorBody {
  return { statusCode, error: HttpStatus[statusCode] ?? 'Error', code, message, ...(rule ? { rule } : {}) };
}

@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(ErrorFilter.name);

  catch(error: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const errorBody = toErrorBody(error);
    if (errorBody.statusCode >= 500) this.logger.error(error instanceof Error ? error.stack : String(error));
    void reply.status(errorBody.statusCode).send(errorBody);
  }
}
