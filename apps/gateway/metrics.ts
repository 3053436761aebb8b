import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { Public } from '@dul/auth';
import { ProjectionHost } from '@dul/platform';

export const METRICS_REGISTRY = Symbol.for('dul.MetricsRegistry');
export type MetricsRegistry = Registry;

/** One registry per app, so tests can boot several apps in one process. */
export function createMetricsRegistry(projections: ProjectionHost): Registry {
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
