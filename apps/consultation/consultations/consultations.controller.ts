import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, Principal, Roles } from '@dul/auth';
import { CommandBus } from '@nestjs/cqrs';
import type { ConsultationCommand } from '@dul/domain';
import { refuse } from '@dul/domain';
import type { DocumentFilter, ProjectionStore } from '@dul/projections';
import { PROJECTION_STORE } from '@dul/projections';
import { answerWrite, principalWrite, WriteResultDto } from '@dul/http';
import type { WithoutMetadata, WriteResult } from '@dul/platform';
import { ExtensionDto, ListConsultationsQueryDto, ReplyToConsultationDto } from '../consultation.dto';
import { ConsultationWrite } from '../public/consultation.commands';
import type { ConsultationDocument } from './consultations.projection';
import { CONSULTATIONS_PROJECTION } from '../public/consultation-board';
import { ApiVersionedRead } from '@dul/platform';
import { ConsultationDetailDto, ConsultationSummaryPageDto } from '../consultation-answers.dto';

/** What the Commission sees of a consultation: who consulted whom, about which kind, and how it ended. */
function metadataOnly({ consultation: _consultation, ...metadata }: ConsultationDocument) {
  return metadata;
}

/**
 * The consultation board, scoped to the caller: authorities see the consultations they take part in
 * (as consulting or consulted member state), with the packet and nothing else of the other's case;
 * the Commission sees the metadata of all and acts on none.
 */
@ApiTags('consultations')
@ApiBearerAuth()
@Controller('v1/consultations')
export class ConsultationsController {
  constructor(
    @Inject(PROJECTION_STORE) private readonly readModels: ProjectionStore,
    private readonly commandBus: CommandBus,
  ) {}

  @Get()
  @Roles('caseworker', 'approver', 'auditor', 'commission')
  @ApiOkResponse({ type: ConsultationSummaryPageDto })
  @ApiOperation({
    operationId: 'listConsultations',
    summary: 'Consultations as consulting or consulted member state; filter by status, kind, due date',
  })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListConsultationsQueryDto) {
    const ms = principal.ms;
    const contains: Record<string, string> | undefined = ms
      ? query.role === 'consulted'
        ? { consulted: ms }
        : { participants: ms }
      : undefined;
    const filter: DocumentFilter = {
      where: {
        ...(query.status && { status: query.status }),
        ...(query.kind && { kind: query.kind }),
        ...(ms && query.role === 'requester' && { requester: ms }),
      },
      contains,
      before: query.dueBefore ? { deadlineLastDay: query.dueBefore } : undefined,
    };
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const [documents, total] = await Promise.all([
      this.readModels.findDocuments<ConsultationDocument>(CONSULTATIONS_PROJECTION, { ...filter, limit, offset }),
      this.readModels.countDocuments(CONSULTATIONS_PROJECTION, filter),
    ]);
    return { items: documents.map(metadataOnly), total, limit, offset };
  }

  @Get(':id')
  @Roles('caseworker', 'approver', 'auditor', 'commission')
  @ApiVersionedRead(ConsultationDetailDto)
  @ApiOperation({
    operationId: 'getConsultation',
    summary: 'One consultation: the packet for participants, metadata for the Commission',
  })
  async detail(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    const document = await this.readModels.getDocument<ConsultationDocument>(CONSULTATIONS_PROJECTION, id);
    if (!document) throw notFound(id);
    if (principal.ms === null) return metadataOnly(document);
    if (!document.participants.includes(principal.ms)) throw notFound(id);
    return document;
  }

  @Post(':id/replies')
  @HttpCode(200)
  @Roles('caseworker', 'approver')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version you last saw; 412 if stale' })
  @ApiOkResponse({ type: WriteResultDto })
  @ApiOperation({
    operationId: 'replyToConsultation',
    summary: "The consulted member state's answer (Art 14: objection binds; Art 16: essentially identical or not)",
  })
  reply(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ReplyToConsultationDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(id, principal, request, reply, { type: 'ReplyToConsultation', data: body });
  }

  @Post(':id/extensions')
  @HttpCode(200)
  @Roles('caseworker', 'approver')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version you last saw; 412 if stale' })
  @ApiOkResponse({ type: WriteResultDto })
  @ApiOperation({
    operationId: 'answerConsultationExtension',
    summary: 'Ask for more time, or grant or decline a pending request (at most 30 working days in all)',
  })
  extension(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ExtensionDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const command: WithoutMetadata<ConsultationCommand> =
      body.action === 'REQUEST'
        ? {
            type: 'RequestExtension',
            data: { additionalWorkingDays: body.additionalWorkingDays ?? 0, reason: body.reason ?? '' },
          }
        : body.action === 'GRANT'
          ? {
              type: 'GrantExtension',
              data:
                body.additionalWorkingDays === undefined ? {} : { additionalWorkingDays: body.additionalWorkingDays },
            }
          : { type: 'DeclineExtension', data: { reason: body.reason ?? '' } };
    return this.run(id, principal, request, reply, command);
  }

  private async run(
    id: string,
    principal: Principal,
    request: FastifyRequest,
    reply: FastifyReply,
    command: WithoutMetadata<ConsultationCommand>,
  ): Promise<WriteResult> {
    const write = new ConsultationWrite(id, principalWrite(principal, request, command));
    return answerWrite(reply, await this.commandBus.execute(write));
  }
}

function notFound(id: string): Error {
  return refuse.notFound('consultation-not-found', `no consultation ${id}`);
}
