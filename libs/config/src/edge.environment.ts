import { IsInt, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';

const whole = (min: number, max: number) =>
  [
    IsOptional(),
    IsInt({ message: 'must be a whole number' }),
    Min(min, { message: `must be between ${min} and ${max}` }),
    Max(max, { message: `must be between ${min} and ${max}` }),
  ] as const;

function WholeNumber(min: number, max: number): PropertyDecorator {
  return (target, key) => whole(min, max).forEach((decorator) => decorator(target, key));
}

/**
 * The HTTP edge every service shares (libs/platform/src/edge): input limits, rate limits, stream caps,
 * the metrics token. Defaults suit one authority's traffic; see docs/reliability.md.
 */
export class HttpEdgeEnvironment {
  /** Deepest JSON nesting a request body may have; deeper answers 400 before parsing or validation. */
  @WholeNumber(2, 1000)
  readonly HTTP_JSON_MAX_DEPTH: number = 64;

  /** Length of the rate-limit window. */
  @WholeNumber(1, 3600)
  readonly RATE_LIMIT_WINDOW_SECONDS: number = 60;

  /** Requests per window from one client address, authenticated or not (forged tokens count). */
  @WholeNumber(1, 10_000_000)
  readonly RATE_LIMIT_PER_ADDRESS: number = 1200;

  /** Requests per window by one principal (token subject), from any address. */
  @WholeNumber(1, 10_000_000)
  readonly RATE_LIMIT_PER_PRINCIPAL: number = 600;

  /** Denial screening queries (POST /v1/denials/screen) per window by one principal: each scans the register. */
  @WholeNumber(1, 10_000_000)
  readonly RATE_LIMIT_SCREENING_PER_PRINCIPAL: number = 60;

  /** Server-Sent Event streams one principal may hold open at once. */
  @WholeNumber(1, 10_000)
  readonly SSE_MAX_STREAMS_PER_PRINCIPAL: number = 5;

  /** Bearer token the Prometheus scraper sends to GET /metrics; without it /metrics answers 401 to everyone. */
  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters (a random secret)' })
  readonly METRICS_TOKEN?: string;
}
