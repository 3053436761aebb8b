import type { ValidityPolicy } from '@dul/domain';
import { capsOf, VALIDITY_POLICY, withValidityCaps } from '../validity-policy';
import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, Principal, Roles } from '@dul/auth';
import type { ApplicationCommand } from '@dul/domain';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiVersionedRead, CONSISTENT_WITH_HEADER, parseConsistentWith } from '@dul/platform';
import { WithoutMetadata, WriteResult } from '@dul/platform';
import {
  AmendApplicationDto,
  AssignCaseworkerDto,
  ClassifyItemDto,
  ClearRiskFlagDto,
  IssueDecisionDto,
  ProposeDecisionDto,
  RaiseRiskFlagDto,
  SubmitApplicationDto,
  WithdrawApplicationDto,
} from '../dto/application-commands.dto';
import * as examples from '../dto/examples';
import { ListApplicationsQueryDto } from '../dto/queries.dto';
import { answerWrite, correlationIdOf, headerOf, principalWrite, WriteResultDto } from '@dul/http';
import { GetApplication, GetApplicationHistory, ListApplications } from '../licensing.queries';
import { ApplicationWrite } from '../public/licensing.commands';
import { DecideApplication } from './decide-application';
import type { DecisionRequest } from './decide-application';
import { SubmitApplicationCommand } from './submit-application';
import { ApplicationDetailDto, ApplicationSummaryPageDto, HistoryEntryDto } from '../dto/answers.dto';

const ifMatchHeader = ApiHeader({
  name: 'If-Match',
  required: false,
  description: 'The version you last saw (ETag of a previous answer); 412 if the application moved on',
});
const consistentWithHeader = ApiHeader({
  name: CONSISTENT_WITH_HEADER,
  required: false,
  description: 'The position a write returned: the read waits (up to 3 s) until the view includes it',
});

