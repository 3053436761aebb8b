import { randomUUID } from 'node:crypto';
import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Logger as Pino, LevelWithSilent } from 'pino';
import { pino } from 'pino';
import type { LogLevel } from '@dul/config';

/** The ids a request is logged under; the correlation id is also the one its events record. */
export interface RequestIds {
  readonly requestId: string;
  readonly correlationId: string;
}

const ID_PATTERN = /^[\w.:-]{1,100}$/;
const idsOfRequest = new WeakMap<IncomingRequest, RequestIds>();

/** Node's request (HTTP/1 or 2) as Fastify and pino-http see it: only the headers are read. */
export interface IncomingRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/**
 * The request's id (a valid `x-request-id` from a proxy, or a new UUID) and correlation id (a valid
 * `x-correlation-id` from the caller, or the request id), decided once per request so the log lines,
 * Fastify's request id and the recorded events all carry the same values.
 */
export function requestIdsOf(request: IncomingRequest): RequestIds {
  const known = idsOfRequest.get(request);
  if (known) return known;
  const requestId = validHeader(request, 'x-request-id') ?? randomUUID();
  const ids = { requestId, correlationId: validHeader(request, 'x-correlation-id') ?? requestId };
  idsOfRequest.set(request, ids);
  return ids;
}

function validHeader(request: IncomingRequest, name: string): string | undefined {
  const given = request.headers[name];
  const value = Array.isArray(given) ? given[0] : given;
  return value !== undefined && ID_PATTERN.test(value) ? value : undefined;
}

/** Credentials never reach the log, whatever a line happens to include. */
export const REDACTED_LOG_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-api-key"]',
  'res.headers["set-cookie"]',
  'headers.authorization',
  'headers.cookie',
];

const VERBOSITY: readonly LevelWithSilent[] = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/**
 * The level the process-wide logger runs at. LOG_LEVEL above info (warn, error, fatal) quietens the
 * request log only: the services' own info lines (Nest's startup, "Kafka relay publishing") are
 * written at every level but silent, as they were before the log became one pino stream, because
 * supervisors and tests wait for them.
 */
function rootLevelFor(level: LogLevel): LevelWithSilent {
  if (level === 'silent') return 'silent';
  return VERBOSITY.indexOf(level) < VERBOSITY.indexOf('info') ? level : 'info';
}

let root: Pino | undefined;

/**
 * One pino instance per process: Nest's logger, the request log and Fastify all write through it.
 * nestjs-pino keeps the first logger it sees for lines outside a request, so a second app in the
 * same process (tests) changes this instance's level instead of creating another.
 */
export function processLogger(level: LogLevel): Pino {
  root ??= pino({
    redact: { paths: REDACTED_LOG_PATHS, censor: '[redacted]' },
    // Nest's `context` and the ids are enough to find a line; pid and hostname come from the platform.
    base: undefined,
    timestamp: pino.stdTimeFunctions.isoTime,
  });
  root.level = rootLevelFor(level);
  return root;
}

/** The one LoggerModule: request and correlation ids on every line logged while a request is served. */
export function structuredLogModule(level: LogLevel): DynamicModule {
  return LoggerModule.forRoot({
    pinoHttp: {
      logger: processLogger(level),
      genReqId: (request) => requestIdsOf(request).requestId,
      customProps: (request) => ({ ...requestIdsOf(request) }),
      // The ids above identify the request; the line needs only what was asked, never its headers.
      serializers: {
        req: (request: { method?: string; url?: string }) => ({ method: request.method, url: request.url }),
        res: (response: { statusCode?: number }) => ({ statusCode: response.statusCode }),
      },
      autoLogging: VERBOSITY.indexOf(level) <= VERBOSITY.indexOf('info'),
      customLogLevel: (_request, response, error) =>
        error !== undefined || response.statusCode >= 500 ? 'error' : 'info',
    },
  });
}
