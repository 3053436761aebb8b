import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, Principal, Roles } from '@dul/auth';
import type { ReviewDenial } from '@dul/domain';
import { entriesOverlap, nameSimilarity, preparePartyName, refuse } from '@dul/domain';
import type { Clock } from '@dul/platform';
import { ApiVersionedRead, CLOCK } from '@dul/platform';
import type { ProjectionStore } from '@dul/projections';
import { PROJECTION_STORE } from '@dul/projections';
import { answerWrite, principalWrite, WriteResultDto } from '@dul/http';
import type { WriteResult } from '@dul/platform';
import { DenialWrite } from '../public/consultation.commands';
import { ListDenialsQueryDto, ReviewDenialDto, ScreenTransactionDto } from '../consultation.dto';
import { ScreeningService } from '../screening/screening.service';
import type { DenialDocument } from './denial-register.projection';
import { DENIALS_PROJECTION } from './denial-register.projection';
import { DenialDetailDto, DenialListItemPageDto, ScreeningReviewDto } from '../consultation-answers.dto';

const SCAN_LIMIT = 5000;
/** A name counts as "the same end user" for the register's filter at the screening's party threshold. */
const END_USER_FILTER_SIMILARITY = 0.8;

/**
 * The EU denial register: every member state's denials in force, for every authority and the
 * Commission. Only the issuing member state reviews its own denial.
 */
@ApiTags('denials')
@ApiBearerAuth()
@Controller('v1/denials')
export class DenialsController {
  constructor(
    @Inject(PROJECTION_STORE) private readonly readModels: ProjectionStore,
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly screening: ScreeningService,
  ) {}

  @Get()
  @Roles('caseworker', 'approver', 'auditor', 'commission')
  @ApiOkResponse({ type: DenialListItemPageDto })
  @ApiOperation({
    operationId: 'listDenials',
    summary: 'Denials in force from every member state; filter by destination, control entry, end user',
  })
  async list(@Query() query: ListDenialsQueryDto) {
    const documents = await this.readModels.findDocuments<DenialDocument>(DENIALS_PROJECTION, {
      where: {
        status: 'IN_FORCE',
        ...(query.destination && { destination: query.destination === 'EL' ? 'GR' : query.destination }),
        ...(query.issuingMemberState && { issuingMemberState: query.issuingMemberState }),
        ...(query.reviewOverdue !== undefined && { reviewOverdue: query.reviewOverdue }),
      },
      // No time filter: a denial never lapses (Art 16(2)); an overdue review is the reviewOverdue flag.
      limit: SCAN_LIMIT,
    });
    // Overlap (parent and child entries) and name likeness are not equality: filtered here, as screening does.
    const wanted = query.endUser ? preparePartyName(query.endUser) : null;
    const matching = documents.filter(
      (document) =>
        (!query.controlEntry ||
          document.controlEntries.some((entry) => entriesOverlap(entry, query.controlEntry ?? ''))) &&
        (!wanted || nameSimilarity(wanted, preparePartyName(document.endUser)) >= END_USER_FILTER_SIMILARITY),
    );
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    return {
      items: matching
        .slice(offset, offset + limit)
        .map(({ denial, ...summary }) => ({ ...summary, grounds: denial.grounds })),
      total: matching.length,
      limit,
      offset,
    };
  }

  @Get(':id')
  @Roles('caseworker', 'approver', 'auditor', 'commission')
  @ApiVersionedRead(DenialDetailDto)
  @ApiOperation({ operationId: 'getDenial', summary: 'One register entry with what matching needs' })
  async detail(@Param('id', new ParseUUIDPipe()) id: string) {
    const document = await this.readModels.getDocument<DenialDocument>(DENIALS_PROJECTION, id);
    if (!document) throw refuse.notFound('denial-not-found', `no denial ${id}`);
    return document;
  }

  @Post('screen')
  @HttpCode(200)
  @Roles('caseworker', 'approver')
  @ApiOkResponse({ type: ScreeningReviewDto })
  @ApiOperation({
    operationId: 'screenTransaction',
    summary:
      'Dry run: which denials in force would this transaction match, which parties are possibly related, and why the nearest others do not match (nothing is recorded)',
  })
  async screen(@CurrentPrincipal() principal: Principal, @Body() body: ScreenTransactionDto) {
    // matches, related (for a human look, never a consultation) and nearMisses (why nothing matched).
    return this.screening.review({
      issuingMemberState: principal.ms ?? '',
      controlEntries: body.controlEntries,
      destinationCountry: body.destinationCountry,
      endUser: body.endUser,
      consignee: body.consignee ?? null,
    });
  }

  @Post(':id/review')
  @HttpCode(200)
  @Roles('approver')
  @ApiOkResponse({ type: WriteResultDto })
  @ApiOperation({
    operationId: 'reviewDenial',
    summary: 'The issuing member state renews, amends or revokes its denial (Art 16(2))',
  })
  @ApiHeader({ name: 'If-Match', required: false, description: 'The version you last saw; 412 if stale' })
  async review(
    @Param('id', new ParseUUIDPipe()) id: string,
    @Body() body: ReviewDenialDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    const data: ReviewDenial['data'] =
      body.decision === 'RENEW'
        ? { decision: 'RENEW', ...(body.note !== undefined && { note: body.note }) }
        : body.decision === 'AMEND'
          ? { decision: 'AMEND', amendments: body.amendments ?? {}, note: body.note ?? '' }
          : { decision: 'REVOKE', reason: body.reason ?? '' };
    const command: Omit<ReviewDenial, 'metadata'> = { type: 'ReviewDenial', data };
    const write = new DenialWrite(id, principalWrite(principal, request, command));
    return answerWrite(reply, await this.commandBus.execute(write));
  }
}
