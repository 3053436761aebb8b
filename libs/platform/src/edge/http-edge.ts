import helmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { HttpEdgeEnvironment } from '@dul/config';
import { EdgeRefusal } from './edge-refusal';
import { jsonDepthExceeds } from './json-depth';
import { PrincipalRateLimitInterceptor, RateLimits } from './rate-limits';

/** The edge settings; a test or tool that builds an app from a partial environment gets the defaults. */
export type HttpEdgeSettings = Partial<HttpEdgeEnvironment>;

const DEFAULTS: Required<Omit<HttpEdgeEnvironment, 'METRICS_TOKEN'>> = {
  HTTP_JSON_MAX_DEPTH: 64,
  RATE_LIMIT_WINDOW_SECONDS: 60,
  RATE_LIMIT_PER_ADDRESS: 1200,
  RATE_LIMIT_PER_PRINCIPAL: 600,
  RATE_LIMIT_SCREENING_PER_PRINCIPAL: 60,
  SSE_MAX_STREAMS_PER_PRINCIPAL: 5,
};

/**
 * What every service does to a request before a controller sees it, and to every answer: security
 * headers, a JSON depth limit, one value per query parameter, rate limits per address and per
 * principal. Call before app.init(): Fastify hooks apply to the routes registered after them.
 * See docs/reliability.md for each guarantee and the test behind it.
 */
export async function installHttpEdge(app: NestFastifyApplication, settings: HttpEdgeSettings = {}): Promise<void> {
  const edge = { ...DEFAULTS, ...definedOnly(settings) };
  const fastify: FastifyInstance = app.getHttpAdapter().getInstance();

  // createApp turns Nest's body parsers off (bodyParser: false), so this one is the only JSON parser.
  await app.register(helmet, securityHeaders());
  fastify.addHook('onSend', async (request, reply, payload) => {
    // API answers are personal and case data: no shared or browser cache keeps them. /docs assets may be cached.
    if (!reply.hasHeader('cache-control') && !request.url.startsWith('/docs'))
      reply.header('cache-control', 'no-store');
    return payload;
  });

  const limits = new RateLimits(edge);
  fastify.addHook('onRequest', async (request) => {
    await limits.admitAddress(request.ip);
    refuseRepeatedParameters(request);
  });
  app.useGlobalInterceptors(new PrincipalRateLimitInterceptor(limits));

  installJsonParser(fastify, edge.HTTP_JSON_MAX_DEPTH);
}

function securityHeaders(): Record<string, unknown> {
  return {
    // /docs (Swagger UI) loads its own scripts and styles from /docs and sets inline styles; the HTML
    // report has one inline <style> and no script. Nothing may frame us (clickjacking).
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    frameguard: { action: 'deny' },
    noSniff: true,
    referrerPolicy: { policy: 'no-referrer' },
    // HSTS only matters behind TLS termination, where it is harmless to send from here too.
    hsts: { maxAge: 31_536_000, includeSubDomains: true },
  };
}

/**
 * Fastify's own JSON parser (prototype-poisoning protection kept), preceded by a depth count that
 * needs no recursion: class-transformer and class-validator recurse per level and overflow the stack
 * at a few thousand levels, which answered 500 (issue 11).
 */
function installJsonParser(fastify: FastifyInstance, maxDepth: number): void {
  const parse = fastify.getDefaultJsonParser('error', 'error');
  if (fastify.hasContentTypeParser('application/json')) fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (jsonDepthExceeds(text, maxDepth)) {
      done(
        new EdgeRefusal(
          400,
          'INVALID',
          `the JSON body is nested deeper than ${maxDepth} levels (HTTP_JSON_MAX_DEPTH)`,
          'json-depth',
        ),
        undefined,
      );
      return;
    }
    void parse(request, text, done);
  });
}

/**
 * `?from=1&from=2` arrives as an array where every handler expects one string (and some crashed on
 * it). No operation of ours takes a list in the query, so a repeated name is refused for all.
 */
function refuseRepeatedParameters(request: FastifyRequest): void {
  const query = request.query as Record<string, unknown> | undefined;
  if (query === undefined || query === null) return;
  for (const [name, value] of Object.entries(query)) {
    if (Array.isArray(value)) {
      throw new EdgeRefusal(
        400,
        'INVALID',
        `query parameter '${name.slice(0, 64)}' is given ${value.length} times; give it once`,
        'repeated-parameter',
      );
    }
  }
}

function definedOnly(settings: HttpEdgeSettings): Partial<HttpEdgeEnvironment> {
  return Object.fromEntries(Object.entries(settings).filter(([, value]) => value !== undefined));
}
