import { Controller, Get, Inject, Injectable, Logger, Param, Query } from '@nestjs/common';
import type { OnApplicationBootstrap } from '@nestjs/common';
import type { IQueryHandler } from '@nestjs/cqrs';
import { Query as BusQuery, QueryBus, QueryHandler } from '@nestjs/cqrs';
import {
  ApiBearerAuth,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsISO8601, Matches, Max, Min, ValidateIf } from 'class-validator';
import { Roles } from '@dul/auth';
import { refuse } from '@dul/domain';
import type { BoundedCheckReport, DailyRootData, PublishedRoot, VerifyReport } from '@dul/event-store';
import { checkNewestEvents, readDailyRoot, sealDailyRoot, verifyEventStore } from '@dul/event-store';
import type { Persistence } from './persistence';
import { DueTimer } from './reactor';
import type { Clock } from './tokens';
import { CLOCK, PERSISTENCE } from './tokens';

/** How many of the newest events every boot re-hashes (the full check is `npm run verify`). */
export const BOOT_INTEGRITY_WINDOW = 1000;
/** How often the daily-root timer looks whether yesterday (UTC) is sealed. */
export const DAILY_ROOT_POLL_MS = 60_000;

/**
 * The boot check: the newest events' hashes and links. A damaged store does not stop the service
 * (the authority must still be able to read and investigate), but /health reports it as down and the
 * log names every finding.
 */
@Injectable()
export class StoreIntegrity implements OnApplicationBootstrap {
  private readonly logger = new Logger(StoreIntegrity.name);
  private report: BoundedCheckReport | { readonly ok: false; readonly error: string } | undefined;

  constructor(@Inject(PERSISTENCE) private readonly persistence: Persistence) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.check();
  }

  async check(): Promise<void> {
    try {
      this.report = await checkNewestEvents(this.persistence.rawEvents, BOOT_INTEGRITY_WINDOW);
      if (!this.report.ok) {
        for (const problem of this.report.problems) {
          this.logger.error(
            `event store damaged: ${problem.kind} ${problem.streamId} version ${problem.streamVersion}: ${problem.detail}`,
          );
        }
      }
    } catch (error) {
      this.report = { ok: false, error: (error as Error).message };
      this.logger.error(`event store integrity check failed: ${(error as Error).message}`);
    }
  }

  status(): BoundedCheckReport | { readonly ok: false; readonly error: string } | undefined {
    return this.report;
  }
}

/** What a full verification answers (VerifyReport). */
export class VerifyReportDto implements VerifyReport {
  @ApiProperty({ description: 'True when every chain and root verifies' })
  readonly ok!: boolean;
  @ApiProperty({ example: 120431 })
  readonly eventsChecked!: number;
  @ApiProperty({ example: 20114 })
  readonly streams!: number;
  @ApiProperty({ example: 0, description: 'Events recorded before chaining, not verifiable' })
  readonly legacyEvents!: number;
  @ApiProperty({ example: 0 })
  readonly legacyUpTo!: number;
  @ApiProperty({ example: 7 })
  readonly rootsChecked!: number;
  @ApiProperty({ example: 1, description: 'Published roots given to the check, each re-derived and compared' })
  readonly publishedRootsChecked!: number;
  @ApiProperty({
    type: [Object],
    description: 'Each altered, removed, inserted or reordered event, with stream and version',
  })
  readonly problems!: VerifyReport['problems'];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MESSAGE = '$property must be a UTC day (YYYY-MM-DD)';
/** Given one of a published root's fields, the check needs all three. */
const checksPublishedRoot = (query: VerifyQueryDto): boolean =>
  query.day !== undefined || query.root !== undefined || query.coveredUpTo !== undefined;

/** Optionally, a daily root as published on the authorities' topic, to check the store against. */
export class VerifyQueryDto {
  @ApiPropertyOptional({ description: 'Day of a published root (with root and coveredUpTo)', example: '2026-12-01' })
  @ValidateIf(checksPublishedRoot)
  @Matches(DAY, { message: `${DAY_MESSAGE}, given with root and coveredUpTo` })
  @IsISO8601({ strict: true }, { message: '$property must be a real calendar date' })
  readonly day?: string;

  @ApiPropertyOptional({
    description: 'The published Merkle root, 64 lowercase hex digits (with day and coveredUpTo)',
    example: '9c1185a5c5e9fc54612808977ee8f548b2258d31b5c2a7e5c1d1a6e0a1b2c3d4',
  })
  @ValidateIf(checksPublishedRoot)
  @Matches(/^[0-9a-f]{64}$/, { message: '$property must be 64 lowercase hex digits, given with day and coveredUpTo' })
  readonly root?: string;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    maximum: Number.MAX_SAFE_INTEGER,
    description: 'The published position the root covers (with day and root)',
    example: 48211,
  })
  @ValidateIf(checksPublishedRoot)
  @Type(() => Number)
  @IsInt({ message: '$property must be a whole number (a global position), given with day and root' })
  @Min(0, { message: '$property must not be negative' })
  @Max(Number.MAX_SAFE_INTEGER, { message: `$property must be at most ${Number.MAX_SAFE_INTEGER}` })
  readonly coveredUpTo?: number;
}

