import type { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { Observable } from 'rxjs';
import type { Principal } from '@dul/auth';
import type { HttpEdgeEnvironment } from '@dul/config';
import { subjectKey } from '@dul/domain';
import { tooManyRequests } from './edge-refusal';

type RateLimitSettings = Pick<
  HttpEdgeEnvironment,
  | 'RATE_LIMIT_WINDOW_SECONDS'
  | 'RATE_LIMIT_PER_ADDRESS'
  | 'RATE_LIMIT_PER_PRINCIPAL'
  | 'RATE_LIMIT_SCREENING_PER_PRINCIPAL'
>;

/**
 * Operations that cost more than a read get their own, smaller bucket per principal, on top of the
 * general one. Screening scans the whole denial register for each query (docs/screening.md).
 */
const STRICTER_OPERATIONS: readonly { method: string; url: string; bucket: 'screening' }[] = [
  { method: 'POST', url: '/v1/denials/screen', bucket: 'screening' },
];

/**
 * Fixed-window counters (rate-limiter-flexible, in memory: each instance limits what it serves; a
 * deployment with several instances divides the limits by their number or puts the counters in a
 * shared store).
 */
export class RateLimits {
  private readonly perAddress: RateLimiterMemory;
  private readonly perPrincipal: RateLimiterMemory;
  private readonly screening: RateLimiterMemory;

  constructor(settings: RateLimitSettings) {
    const duration = settings.RATE_LIMIT_WINDOW_SECONDS;
    this.perAddress = new RateLimiterMemory({
      keyPrefix: 'address',
      points: settings.RATE_LIMIT_PER_ADDRESS,
      duration,
    });
    this.perPrincipal = new RateLimiterMemory({
      keyPrefix: 'principal',
      points: settings.RATE_LIMIT_PER_PRINCIPAL,
      duration,
    });
    this.screening = new RateLimiterMemory({
      keyPrefix: 'screening',
      points: settings.RATE_LIMIT_SCREENING_PER_PRINCIPAL,
      duration,
    });
  }

  /** Every request counts against its address first, before the token is even read: forged tokens too. */
  async admitAddress(address: string): Promise<void> {
    await consume(this.perAddress, address, 'rate-limit-address', 'too many requests from this address');
  }

  /** After authentication: the principal's own bucket, and the stricter one of an expensive operation. */
  async admitPrincipal(principal: Principal, method: string, url: string | undefined): Promise<void> {
    const key = subjectKey(principal.sub);
    await consume(this.perPrincipal, key, 'rate-limit-principal', 'too many requests for this token subject');
    const stricter = STRICTER_OPERATIONS.find((operation) => operation.method === method && operation.url === url);
    if (stricter?.bucket === 'screening') {
      await consume(this.screening, key, 'rate-limit-screening', 'too many screening queries for this token subject');
    }
  }
}

async function consume(limiter: RateLimiterMemory, key: string, rule: string, message: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      throw tooManyRequests(rule, `${message} (${limiter.points} per ${limiter.duration} s)`, rejection.msBeforeNext);
    }
    throw rejection;
  }
}

/** Runs after the guards (so the principal is known) and before the handler. Public routes pass. */
export class PrincipalRateLimitInterceptor implements NestInterceptor {
  constructor(private readonly limits: RateLimits) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType() === 'http') {
      const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
      if (request.principal !== undefined) {
        await this.limits.admitPrincipal(request.principal, request.method, request.routeOptions.url);
      }
    }
    return next.handle();
  }
}
