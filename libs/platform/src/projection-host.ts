import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Projection } from '@dul/projections';
import { ProjectionRunner } from '@dul/projections';
import type { Persistence } from './persistence';
import { PERSISTENCE, PROJECTIONS } from './tokens';

export interface ProjectionStatus {
  readonly name: string;
  readonly leader: boolean;
  readonly lag: number;
}

/** Runs every projection the app registers, one runner each, for the life of the app. */
@Injectable()
export class ProjectionHost implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(ProjectionHost.name);
  readonly runners: readonly ProjectionRunner[];

  constructor(@Inject(PERSISTENCE) persistence: Persistence, @Inject(PROJECTIONS) projections: readonly Projection[]) {
    this.runners = projections.map(
      (projection) =>
        new ProjectionRunner(persistence.events, persistence.projections, persistence.leaderLock, projection, {
          onError: (error) => this.logger.error(`Projection ${projection.name} failed: ${String(error)}`),
        }),
    );
  }

  onApplicationBootstrap(): void {
    this.runners.forEach((runner) => runner.start());
  }

  // Before shutdown proper: the runners must let go of their locks while the database is still open.
  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.runners.map((runner) => runner.stop()));
  }

  async status(): Promise<ProjectionStatus[]> {
    return Promise.all(
      this.runners.map(async (runner) => ({
        name: runner.projection.name,
        leader: runner.isLeader,
        lag: await runner.lag(),
      })),
    );
  }
}
