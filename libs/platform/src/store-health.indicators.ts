import { Inject, Injectable } from '@nestjs/common';
import type { HealthIndicatorResult } from '@nestjs/terminus';
import { HealthIndicatorService } from '@nestjs/terminus';
import type { Persistence } from './persistence';
import { ProjectionHost } from './projection-host';
import { StoreIntegrity } from './store-integrity';
import { PERSISTENCE } from './tokens';

/** The checks /health runs on the stores: the boot integrity check, the event store, projection lag. */
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
