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
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, Principal, Public, Roles } from '@dul/auth';
import type {
  GeneralAuthorisationSettings,
  GeneralAuthorisationSettingsByMemberState,
  GeneralAuthorisationSubject,
  GeneralAuthorisationUserCommand,
  MemberStateCode,
} from '@dul/domain';
import { generalAuthorisationSettingsFor, refuse } from '@dul/domain';
import { ApiVersionedRead, CONSISTENT_WITH_HEADER, parseConsistentWith } from '@dul/platform';
import type { WithoutMetadata, WriteResult } from '@dul/platform';
import { answerWrite, correlationIdOf, principalWrite, WriteResultDto } from '@dul/http';
import { registrationIdFor } from '../public/general-authorisation.aggregates';
import { GeneralAuthorisationUserWrite, NationalGeneralAuthorisationWrite } from '../public/licensing.commands';
import {
  GetCurrentGeneralAuthorisation,
  GetGeneralAuthorisationCatalogue,
  GetGeneralAuthorisationVersions,
  GetRegistration,
  ListRegistrations,
} from '../licensing.queries';
import { GENERAL_AUTHORISATION_SETTINGS } from '../public/general-authorisation-settings';
import {
  GeaExporterDto,
  ListRegistrationsQueryDto,
  NotifyFirstUseDto,
  NotifyFirstUseWithoutRegistrationDto,
  PublishNationalGeneralAuthorisationDto,
  RecordGeaUseDto,
  RegisterForGeneralAuthorisationDto,
  ReinstateGeaRightDto,
  GeaReasonDto,
  SuspendGeaRightDto,
  WithdrawGeaRightDto,
} from './general-authorisations.dto';
import {
  GeneralAuthorisationCatalogueDto,
  GeneralAuthorisationSettingsDto,
  RegistrationDetailDto,
  RegistrationSummaryPageDto,
} from '../dto/answers.dto';

const ifMatchHeader = ApiHeader({
  name: 'If-Match',
  required: false,
  description: 'The version you last saw; 412 if stale',
});

const EXAMPLE_REGISTER = {
  authorisation: 'EU001',
  exporter: {
    name: 'Rhein Optics GmbH',
    identifier: { scheme: 'EORI', value: 'DE123456789012345' },
    address: 'Industriestr. 4, 50667 Köln',
  },
};
const EXAMPLE_USE = {
  useId: 'use-25DE1234567890ABCD',
  exportDate: '2025-03-05',
  destinationCountry: 'JP',
  declarationReference: '25DE1234567890ABCD',
  items: [
    {
      description: 'Uncooled thermal imaging camera',
      controlEntry: '6A003.b.4',
      hsCode: '90138090',
      quantity: 4,
      unit: 'pcs',
      value: 48000,
      currency: 'EUR',
    },
  ],
};

/**
 * General export authorisations (Art 12(1)(c)-(d), Annex II): the Union's EU001-EU008 and the member
 * states' national ones as published, and each authority's register of the exporters who use them.
 */