/** What GET /v1/audit/roots/{day} answers (StoredDailyRoot). */
export class StoredDailyRootDto implements StoredDailyRoot {
  @ApiProperty({ example: '2026-12-01' })
  readonly day!: string;
  @ApiProperty({ example: 48211, description: 'Global position of the last event the root covers' })
  readonly coveredUpTo!: number;
  @ApiProperty({ example: 9120, description: 'Stream heads (leaves) the root covers' })
  readonly streams!: number;
  @ApiProperty({ example: '9c1185a5c5e9fc54612808977ee8f548b2258d31b5c2a7e5c1d1a6e0a1b2c3d4' })
  readonly root!: string;
  @ApiProperty({ example: 'merkle-sha256' })
  readonly algorithm!: string;
  @ApiProperty({ example: 0, description: 'Rows at or below this position predate the hash chain' })
  readonly legacyUpTo!: number;
  @ApiProperty({ example: 'auditroot-2026-12-01' })
  readonly streamId!: string;
  @ApiProperty({ example: 48212 })
  readonly globalPosition!: number;
  @ApiProperty({ example: '2026-12-02T00:01:00.000Z' })
  readonly sealedAt!: string;
}

/** The root a day's seal stored, where it is, and when it was sealed. */
export interface StoredDailyRoot extends DailyRootData {
  readonly streamId: string;
  readonly globalPosition: number;
  readonly sealedAt: string;
}

/** The full recomputation of every chain, for auditors and the Commission. */
@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit')
export class AuditController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('verify')
  @Roles('auditor', 'commission')
  @ApiOperation({
    operationId: 'verifyAuditTrail',
    summary: 'Recompute every hash chain and the newest daily roots; optionally check a published root',
    description:
      'Names every altered, removed, inserted or reordered event with its stream and version. With day, root and ' +
      'coveredUpTo (the data of a received eu.dual-use.audit.daily-root-sealed.v1), also re-derives that root from ' +
      'the stream heads as of coveredUpTo and compares it with the one the store sealed that day: a rewrite of ' +
      'history recorded up to there fails, even with every hash and the stored root recomputed. Reads the whole ' +
      'store: as slow as `npm run verify`.',
  })
  @ApiOkResponse({ description: 'ok, counts and the problems found', type: VerifyReportDto })
  verify(@Query() query: VerifyQueryDto): Promise<VerifyReport> {
    const published: PublishedRoot[] =
      query.day !== undefined && query.root !== undefined && query.coveredUpTo !== undefined
        ? [{ day: query.day, root: query.root, coveredUpTo: query.coveredUpTo }]
        : [];
    return this.queryBus.execute(new VerifyAuditTrail(published));
  }

  @Get('roots/:day')
  @Roles('auditor', 'commission', 'caseworker', 'approver')
  @ApiOperation({
    operationId: 'getDailyRoot',
    summary: 'The daily root the store sealed for a UTC day',
    description:
      'As published on the authorities topics. To prove the history before it unchanged, compare with the copy you ' +
      'received and ask GET /v1/audit/verify?day=&root=&coveredUpTo= with your copy, not this answer.',
  })
  @ApiParam({ name: 'day', example: '2026-12-01' })
  @ApiOkResponse({ description: 'The root as sealed, with where it is stored', type: StoredDailyRootDto })
  @ApiNotFoundResponse({ description: 'no root sealed for that day (yet)' })
  async root(@Param('day') day: string): Promise<StoredDailyRoot> {
    if (!DAY.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
      throw refuse.invalid('audit-day', 'day must be a UTC day (YYYY-MM-DD)');
    }
    return this.queryBus.execute(new GetDailyRoot(day));
  }
}

/** The full recomputation of every chain and the newest daily roots, checking any published roots given. */
export class VerifyAuditTrail extends BusQuery<VerifyReport> {
  constructor(readonly publishedRoots: readonly PublishedRoot[]) {
    super();
  }
}

/** The daily root the store sealed for a UTC day (404 audit-root-not-found when none yet). */
export class GetDailyRoot extends BusQuery<StoredDailyRoot> {
  constructor(readonly day: string) {
    super();
  }
}

@QueryHandler(VerifyAuditTrail)
export class VerifyAuditTrailHandler implements IQueryHandler<VerifyAuditTrail> {
  constructor(@Inject(PERSISTENCE) private readonly persistence: Persistence) {}

  execute(query: VerifyAuditTrail): Promise<VerifyReport> {
    return verifyEventStore(this.persistence.rawEvents, { publishedRoots: [...query.publishedRoots] });
  }
}

@QueryHandler(GetDailyRoot)
export class GetDailyRootHandler implements IQueryHandler<GetDailyRoot> {
  constructor(@Inject(PERSISTENCE) private readonly persistence: Persistence) {}

  async execute({ day }: GetDailyRoot): Promise<StoredDailyRoot> {
    const sealed = await readDailyRoot(this.persistence.rawEvents, day);
    if (!sealed) throw refuse.notFound('audit-root-not-found', `no daily root sealed for ${day}`);
    return {
      ...sealed.data,
      streamId: sealed.event.streamId,
      globalPosition: sealed.event.globalPosition,
      sealedAt: new Date(sealed.event.recordedAt).toISOString(),
    };
  }
}

/**
 * The daily root: once a UTC day has ended, the Merkle root over every stream head is appended as an
 * AuditRootSealed event in stream auditroot-<day>, which the gateway publishes to every authority and the
 * Commission (eu.dual-use.audit.daily-root-sealed.v1); verify re-derives the newest roots, and any root an
 * authority hands back.
 * Durable and idempotent like the other timers: the stream and event id derive from the day, so any
 * number of instances seal each day once.
 */
@Injectable()
export class DailyRootTimer extends DueTimer {
  constructor(
    @Inject(PERSISTENCE) private readonly persistence: Persistence,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {
    super(DAILY_ROOT_POLL_MS);
  }

  protected now(): Date {
    return this.clock.now();
  }

  protected async fire(now: Date): Promise<number> {
    const yesterday = new Date(now.getTime() - 86_400_000).toISOString().slice(0, 10);
    const { sealed } = await sealDailyRoot(this.persistence.rawEvents, yesterday);
    return sealed ? 1 : 0;
  }
}
