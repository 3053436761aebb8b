import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { Public } from '@dul/auth';
import { ProjectionHost } from '@dul/platform';
import type { ProjectionStore } from '@dul/projections';

export const METRICS_REGISTRY = Symbol.for('dul.MetricsRegistry');
export type MetricsRegistry = Registry;

/** One registry per app, so tests can boot several apps in one process. */
export function createMetricsRegistry(projections: ProjectionHost, readModels?: ProjectionStore): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  new Gauge({
    name: 'dul_projection_lag_positions',
    help: 'Global positions between the event store head and each projection checkpoint',
    labelNames: ['projection'],
    registers: [registry],
    async collect() {
      for (const status of await projections.status()) this.set({ projection: status.name }, status.lag);
    },
  });
  if (readModels !== undefined) {
    new Gauge({
      name: 'dul_denials_review_overdue',
      help: 'Denials in force whose Art 16(2) review is overdue, by issuing member state (they stay in force)',
      labelNames: ['issuing_member_state'],
      registers: [registry],
      async collect() {
        this.reset();
        // The register's read model (projection "denials", owned by the consultation service).
        const overdue = await readModels.findDocuments<{ issuingMemberState: string }>('denials', {
          where: { status: 'IN_FORCE', reviewOverdue: true },
          limit: 100_000,
        });
        const counts = new Map<string, number>();
        for (const denial of overdue)
          counts.set(denial.issuingMemberState, (counts.get(denial.issuingMemberState) ?? 0) + 1);
        for (const [state, count] of counts) this.set({ issuing_member_state: state }, count);
      },
    });
  }
  return registry;
}

/** Prometheus text format, for the scraper inside the deployment (not behind tokens). */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4')
  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}
