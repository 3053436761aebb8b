import type { BeforeApplicationShutdown } from '@nestjs/common';
import { Controller, Get, Param, Query, Req, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiHeader,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProduces,
  ApiQuery,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Audience } from '@dul/contracts';
import { AUDIENCES, toCloudEvent } from '@dul/contracts';
import { CurrentPrincipal, Principal, Roles } from '@dul/auth';
import { refuse } from '@dul/domain';
import { StreamSlots } from '@dul/platform';
import { CLOUD_EVENT_SOURCE } from '../integration-events';
import type { ResumePoint } from './stream-page.query';
import { ReadStreamPage, StoreAppends } from './stream-page.query';

const BATCH = 200;
const IDLE_POLL_MS = 500;
const KEEP_ALIVE_MS = 15_000;

/** The audiences a principal may read: agencies those their token names, authorities and the Commission their own. */
export function audiencesOf(principal: Principal): readonly Audience[] {
  const granted = new Set<Audience>();
  if (principal.roles.includes('agency')) {
    for (const audience of principal.audiences ?? [])
      if ((AUDIENCES as readonly string[]).includes(audience)) granted.add(audience as Audience);
  }
  if (
    principal.ms &&
    principal.roles.some((role) => role === 'caseworker' || role === 'approver' || role === 'auditor')
  )
    granted.add('authorities');
  if (principal.roles.includes('commission')) granted.add('commission');
  return [...granted];
}

/** SSE ids are `<global position>.<index>`: resumable exactly, even when one event publishes several messages. */
export function parseResumePoint(lastEventId: string | undefined, from: string | undefined): ResumePoint {
  const raw = lastEventId ?? from;
  if (raw === undefined || raw === '') return { position: 0, index: -1 };
  const match = /^(\d{1,15})(?:\.(\d{1,4}))?$/.exec(raw.trim());
  if (!match) throw refuse.invalid('resume-point', 'Last-Event-ID and ?from must be a position such as 1842 or 1842.0');
  return { position: Number(match[1]), index: match[2] === undefined ? Number.MAX_SAFE_INTEGER : Number(match[2]) };
}

/**
 * GET /v1/streams/{audience}: the published integration events as Server-Sent Events, for agencies
 * without Kafka. Each message is the same CloudEvent (structured JSON) the Kafka topic carries.
 */
@ApiTags('streams')
@ApiBearerAuth()
@Controller('v1/streams')
export class StreamsController implements BeforeApplicationShutdown {
  /** How to end each open stream, and when it has ended: the process does not stop while a client holds one open. */
  private readonly openStreams = new Map<() => void, Promise<void>>();
  private shuttingDown = false;

  constructor(
    private readonly queryBus: QueryBus,
    private readonly appends: StoreAppends,
    private readonly slots: StreamSlots,
  ) {}

  @Get(':audience')
  @Roles('caseworker', 'approver', 'auditor', 'commission', 'agency')
  @ApiOkResponse({
    description: 'CloudEvents as Server-Sent Events (id: the position; data: the CloudEvent JSON)',
    content: { 'text/event-stream': { schema: { type: 'string' } } },
  })
  @ApiOperation({
    operationId: 'streamIntegrationEvents',
    summary: 'Server-Sent Events of one audience; resumable with Last-Event-ID',
  })
  @ApiParam({ name: 'audience', enum: AUDIENCES })
  @ApiQuery({
    name: 'from',
    required: false,
    description: 'Start after this position (Last-Event-ID wins when both are sent)',
  })
  @ApiHeader({ name: 'Last-Event-ID', required: false })
  @ApiProduces('text/event-stream')
  async stream(
    @Param('audience') audience: string,
    @Query('from') from: string | undefined,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res() reply: FastifyReply,
  ): Promise<void> {
    if (!(AUDIENCES as readonly string[]).includes(audience))
      throw refuse.notFound('audience-not-found', `no stream ${audience}`);
    if (!audiencesOf(principal).includes(audience as Audience)) {
      throw refuse.forbidden(
        'audience-not-granted',
        `this token may read ${audiencesOf(principal).join(', ') || 'no stream'}, not ${audience}`,
      );
    }
    const lastEventId = request.headers['last-event-id'];
    let resume = parseResumePoint(Array.isArray(lastEventId) ? lastEventId[0] : lastEventId, from);
    // At most SSE_MAX_STREAMS_PER_PRINCIPAL open at once (429 beyond); the slot is freed in `finally`.
    const release = this.slots.acquire(principal);

    reply.hijack();
    const raw = reply.raw;
    raw.writeHead(200, {
      'content-type': 'text/event-stream',
      'cache-control': 'no-cache',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      // A hijacked reply bypasses the security headers' hooks: the ones that matter here are set by hand.
      'x-content-type-options': 'nosniff',
    });
    raw.write(': stream open\n\n');
    let open = true;
    let wake: (() => void) | undefined;
    const unsubscribe = this.appends.subscribe(() => wake?.());
    const end = (): void => {
      open = false;
      wake?.();
    };
    request.raw.on('close', end);
    let ended!: () => void;
    this.openStreams.set(end, new Promise<void>((resolve) => (ended = resolve)));
    // Kept here: the response lets go of its socket once it has finished.
    const socket = request.raw.socket;
    let lastWrite = Date.now();
    try {
      while (open) {
        const page = await this.queryBus.execute(new ReadStreamPage(audience as Audience, principal, resume, BATCH));
        for (const { position, index, message } of page.messages) {
          const cloudEvent = toCloudEvent(message, CLOUD_EVENT_SOURCE);
          raw.write(
            `id: ${position}.${index}\nevent: ${message.type}\ndata: ${JSON.stringify(cloudEvent.toJSON())}\n\n`,
          );
          lastWrite = Date.now();
        }
        resume = page.resume;
        if (page.caughtUp) {
          if (Date.now() - lastWrite > KEEP_ALIVE_MS) {
            raw.write(': keep-alive\n\n');
            lastWrite = Date.now();
          }
          await new Promise<void>((resolve) => {
            const timer = setTimeout(done, IDLE_POLL_MS);
            function done(): void {
              clearTimeout(timer);
              wake = undefined;
              resolve();
            }
            wake = done;
          });
        }
      }
    } finally {
      release();
      this.openStreams.delete(end);
      unsubscribe();
      // At shutdown the socket closes with the stream: a keep-alive socket that goes idle after the HTTP
      // server began to close is not closed by it, and would hold the process until its keep-alive
      // timeout (the rare CI failure of test/sse-shutdown.e2e-spec.ts; Node's server.close() closes
      // only the connections idle at the moment it is called).
      raw.end();
      // destroySoon flushes what end() wrote (the last chunk) before it closes.
      if (this.shuttingDown) socket.destroySoon();
      ended();
    }
  }

  /** SIGTERM: end every stream (clients reconnect with Last-Event-ID elsewhere) and wait until each has, so the server can close. */
  async beforeApplicationShutdown(): Promise<void> {
    this.shuttingDown = true;
    const streams = [...this.openStreams];
    for (const [end] of streams) end();
    await Promise.all(streams.map(([, ended]) => ended));
  }
}