/** The member-state API for applications: thin handlers that turn requests into domain commands. */
@ApiTags('applications')
@ApiBearerAuth()
@Controller('v1/applications')
export class ApplicationsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    @Inject(VALIDITY_POLICY) private readonly validityPolicy: ValidityPolicy,
  ) {}

  @Post()
  @Roles('caseworker')
  @ApiOperation({ operationId: 'submitApplication', summary: 'Register an application (Annex III-A content)' })
  @ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'Same key and body: same answer; another body: 422',
  })
  @ApiBody({
    type: SubmitApplicationDto,
    examples: {
      individual: {
        summary: 'Individual export, every Annex III-A field',
        value: { ...examples.EXAMPLE_SUBMIT_APPLICATION, content: examples.EXAMPLE_ANNEX_IIIA_CONTENT },
      },
      individualMinimal: {
        summary: 'Individual export without the optional Annex III-A fields (clients written before issue 10)',
        value: examples.EXAMPLE_SUBMIT_APPLICATION,
      },
      brokering: {
        summary: 'Brokering: the broker and the services (Art 6)',
        value: examples.EXAMPLE_SUBMIT_BROKERING,
      },
      transit: {
        summary: 'Transit: the route and the member state of transit (Art 7)',
        value: examples.EXAMPLE_SUBMIT_TRANSIT,
      },
    },
  })
  @ApiResponse({ status: 201, type: WriteResultDto })
  async submit(
    @CurrentPrincipal() principal: Principal,
    @Body() body: SubmitApplicationDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const result = await this.commandBus.execute(
      new SubmitApplicationCommand(principal, body, correlationIdOf(request), headerOf(request, 'idempotency-key')),
    );
    return answerWrite(reply, result);
  }

  @Get()
  @Roles('caseworker', 'approver', 'auditor')
  @ApiOkResponse({ type: ApplicationSummaryPageDto })
  @ApiOperation({ operationId: 'listApplications', summary: "The member state's case queue: filter, paginate" })
  @consistentWithHeader
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListApplicationsQueryDto,
    @Headers(CONSISTENT_WITH_HEADER) position?: string,
  ) {
    return this.queryBus.execute(new ListApplications(principal, query, parseConsistentWith(position)));
  }

  @Get(':id')
  @Roles('caseworker', 'approver', 'auditor')
  @ApiVersionedRead(ApplicationDetailDto)
  @ApiOperation({ operationId: 'getApplication', summary: 'One application with its assessment state' })
  @consistentWithHeader
  detail(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Headers(CONSISTENT_WITH_HEADER) position?: string,
  ) {
    return this.queryBus.execute(new GetApplication(principal, id, parseConsistentWith(position)));
  }

  @Get(':id/history')
  @Roles('caseworker', 'approver', 'auditor')
  @ApiOkResponse({ type: [HistoryEntryDto] })
  @ApiOperation({
    operationId: 'getApplicationHistory',
    summary: 'Every event of the application: who did what, when, on which grounds',
  })
  history(@CurrentPrincipal() principal: Principal, @Param('id', new ParseUUIDPipe()) id: string) {
    return this.queryBus.execute(new GetApplicationHistory(principal, id));
  }

  @Post(':id/assign')
  @HttpCode(200)
  @Roles('caseworker', 'approver')
  @ApiOperation({ operationId: 'assignCaseworker', summary: 'Assign a caseworker and start the assessment' })
  @ApiBody({ type: AssignCaseworkerDto, examples: { assign: { value: examples.EXAMPLE_ASSIGN_CASEWORKER } } })
  @ifMatchHeader
  @ApiResponse({ status: 200, type: WriteResultDto })
  assign(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: AssignCaseworkerDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(id, principal, request, reply, { type: 'StartAssessment', data: { caseworker: body.caseworker } });
  }

  @Post(':id/classify')
  @HttpCode(200)
  @Roles('caseworker')
  @ApiOperation({ operationId: 'classifyItem', summary: "Confirm, change or un-list an item's Annex I entry" })
  @ApiBody({ type: ClassifyItemDto, examples: { confirm: { value: examples.EXAMPLE_CLASSIFY_ITEM } } })
  @ifMatchHeader
  @ApiResponse({ status: 200, type: WriteResultDto })
  classify(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ClassifyItemDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(id, principal, request, reply, { type: 'ClassifyItem', data: body });
  }

  @Post(':id/flag')
  @HttpCode(200)
  @Roles('caseworker')
  @ApiOperation({ operationId: 'raiseRiskFlag', summary: 'Raise an Art 15 risk flag' })
  @ApiBody({ type: RaiseRiskFlagDto, examples: { humanRights: { value: examples.EXAMPLE_RAISE_RISK_FLAG } } })
  @ifMatchHeader
  @ApiResponse({ status: 200, type: WriteResultDto })
  flag(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RaiseRiskFlagDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(id, principal, request, reply, {
      type: 'RaiseRiskFlag',
      data: { flagId: body.flagId ?? crypto.randomUUID(), ground: body.ground, note: body.note },
    });
  }

  @Post(':id/clear-flag')
  @HttpCode(200)
  @Roles('caseworker')
  @ApiOperation({ operationId: 'clearRiskFlag', summary: 'Clear a risk flag, with the reason' })
  @ApiBody({ type: ClearRiskFlagDto, examples: { clear: { value: examples.EXAMPLE_CLEAR_RISK_FLAG } } })
  @ifMatchHeader
  @ApiResponse({ status: 200, type: WriteResultDto })
  clearFlag(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ClearRiskFlagDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(id, principal, request, reply, { type: 'ClearRiskFlag', data: body });
  }

  @Post(':id/propose-decision')
  @HttpCode(200)
  @Roles('caseworker')
  @ApiOperation({ operationId: 'proposeDecision', summary: "The caseworker's proposed decision" })
  @ApiBody({ type: ProposeDecisionDto, examples: { grant: { value: examples.EXAMPLE_PROPOSE_DECISION } } })
  @ifMatchHeader
  @ApiResponse({ status: 200, type: WriteResultDto })
  propose(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ProposeDecisionDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(id, principal, request, reply, { type: 'ProposeDecision', data: body });
  }

  @Post(':id/decide')
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({
    operationId: 'issueDecision',
    summary: "The approver's decision (four-eyes: not the proposer); a grant issues the licence",
  })
  @ApiBody({ type: IssueDecisionDto, examples: { grant: { value: examples.EXAMPLE_ISSUE_DECISION } } })
  @ifMatchHeader
  @ApiResponse({ status: 200, type: WriteResultDto })
  async decide(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: IssueDecisionDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const write = principalWrite(principal, request, { type: 'IssueDecision', data: body }) as DecisionRequest;
    return answerWrite(reply, await this.commandBus.execute(new DecideApplication(id, write)));
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Roles('caseworker')
  @ApiOperation({ operationId: 'withdrawApplication', summary: 'Record that the applicant withdrew the application' })
  @ApiBody({ type: WithdrawApplicationDto, examples: { withdraw: { value: examples.EXAMPLE_WITHDRAW_APPLICATION } } })
  @ifMatchHeader
  @ApiResponse({ status: 200, type: WriteResultDto })
  withdraw(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: WithdrawApplicationDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(id, principal, request, reply, { type: 'WithdrawApplication', data: body });
  }

  @Post(':id/amend')
  @HttpCode(200)
  @Roles('caseworker')
  @ApiOperation({
    operationId: 'amendApplication',
    summary: 'Replace the content before a decision (voids a pending proposal)',
  })
  @ApiBody({ type: AmendApplicationDto, examples: { amend: { value: examples.EXAMPLE_AMEND_APPLICATION } } })
  @ifMatchHeader
  @ApiResponse({ status: 200, type: WriteResultDto })
  amend(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: AmendApplicationDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(id, principal, request, reply, { type: 'AmendApplication', data: body });
  }

  private async run(
    id: string,
    principal: Principal,
    request: FastifyRequest,
    reply: FastifyReply,
    command: WithoutMetadata<ApplicationCommand>,
  ): Promise<WriteResult> {
    // The acting authority's validity caps (Art 12(3)) travel with the commands whose rules use them.
    const capped = withValidityCaps(command, capsOf(this.validityPolicy, principal.ms));
    const write = new ApplicationWrite(id, principalWrite(principal, request, capped));
    return answerWrite(reply, await this.commandBus.execute(write));
  }
}
