import type { DynamicModule, OnApplicationShutdown } from '@nestjs/common';
import { Global, Inject, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TerminusModule } from '@nestjs/terminus';
import type { BaseEnvironment } from '@dul/config';
import { EVENT_STORE } from '@dul/event-store';
import type { Projection } from '@dul/projections';
import { LEADER_LOCK, PROJECTION_STORE } from '@dul/projections';
import { CommandExecution } from './command-execution';
import { HealthController } from './health.controller';
import { StoreHealthIndicators } from './store-health.indicators';
import type { Persistence } from './persistence';
import { createPersistence } from './persistence';
import { EraseSubjectHandler, ErasureController } from './erasure';
import { ProjectionHost } from './projection-host';
import {
  AuditController,
  DailyRootTimer,
  GetDailyRootHandler,
  StoreIntegrity,
  VerifyAuditTrailHandler,
} from './store-integrity';
import { ReadConsistency } from './read-consistency';
import { StreamSlots } from './edge/stream-slots';
import type { Clock } from './tokens';
import { APP_ENVIRONMENT, CLOCK, PERSISTENCE, PROJECTIONS, systemClock } from './tokens';

export interface PlatformOptions {
  readonly environment: BaseEnvironment;
  readonly projections?: readonly Projection[];
  /** Tests pass a controllable clock; services run on the system clock. */
  readonly clock?: Clock;
}

class PersistenceCloser implements OnApplicationShutdown {
  constructor(@Inject(PERSISTENCE) private readonly persistence: Persistence) {}
  async onApplicationShutdown(): Promise<void> {
    await this.persistence.close();
  }
}

/** What every service shares: configuration, the storage ports, projections, health. */
@Global()
@Module({})
export class PlatformModule {
  static forRoot(options: PlatformOptions): DynamicModule {
    return {
      module: PlatformModule,
      // The buses every service dispatches its writes and reads through (no EventBus or sagas:
      // durable work stays in checkpointed reactors and timers).
      imports: [TerminusModule, CqrsModule.forRoot()],
      controllers: [HealthController, AuditController, ErasureController],
      providers: [
        { provide: APP_ENVIRONMENT, useValue: options.environment },
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        { provide: PROJECTIONS, useValue: options.projections ?? [] },
        { provide: PERSISTENCE, useFactory: () => createPersistence(options.environment) },
        { provide: EVENT_STORE, useFactory: (p: Persistence) => p.events, inject: [PERSISTENCE] },
        { provide: PROJECTION_STORE, useFactory: (p: Persistence) => p.projections, inject: [PERSISTENCE] },
        { provide: LEADER_LOCK, useFactory: (p: Persistence) => p.leaderLock, inject: [PERSISTENCE] },
        PersistenceCloser,
        ProjectionHost,
        StoreHealthIndicators,
        ReadConsistency,
        StoreIntegrity,
        VerifyAuditTrailHandler,
        GetDailyRootHandler,
        DailyRootTimer,
        EraseSubjectHandler,
        StreamSlots,
        CommandExecution,
      ],
      exports: [
        StreamSlots,
        CommandExecution,
        APP_ENVIRONMENT,
        CLOCK,
        PERSISTENCE,
        EVENT_STORE,
        PROJECTION_STORE,
        LEADER_LOCK,
        ProjectionHost,
        ReadConsistency,
        StoreIntegrity,
      ],
    };
  }
}
