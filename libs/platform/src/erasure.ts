import { Body, Controller, Inject, Post } from '@nestjs/common';
import type { ICommandHandler } from '@nestjs/cqrs';
import { Command as BusCommand, CommandBus, CommandHandler } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches, ValidateIf } from 'class-validator';
import { Roles } from '@dul/auth';
import { partySubject } from '@dul/domain';
import type { ProjectionStore } from '@dul/projections';
import type { Persistence } from './persistence';
import { ProjectionHost } from './projection-host';
import type { Clock } from './tokens';
import { CLOCK, PERSISTENCE } from './tokens';

/** Who to erase: a party by name and country (as in the application), or a subject id from the key table. */
export interface ErasureRequest {
  readonly name?: string;
  readonly country?: string;
  readonly subjectId?: string;
}

export interface ErasureResult {
  readonly subjectId: string;
  /** Keys whose material was deleted now (0: already erased, or never seen). */
  readonly keysErased: number;
  /** Read models dropped so they are rebuilt from the events, which now read as erased. */
  readonly readModelsReset: readonly string[];
}

/**
 * Crypto-shredding of one data subject: deletes the subject's keys, then drops the read models that
 * held the decrypted fields so their runners rebuild them from the events. Stream messages produced
 * from then on carry the erased marker; copies already delivered (Kafka topics, other authorities)
 * are outside this service and are not recalled.
 */
export async function eraseSubject(
  persistence: Persistence,
  request: ErasureRequest,
  readModels: readonly string[],
  at: Date,
): Promise<ErasureResult> {
  const subjectId =
    request.subjectId ??
    (await persistence.privacy.events.subjectId(partySubject(request.name ?? '', request.country)));
  const keysErased = await persistence.privacy.keys.erase(subjectId, at);
  await resetReadModels(persistence.projections, readModels);
  return { subjectId, keysErased, readModelsReset: readModels };
}

async function resetReadModels(store: ProjectionStore, names: readonly string[]): Promise<void> {
  for (const name of names) await store.reset(name);
}

export class ErasureRequestDto implements ErasureRequest {
  @ValidateIf((body: ErasureRequestDto) => body.subjectId === undefined)
  @IsString({ message: 'name must be the party name as recorded (or give subjectId)' })
  @Length(1, 500, { message: 'name must be 1 to 500 characters' })
  readonly name?: string;

  @ValidateIf((body: ErasureRequestDto) => body.subjectId === undefined)
  @Matches(/^[A-Za-z]{2}$/, { message: 'country must be the party country as an ISO 3166-1 alpha-2 code' })
  readonly country?: string;

  @IsOptional()
  @Matches(/^[0-9a-f]{64}$/, { message: 'subjectId must be 64 lowercase hex digits' })
  readonly subjectId?: string;
}

/** What an erasure answers. */
export class ErasureResultDto implements ErasureResult {
  @ApiProperty({ example: '3f1c...e9', description: 'The subject id (64 hex digits)' })
  readonly subjectId!: string;
  @ApiProperty({ example: 1, description: 'Keys deleted now (0: already erased, or never seen)' })
  readonly keysErased!: number;
  @ApiProperty({ type: [String], example: ['applications', 'licences'] })
  readonly readModelsReset!: readonly string[];
}

/** Erase one data subject, for the CommandBus (EraseSubjectHandler). */
export class EraseSubject extends BusCommand<ErasureResult> {
  constructor(readonly request: ErasureRequest) {
    super();
  }
}

@CommandHandler(EraseSubject)
export class EraseSubjectHandler implements ICommandHandler<EraseSubject> {
  constructor(
    @Inject(PERSISTENCE) private readonly persistence: Persistence,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly projections: ProjectionHost,
  ) {}

  execute({ request }: EraseSubject): Promise<ErasureResult> {
    const names = this.projections.runners.map((runner) => runner.projection.name);
    return eraseSubject(this.persistence, request, names, this.clock.now());
  }
}

@ApiTags('privacy')
@ApiBearerAuth()
@Controller('v1/privacy')
export class ErasureController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post('erasures')
  @Roles('approver')
  @ApiOperation({
    operationId: 'erasePersonalData',
    summary: 'Erase a data subject (GDPR Art 17): delete its key, rebuild the read models',
    description:
      "Every field of the subject's personal data reads as [erased] from then on, in every read, rebuild, report " +
      'and stream message; the hash chains still verify (they cover the ciphertext). Read models of this process are ' +
      'rebuilt; other services rebuild theirs with `npm run erase`.',
  })
  @ApiOkResponse({ description: 'subjectId, keysErased, readModelsReset', type: ErasureResultDto })
  erase(@Body() body: ErasureRequestDto): Promise<ErasureResult> {
    return this.commandBus.execute(new EraseSubject(body));
  }
}
