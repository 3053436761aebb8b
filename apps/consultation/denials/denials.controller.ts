import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, Principal, Roles } from '@dul/auth';
import type { ReviewDenial } from '@dul/domain';
import { ApiVersionedRead } from '@dul/platform';
import { answerWrite, principalWrite, WriteResultDto } from '@dul/http';
import type { WriteResult } from '@dul/platform';
import { DenialWrite } from '../public/consultation.commands';
import { ListDenialsQueryDto, ReviewDenialDto, ScreenTransactionDto } from '../consultation.dto';
import { GetDenial, ListDenials, ReviewScreening } from '../consultation.queries';
import { DenialDetailDto, DenialListItemPageDto, ScreeningReviewDto } from '../consultation-answers.dto';

/**
 * The EU denial register: every member state's denials in force, for every authority and the
 * Commission. Only the issuing member state reviews its own denial.
 */
@ApiTags('denials')
@ApiBearerAuth()
@Controller('v1/denials')
export class DenialsController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly commandBus: CommandBus,
  ) {}

  @Get()
  @Roles('caseworker', 'approver', 'auditor', 'commission')
  @ApiOkResponse({ type: DenialListItemPageDto })
  @ApiOperation({
    operationId: 'listDenials',
    summary: 'Denials in force from every member state; filter by destination, control entry, end user',
  })
  list(@Query() query: ListDenialsQueryDto) {
    return this.queryBus.execute(new ListDenials(query));
  }

  @Get(':id')
  @Roles('caseworker', 'approver', 'auditor', 'commission')
  @ApiVersionedRead(DenialDetailDto)
  @ApiOperation({ operationId: 'getDenial', summary: 'One register entry with what matching needs' })
  detail(@Param('id', new ParseUUIDPipe()) id: string) {
    return this.queryBus.execute(new GetDenial(id));
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
  screen(@CurrentPrincipal() principal: Principal, @Body() body: ScreenTransactionDto) {
    return this.queryBus.execute(new ReviewScreening(principal, body));
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
