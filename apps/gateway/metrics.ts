import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, Header, Headers, Inject } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { collectDefaultMetrics, Gauge, Registry } from 'prom-client';
import { Public } from '@dul/auth';
import type { HttpEdgeEnvironment } from '@dul/config';
import { APP_ENVIRONMENT, EdgeRefusal, ProjectionHost } from '@dul/platform';
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

/**
 * Prometheus text format, for the scraper only: it sends `Authorization: Bearer <METRICS_TOKEN>`
 * (Prometheus `authorization: { credentials: ... }`). Without METRICS_TOKEN configured /metrics is
 * closed to everyone: process internals (heap, handles, lag) are not for the public.
 */
@ApiExcludeController()
@Public()
@Controller('metrics')
export class MetricsController {
  private readonly expected: Buffer | undefined;

  constructor(
    @Inject(METRICS_REGISTRY) private readonly registry: Registry,
    @Inject(APP_ENVIRONMENT) environment: Pick<HttpEdgeEnvironment, 'METRICS_TOKEN'>,
  ) {
    this.expected = environment.METRICS_TOKEN === undefined ? undefined : digest(environment.METRICS_TOKEN);
  }

  @Get()
  @Header('content-type', 'text/plain; version=0.0.4')
  metrics(@Headers('authorization') authorization: string | undefined): Promise<string> {
    if (this.expected === undefined) {
      throw new EdgeRefusal(
        401,
        'UNAUTHENTICATED',
        '/metrics is closed: no METRICS_TOKEN is configured',
        'metrics-token',
      );
    }
    const match = /^Bearer (\S+)$/i.exec(authorization ?? '');
    // Equal-length digests, compared in constant time: the token does not leak by timing.
    if (!match?.[1] || !timingSafeEqual(digest(match[1]), this.expected)) {
      throw new EdgeRefusal(
        401,
        'UNAUTHENTICATED',
        '/metrics needs the scraper token (Authorization: Bearer <METRICS_TOKEN>)',
        'metrics-token',
      );
    }
    return this.registry.metrics();
  }
}

function digest(token: string): Buffer {
  return createHash('sha256').update(token).digest();
}
