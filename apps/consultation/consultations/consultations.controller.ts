import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, Principal, Roles } from '@dul/auth';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { ConsultationCommand } from '@dul/domain';
import { answerWrite, correlationIdOf, headerOf, principalWrite, WriteResultDto } from '@dul/http';
import { parseIfMatch } from '@dul/platform';
import type { WithoutMetadata, WriteResult } from '@dul/platform';
import {
  ExtensionDto,
  ListConsultationsQueryDto,
  ReplyToConsultationDto,
  SecurityInterestRequestDto,
  WithdrawSecurityInterestDto,
} from '../consultation.dto';
import { RequestSecurityInterest, WithdrawSecurityInterest } from './security-interest-request.handler';
import { ConsultationWrite } from '../public/consultation.commands';
import { GetConsultation, ListConsultations } from '../consultation.queries';
import { ApiVersionedRead } from '@dul/platform';
import { ConsultationDetailDto, ConsultationSummaryPageDto } from '../consultation-answers.dto';

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
    private readonly queryBus: QueryBus,
    private readonly commandBus: CommandBus,
  ) {}

  @Get()
  @Roles('caseworker', 'approver', 'auditor', 'commission')
  @ApiOkResponse({ type: ConsultationSummaryPageDto })
  @ApiOperation({
    operationId: 'listConsultations',
    summary: 'Consultations as consulting or consulted member state; filter by status, kind, due date',
  })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListConsultationsQueryDto) {
    return this.queryBus.execute(new ListConsultations(principal, query));
  }

  @Get(':id')
  @Roles('caseworker', 'approver', 'auditor', 'commission')
  @ApiVersionedRead(ConsultationDetailDto)
  @ApiOperation({
    operationId: 'getConsultation',
    summary: 'One consultation: the packet for participants, metadata for the Commission',
    description:
      '`rules`: the period and the meaning of silence as opened, with the setting each came from and whether it is ' +
      "the article's text, EU practice (Art 16) or a reading. `closingRule`: what closed it (ANSWER, SILENCE under " +
      'the setting named, WITHDRAWAL), in words. `securityInterest`: for an Art 14(2) request, what was asked and ' +
      'when a grant despite it was notified.',
  })
  detail(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.queryBus.execute(new GetConsultation(principal, id));
  }

  @Post('security-interest-requests')
  @HttpCode(201)
  @Roles('caseworker', 'approver')
  @ApiOperation({
    summary:
      'Art 14(2): ask another member state, for your essential security interests, not to grant (or to annul, suspend, modify, revoke)',
    description:
      'Opens a non-binding consultation with the member state that decides on the application (or issued the licence), ' +
      'taken from the record. It is to be terminated within 10 working days (the text of Art 14(2); setting ' +
      "ART14_2_CONSULTATION_WORKING_DAYS), counted in the requested member state's calendar (a reading), with no " +
      'extension. It never blocks a grant; if the requested member state grants anyway, the grant is notified to the ' +
      'Commission and every other member state (SecurityInterestGrantNotified in /v1/notifications, ' +
      'eu.dual-use.security-interest.grant-notified.v1). 409 once the application is decided (ask about its licence) ' +
      'or when the same request is already open; 422 when addressed to your own member state.',
  })
  @ApiBody({
    type: SecurityInterestRequestDto,
    examples: {
      notToGrant: {
        value: {
          request: 'NOT_TO_GRANT',
          applicationId: '0b7e2a7c-3d0e-4f8c-9a51-6c1f0e9d2b34',
          grounds: 'The end user supplies a missile programme directed against our armed forces',
        },
      },
      suspend: {
        value: {
          request: 'SUSPEND',
          licenceId: '5d1c9f0e-2b7a-4e63-8f41-0a9b3c2d1e77',
          grounds: 'New intelligence links the consignee to a hostile state programme',
        },
      },
    },
  })
  @ApiResponse({ status: 201, type: WriteResultDto })
  async requestSecurityInterest(
    @Body() body: SecurityInterestRequestDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const write = new RequestSecurityInterest(principal, correlationIdOf(request), body);
    return answerWrite(reply, await this.commandBus.execute(write));
  }

  @Post(':id/withdrawal')
  @HttpCode(200)
  @Roles('caseworker', 'approver')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version you last saw; 412 if stale' })
  @ApiOperation({
    summary: 'Art 14(2): the requesting member state withdraws its security-interest request',
    description:
      'Closes the consultation as WITHDRAWN (closingRule WITHDRAWAL); a later grant is then not notified. Only ' +
      'an Art 14(2) request is withdrawn here (422 withdraw-security-interest-only): Art 14(1) and Art 16 ' +
      'consultations end with the application.',
  })
  @ApiResponse({ status: 200, type: WriteResultDto })
  async withdraw(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: WithdrawSecurityInterestDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const ifMatch = parseIfMatch(headerOf(request, 'if-match'));
    const write = new WithdrawSecurityInterest(id, principal, correlationIdOf(request), body.reason, ifMatch);
    return answerWrite(reply, await this.commandBus.execute(write));
  }

  @Post(':id/replies')
  @HttpCode(200)
  @Roles('caseworker', 'approver')
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version you last saw; 412 if stale' })
  @ApiOkResponse({ type: WriteResultDto })
  @ApiOperation({
    operationId: 'replyToConsultation',
    summary:
      "The consulted member state's answer (Art 14(1): objection binds; Art 16: essentially identical or not; Art 14(2): non-binding)",
    description:
      'Art 14(1): 10 working days (the text), silence = no objection. Art 16: the article sets no deadline and gives ' +
      'silence no meaning; the 10 working days (ART16_CONSULTATION_WORKING_DAYS) and "silence = not essentially ' +
      'identical" (ART16_SILENCE_OUTCOME) are EU practice, settings recorded on each consultation (`rules`), and the ' +
      'rule that closed it is in `closingRule`. Art 14(2): REQUEST_ACCEPTED or REQUEST_DECLINED (with reasons) ' +
      'within 10 working days; never binding. A reply after the period is refused (422 reply-after-deadline).',
  })
  @ApiResponse({ status: 200, type: WriteResultDto })
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
