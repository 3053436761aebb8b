import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, Principal, Roles } from '@dul/auth';
import type { LicenceCommand } from '@dul/domain';
import { ApiVersionedRead, CONSISTENT_WITH_HEADER, parseConsistentWith } from '@dul/platform';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { WithoutMetadata, WriteResult } from '@dul/platform';
import { LicenceWrite } from '../public/licensing.commands';
import { GetLicence, GetLicenceHistory, ListLicences } from '../licensing.queries';
import { LicenceHistoryDto } from '../dto/history.dto';
import type { LicenceAmendmentDecisionRequest } from './decide-licence-amendment';
import { DecideLicenceAmendmentCommand } from './decide-licence-amendment';
import * as examples from '../dto/examples';
import {
  AmendLicenceDto,
  AnnulLicenceDto,
  DecideLicenceAmendmentDto,
  ReinstateLicenceDto,
  RecordLicenceUsageDto,
  RevokeLicenceDto,
  SuspendLicenceDto,
} from '../dto/licence-commands.dto';
import { ListLicencesQueryDto } from '../dto/queries.dto';
import { answerWrite, principalWrite, WriteResultDto } from '@dul/http';
import { LicenceDetailDto, LicenceSummaryPageDto } from '../dto/answers.dto';

const ifMatchHeader = ApiHeader({
  name: 'If-Match',
  required: false,
  description: 'The version you last saw; 412 if stale',
});