@ApiTags('general-authorisations')
@Controller('v1/general-authorisations')
export class GeneralAuthorisationsController {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly queryBus: QueryBus,
    @Inject(GENERAL_AUTHORISATION_SETTINGS) private readonly settings: GeneralAuthorisationSettingsByMemberState,
  ) {}

  @Get()
  @Public()
  @ApiOkResponse({ type: GeneralAuthorisationCatalogueDto })
  @ApiOperation({
    operationId: 'listGeneralAuthorisations',
    summary: 'EU001-EU008 and every national general authorisation, with all versions and their scopes',
    description:
      "Union scopes (EU001-EU008) follow Annex II's text; each `source` names the copy read, and " +
      '`summary: true` would mark a scope that is only a summary (none is today; see docs/general-authorisations.md).',
  })
  catalogue(@Headers(CONSISTENT_WITH_HEADER) position?: string) {
    return this.queryBus.execute(new GetGeneralAuthorisationCatalogue(parseConsistentWith(position)));
  }

  @Get('settings')
  @ApiBearerAuth()
  @Roles('caseworker', 'approver', 'auditor')
  @ApiOkResponse({ type: GeneralAuthorisationSettingsDto })
  @ApiOperation({
    operationId: 'getGeneralAuthorisationSettings',
    summary: "The caller's member-state settings: registration before first use, first-use deadline (GEA_SETTINGS)",
  })
  memberStateSettings(
    @CurrentPrincipal() principal: Principal,
  ): GeneralAuthorisationSettings & { memberState: string } {
    const memberState = memberStateOf(principal);
    return { memberState, ...generalAuthorisationSettingsFor(memberState, this.settings) };
  }

  @Post('national')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles('approver')
  @ApiOperation({
    operationId: 'publishNationalGeneralAuthorisation',
    summary: 'Publish a national general authorisation, or a new version of one (in force from validFrom)',
  })
  @ApiBody({
    type: PublishNationalGeneralAuthorisationDto,
    examples: {
      publish: {
        value: {
          code: 'DE-AGG12',
          title: 'Allgemeine Genehmigung Nr. 12: information security items',
          validFrom: '2026-01-01',
          citation: 'BAnz AT 01.12.2025 B1',
          scope: {
            destinations: { kind: 'ONLY', countries: ['KR', 'BR'], condition: 'AGG 12 Annex 2: destinations' },
            items: { kind: 'ONLY', entries: ['5A002'], excluded: [], condition: 'AGG 12 Annex 1: items' },
            conditions: ['Not for a military end use'],
          },
        },
      },
    },
  })
  @ApiResponse({ status: 200, type: WriteResultDto })
  async publishNational(
    @Body() body: PublishNationalGeneralAuthorisationDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const { scope } = body;
    const items =
      scope.items.kind === 'ONLY'
        ? {
            kind: 'ONLY' as const,
            entries: scope.items.entries ?? [],
            excluded: scope.items.excluded,
            condition: scope.items.condition,
          }
        : { kind: 'ANNEX_I_EXCEPT' as const, excluded: scope.items.excluded, condition: scope.items.condition };
    // No If-Match here: each publication is a new version, whatever the client last saw.
    const write = new NationalGeneralAuthorisationWrite(body.code, {
      by: 'principal',
      command: {
        type: 'PublishNationalGeneralAuthorisation',
        data: { ...body, scope: { destinations: scope.destinations, items, conditions: scope.conditions } },
      },
      principal,
      correlationId: correlationIdOf(request),
    });
    return answerWrite(reply, await this.commandBus.execute(write));
  }

  @Get('registrations')
  @ApiBearerAuth()
  @Roles('caseworker', 'approver', 'auditor')
  @ApiOkResponse({ type: RegistrationSummaryPageDto })
  @ApiOperation({
    operationId: 'listGeneralAuthorisationRegistrations',
    summary: "The authority's register of general-authorisation users",
  })
  list(
    @CurrentPrincipal() principal: Principal,
    @Query() query: ListRegistrationsQueryDto,
    @Headers(CONSISTENT_WITH_HEADER) position?: string,
  ) {
    return this.queryBus.execute(new ListRegistrations(principal, query, parseConsistentWith(position)));
  }

  @Get('registrations/:id')
  @ApiBearerAuth()
  @Roles('caseworker', 'approver', 'auditor')
  @ApiVersionedRead(RegistrationDetailDto)
  @ApiOperation({
    operationId: 'getGeneralAuthorisationRegistration',
    summary: 'One registration with its status, first use and number of uses',
  })
  detail(
    @CurrentPrincipal() principal: Principal,
    @Param('id', new ParseUUIDPipe()) id: string,
    @Headers(CONSISTENT_WITH_HEADER) position?: string,
  ) {
    return this.queryBus.execute(new GetRegistration(principal, id, parseConsistentWith(position)));
  }

  @Post('registrations')
  @HttpCode(201)
  @ApiBearerAuth()
  @Roles('caseworker')
  @ApiOperation({
    operationId: 'registerGeneralAuthorisationUser',
    summary: 'Register an exporter established in the member state for a general authorisation (409 if registered)',
  })
  @ApiBody({ type: RegisterForGeneralAuthorisationDto, examples: { eu001: { value: EXAMPLE_REGISTER } } })
  @ApiResponse({ status: 201, type: WriteResultDto })
  async register(
    @Body() body: RegisterForGeneralAuthorisationDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const subject = await this.subjectOf(principal, body.authorisation, body.exporter);
    return this.run(subject.registrationId, principal, request, reply, {
      type: 'RegisterForGeneralAuthorisation',
      data: subject,
    });
  }

  @Post('first-use')
  @HttpCode(201)
  @ApiBearerAuth()
  @Roles('caseworker')
  @ApiOperation({
    operationId: 'notifyFirstUseWithoutRegistration',
    summary:
      'Notify a first use without a prior registration (refused where the member state requires registration first)',
  })
  @ApiBody({
    type: NotifyFirstUseWithoutRegistrationDto,
    examples: { eu001: { value: { ...EXAMPLE_REGISTER, firstExportDate: '2025-03-01' } } },
  })
  @ApiResponse({ status: 201, type: WriteResultDto })
  async firstUseWithoutRegistration(
    @Body() body: NotifyFirstUseWithoutRegistrationDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const subject = await this.subjectOf(principal, body.authorisation, body.exporter);
    return this.run(subject.registrationId, principal, request, reply, {
      type: 'NotifyGeneralAuthorisationFirstUse',
      data: { firstExportDate: body.firstExportDate, settings: this.settingsOf(principal), subject },
    });
  }

  @Post('registrations/:id/first-use')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles('caseworker')
  @ApiOperation({
    operationId: 'notifyFirstUse',
    summary: 'Notify the first use; flagged late after the member state deadline (default 30 days)',
  })
  @ApiBody({ type: NotifyFirstUseDto, examples: { firstUse: { value: { firstExportDate: '2025-03-01' } } } })
  @ifMatchHeader
  @ApiResponse({ status: 200, type: WriteResultDto })
  firstUse(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: NotifyFirstUseDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(id, principal, request, reply, {
      type: 'NotifyGeneralAuthorisationFirstUse',
      data: { firstExportDate: body.firstExportDate, settings: this.settingsOf(principal) },
    });
  }

  @Post('registrations/:id/uses')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles('caseworker')
  @ApiOperation({
    operationId: 'recordGeneralAuthorisationUse',
    summary: 'Record one export under the authorisation; outside its scope is refused (422) with the condition named',
  })
  @ApiBody({ type: RecordGeaUseDto, examples: { japan: { value: EXAMPLE_USE } } })
  @ifMatchHeader
  @ApiResponse({ status: 200, type: WriteResultDto })
  @ApiResponse({
    status: 422,
    description: "rule 'outside-authorisation-scope', 'user-suspended', 'registration-before-first-use', ...",
  })
  async recordUse(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: RecordGeaUseDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const registration = await this.queryBus.execute(new GetRegistration(principal, id)).catch(() => null);
    const versions =
      registration === null
        ? []
        : await this.queryBus.execute(new GetGeneralAuthorisationVersions(registration.authorisation));
    return this.run(id, principal, request, reply, {
      type: 'RecordGeneralAuthorisationUse',
      data: { ...body, useId: body.useId ?? crypto.randomUUID(), versions, settings: this.settingsOf(principal) },
    });
  }

  @Post('registrations/:id/refuse')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles('approver')
  @ApiOperation({
    operationId: 'refuseGeneralAuthorisationRegistration',
    summary: 'Refuse the registration (before any use; afterwards, withdraw)',
  })
  @ApiBody({ type: GeaReasonDto })
  @ifMatchHeader
  @ApiResponse({ status: 200, type: WriteResultDto })
  refuse(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: GeaReasonDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(id, principal, request, reply, { type: 'RefuseGeneralAuthorisationRegistration', data: body });
  }

  @Post('registrations/:id/suspend')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles('approver')
  @ApiOperation({
    operationId: 'suspendGeneralAuthorisationRight',
    summary: 'Suspend the right to use the authorisation; a denial in substance is notified to every member state',
  })
  @ApiBody({
    type: SuspendGeaRightDto,
    examples: {
      suspend: {
        value: {
          reason: 'Suspected diversion to a non-covered destination',
          grounds: ['END_USE_AND_DIVERSION'],
          denialInSubstance: true,
        },
      },
    },
  })
  @ifMatchHeader
  @ApiResponse({ status: 200, type: WriteResultDto })
  suspend(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: SuspendGeaRightDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(id, principal, request, reply, { type: 'SuspendGeneralAuthorisationRight', data: body });
  }

  @Post('registrations/:id/reinstate')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles('approver')
  @ApiOperation({
    operationId: 'reinstateGeneralAuthorisationRight',
    summary: 'Reinstate a suspended right with the final assessment',
  })
  @ApiBody({ type: ReinstateGeaRightDto })
  @ifMatchHeader
  @ApiResponse({ status: 200, type: WriteResultDto })
  reinstate(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ReinstateGeaRightDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(id, principal, request, reply, { type: 'ReinstateGeneralAuthorisationRight', data: body });
  }

  @Post('registrations/:id/withdraw')
  @HttpCode(200)
  @ApiBearerAuth()
  @Roles('approver')
  @ApiOperation({
    operationId: 'withdrawGeneralAuthorisationRight',
    summary: 'Withdraw the right to use the authorisation (Art 12(6)); notified to every member state',
  })
  @ApiBody({ type: WithdrawGeaRightDto })
  @ifMatchHeader
  @ApiResponse({ status: 200, type: WriteResultDto })
  withdraw(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: WithdrawGeaRightDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    return this.run(id, principal, request, reply, { type: 'WithdrawGeneralAuthorisationRight', data: body });
  }

  private async subjectOf(
    principal: Principal,
    authorisation: string,
    exporter: GeaExporterDto,
  ): Promise<GeneralAuthorisationSubject> {
    const memberState = memberStateOf(principal);
    return {
      registrationId: registrationIdFor(memberState, authorisation, exporter.identifier),
      authorisation: await this.queryBus.execute(new GetCurrentGeneralAuthorisation(authorisation)),
      exporter,
    };
  }

  private settingsOf(principal: Principal): GeneralAuthorisationSettings {
    return generalAuthorisationSettingsFor(memberStateOf(principal), this.settings);
  }

  private async run(
    id: string,
    principal: Principal,
    request: FastifyRequest,
    reply: FastifyReply,
    command: WithoutMetadata<GeneralAuthorisationUserCommand>,
  ): Promise<WriteResult> {
    const write = new GeneralAuthorisationUserWrite(id, principalWrite(principal, request, command));
    return answerWrite(reply, await this.commandBus.execute(write));
  }
}

function memberStateOf(principal: Principal): MemberStateCode {
  if (principal.ms === null) throw refuse.forbidden('authority-boundary', 'only a member-state authority acts here');
  return principal.ms;
}
