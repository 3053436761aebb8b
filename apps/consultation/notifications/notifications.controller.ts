import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@dul/auth';
import { ListNotificationsQueryDto } from '../consultation.dto';
import { ListNotifications } from '../consultation.queries';
import { NotificationPageDto } from '../consultation-answers.dto';

/** Art 16 notifications addressed to the caller's member state, or to the Commission. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1/notifications')
export class NotificationsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Roles('caseworker', 'approver', 'auditor', 'commission')
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiOperation({
    operationId: 'listNotifications',
    summary:
      'Denials notified, their reviews (renewed, amended, revoked), grants despite a matching denial, and grants despite an Art 14(2) security-interest request, addressed to you',
  })
  list(@CurrentPrincipal() principal: Principal, @Query() query: ListNotificationsQueryDto) {
    return this.queryBus.execute(new ListNotifications(principal, query));
  }
}
