import { Controller, Get, Headers, Inject, Injectable, Optional } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { JwtVerifier } from '@dul/auth';
import { bearerToken, JWT_VERIFIER, Public } from '@dul/auth';
import type { HealthCheckResult, HealthIndicatorResult } from '@nestjs/terminus';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { Persistence } from './persistence';
import { publicHealth } from './edge/health-view';
import { ProjectionHost } from './projection-host';
import { StoreIntegrity } from './store-integrity';
import { PERSISTENCE } from './tokens';

@Injectable()
export class StoreHealthIndicators {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(PERSISTENCE) private readonly persistence: Persistence,
    private readonly projections: ProjectionHost,
    private readonly integrity: StoreIntegrity,
  ) {}

  /** The boot check of the newest events' hash chains: a damaged store is not ok. */
  storeIntegrity(): HealthIndicatorResult {
    const indicator = this.indicators.check('integrity');
    const report = this.integrity.status();
    if (report === undefined) return indicator.up({ checked: 'pending' });
    if (report.ok) return indicator.up({ eventsChecked: report.eventsChecked });
    return 'error' in report
      ? indicator.down({ message: report.error })
      : indicator.down({
          message: 'the event store is damaged: run npm run verify',
          problems: report.problems.slice(0, 20).map((p) => `${p.kind} ${p.streamId}@${p.streamVersion}`),
        });
  }

  async eventStore(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('eventStore');
    try {
      await this.persistence.events.ping();
      return indicator.up({ store: this.persistence.describe, head: await this.persistence.events.headPosition() });
    } catch (error) {
      return indicator.down({ store: this.persistence.describe, message: (error as Error).message });
    }
  }

  /** Lag is reported, not judged: a projection catching up after a rebuild is healthy. */
  async projectionLag(): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check('projections');
    try {
      return indicator.up({ runners: await this.projections.status() });
    } catch (error) {
      return indicator.down({ message: (error as Error).message });
    }
  }
}

@ApiTags('operations')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: StoreHealthIndicators,
    @Optional() @Inject(JWT_VERIFIER) private readonly verifier?: JwtVerifier,
  ) {}

  @Get()
  @HealthCheck()
  @ApiOperation({
    operationId: 'getHealth',
    summary: 'Event store reachability and projection lag (positions behind the head)',
    description: 'Without a valid bearer token: only the status of each check, no internals.',
  })
  async check(@Headers('authorization') authorization?: string): Promise<HealthCheckResult> {
    const result = await this.health.check([
      () => this.indicators.eventStore(),
      () => this.indicators.projectionLag(),
      () => this.indicators.storeIntegrity(),
    ]);
    return (await this.authenticated(authorization)) ? result : publicHealth(result);
  }

  private async authenticated(authorization: string | undefined): Promise<boolean> {
    if (this.verifier === undefined || authorization === undefined) return false;
    try {
      await this.verifier.verify(bearerToken(authorization));
      return true;
    } catch {
      return false;
    }
  }
}
