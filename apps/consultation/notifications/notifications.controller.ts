import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Principal, Roles } from '@dul/auth';
import type { ProjectionStore } from '@dul/projections';
import { PROJECTION_STORE } from '@dul/projections';
import { ListNotificationsQueryDto } from '../consultation.dto';
import type { NotificationDocument } from './notifications.projection';
import { NOTIFICATIONS_PROJECTION } from './notifications.projection';
import { NotificationPageDto } from '../consultation-answers.dto';

/** Art 16 notifications addressed to the caller's member state, or to the Commission. */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1/notifications')
export class NotificationsController {
  constructor(@Inject(PROJECTION_STORE) private readonly readModels: ProjectionStore) {}

  @Get()
  @Roles('caseworker', 'approver', 'auditor', 'commission')
  @ApiOkResponse({ type: NotificationPageDto })
  @ApiOperation({
    operationId: 'listNotifications',
    summary:
      'Denials notified, their reviews (renewed, amended, revoked), grants despite a matching denial, and grants despite an Art 14(2) security-interest request, addressed to you',
  })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: ListNotificationsQueryDto) {
    const filter = {
      where: query.type ? { type: query.type } : undefined,
      contains: { recipients: principal.ms ?? 'COMMISSION' },
    };
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const [items, total] = await Promise.all([
      this.readModels.findDocuments<NotificationDocument>(NOTIFICATIONS_PROJECTION, { ...filter, limit, offset }),
      this.readModels.countDocuments(NOTIFICATIONS_PROJECTION, filter),
    ]);
    return { items, total, limit, offset };
  }
}
