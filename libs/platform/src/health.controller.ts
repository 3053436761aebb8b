import { Controller, Get, Headers, Inject, Optional } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { JwtVerifier } from '@dul/auth';
import { bearerToken, JWT_VERIFIER, Public } from '@dul/auth';
import type { HealthCheckResult } from '@nestjs/terminus';
import { HealthCheck, HealthCheckService } from '@nestjs/terminus';
import { publicHealth } from './edge/health-view';
import { StoreHealthIndicators } from './store-health.indicators';

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
