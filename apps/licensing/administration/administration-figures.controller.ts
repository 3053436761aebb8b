import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CommandBus } from '@nestjs/cqrs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { CurrentPrincipal, Principal, Roles } from '@dul/auth';
import { administrationRecordId, refuse } from '@dul/domain';
import type { WriteResult } from '@dul/platform';
import { AdministrationFiguresWrite } from '../public/licensing.commands';
import { RecordAdministrationFiguresDto } from '../general-authorisations/general-authorisations.dto';
import { answerWrite, correlationIdOf, WriteResultDto } from '@dul/http';

/** The administration and enforcement figures an authority reports for the Art 26 annual report. */
@ApiTags('reports')
@ApiBearerAuth()
@Controller('v1/administration-figures')
export class AdministrationFiguresController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(200)
  @Roles('approver')
  @ApiOperation({
    operationId: 'recordAdministrationFigures',
    summary: "Enter the year's staff, outreach, infringements and penalties (the whole set; a later entry replaces it)",
  })
  @ApiBody({
    type: RecordAdministrationFiguresDto,
    examples: {
      year: {
        value: {
          year: 2025,
          staffFte: 112.5,
          outreachEvents: 40,
          infringements: 7,
          penalties: 3,
          penaltiesValueEur: 125000,
        },
      },
    },
  })
  @ApiResponse({ status: 200, type: WriteResultDto })
  async record(
    @Body() body: RecordAdministrationFiguresDto,
    @CurrentPrincipal() principal: Principal,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<WriteResult> {
    if (principal.ms === null)
      throw refuse.forbidden('authority-boundary', 'only a member-state authority reports these');
    const id = administrationRecordId(principal.ms, body.year);
    // No If-Match: a later entry replaces the year's figures whole.
    const write = new AdministrationFiguresWrite(id, {
      by: 'principal',
      command: { type: 'RecordAdministrationFigures', data: body },
      principal,
      correlationId: correlationIdOf(request),
    });
    return answerWrite(reply, await this.commandBus.execute(write));
  }
}