/** The licence register and the authority's later actions on a licence (Art 15(2), Art 16). */
@ApiTags('licences')
@ApiBearerAuth()
@Controller('v1/licences')
export class LicencesController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
  ) {}

  @Get()
  @Roles('caseworker', 'approver', 'auditor')
  @ApiOkResponse({ type: LicenceSummaryPageDto })
  @ApiOperation({ operationId: 'listLicences', summary: "The member state's licence register" })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListLicencesQueryDto,
    @Headers(CONSISTENT_WITH_HEADER) position?: string,
  ) {
    return this.queryBus.execute(new ListLicences(principal, query, parseConsistentWith(position)));
  }

  @Get(':id')
  @Roles('caseworker', 'approver', 'auditor')
  @ApiVersionedRead(LicenceDetailDto)
  @ApiOperation({ operationId: 'getLicence', summary: 'One licence with its usage ledger' })
  detail(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Headers(CONSISTENT_WITH_HEADER) position?: string,
  ) {
    return this.queryBus.execute(new GetLicence(principal, id, parseConsistentWith(position)));
  }

  @Get(':id/history')
  @Roles('caseworker', 'approver', 'auditor')
  @ApiOperation({
    summary:
      'Every event of the licence and of the application it was granted on: who amended, suspended, reinstated, revoked, and every usage entry in full',
  })
  @ApiResponse({ status: 200, type: LicenceHistoryDto })
  @ApiResponse({ status: 404, description: "No such licence, or another member state's" })
  history(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.queryBus.execute(new GetLicenceHistory(principal, id));
  }

  @Post(':id/amend')
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({
    operationId: 'amendLicence',
    summary:
      'Modify the licence: a narrowing applies at once (a substantial limitation is notified to every member state); a widening (more quantity or value, longer validity, an added item) is recorded as a proposal for another approver (decide-amendment) and opens the Art 14(1) and Art 16 consultations the widened licence needs',
  })
  @ApiBody({
    type: AmendLicenceDto,
    examples: {
      limit: { value: examples.EXAMPLE_AMEND_LICENCE },
      widen: { value: examples.EXAMPLE_WIDEN_LICENCE },
    },
  })
  @ifMatchHeader
  @ApiResponse({ status: 200, type: WriteResultDto })
  amend(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: AmendLicenceDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(id, principal, request, reply, {
      type: 'AmendLicence',
      data: { ...body, amendmentId: body.amendmentId ?? crypto.randomUUID() },
    });
  }

  @Post(':id/decide-amendment')
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({
    summary:
      "Decide a proposed widening (four-eyes: not the proposer), as an application's decision: the widened licence is screened again and its consultations opened first; an approval waits for them (422 consultation-open), a binding Art 14(1) objection refuses it (422 art14-binding-objection), and an approval after an Art 16 consultation is notified with grantDespiteDenialReasons",
  })
  @ApiBody({
    type: DecideLicenceAmendmentDto,
    examples: { approve: { value: examples.EXAMPLE_DECIDE_LICENCE_AMENDMENT } },
  })
  @ifMatchHeader
  @ApiResponse({ status: 200, type: WriteResultDto })
  async decideAmendment(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: DecideLicenceAmendmentDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const write = principalWrite(principal, request, {
      type: 'DecideLicenceAmendment',
      data: body,
    }) as LicenceAmendmentDecisionRequest;
    return answerWrite(reply, await this.commandBus.execute(new DecideLicenceAmendmentCommand(id, write)));
  }

  @Post(':id/suspend')
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({
    operationId: 'suspendLicence',
    summary: 'Suspend the licence (notified under Art 16; a final assessment follows)',
  })
  @ApiBody({ type: SuspendLicenceDto, examples: { suspend: { value: examples.EXAMPLE_SUSPEND_LICENCE } } })
  @ifMatchHeader
  @ApiResponse({ status: 200, type: WriteResultDto })
  suspend(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: SuspendLicenceDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(id, principal, request, reply, { type: 'SuspendLicence', data: body });
  }

  @Post(':id/reinstate')
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({ operationId: 'reinstateLicence', summary: 'Reinstate a suspended licence with the final assessment' })
  @ApiBody({ type: ReinstateLicenceDto, examples: { reinstate: { value: examples.EXAMPLE_REINSTATE_LICENCE } } })
  @ifMatchHeader
  @ApiResponse({ status: 200, type: WriteResultDto })
  reinstate(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ReinstateLicenceDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(id, principal, request, reply, { type: 'ReinstateLicence', data: body });
  }

  @Post(':id/annul')
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({ operationId: 'annulLicence', summary: 'Annul the licence (notified under Art 16)' })
  @ApiBody({ type: AnnulLicenceDto })
  @ifMatchHeader
  @ApiResponse({ status: 200, type: WriteResultDto })
  annul(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: AnnulLicenceDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(id, principal, request, reply, { type: 'AnnulLicence', data: body });
  }

  @Post(':id/revoke')
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({ operationId: 'revokeLicence', summary: 'Revoke the licence (notified under Art 16)' })
  @ApiBody({ type: RevokeLicenceDto })
  @ifMatchHeader
  @ApiResponse({ status: 200, type: WriteResultDto })
  revoke(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RevokeLicenceDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(id, principal, request, reply, { type: 'RevokeLicence', data: body });
  }

  @Post(':id/record-usage')
  @HttpCode(200)
  @Roles('caseworker')
  @ApiOperation({
    operationId: 'recordLicenceUsage',
    summary: 'Write an export declaration off against the licence; beyond the licensed amounts is refused',
  })
  @ApiBody({ type: RecordLicenceUsageDto, examples: { usage: { value: examples.EXAMPLE_RECORD_LICENCE_USAGE } } })
  @ifMatchHeader
  @ApiResponse({ status: 200, type: WriteResultDto })
  recordUsage(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RecordLicenceUsageDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(id, principal, request, reply, {
      type: 'RecordLicenceUsage',
      data: { ...body, usageId: body.usageId ?? crypto.randomUUID() },
    });
  }

  private async run(
    id: string,
    principal: Principal,
    request: FastifyRequest,
    reply: FastifyReply,
    command: WithoutMetadata<LicenceCommand>,
  ): Promise<WriteResult> {
    const write = new LicenceWrite(id, principalWrite(principal, request, command));
    return answerWrite(reply, await this.commandBus.execute(write));
  }
}
