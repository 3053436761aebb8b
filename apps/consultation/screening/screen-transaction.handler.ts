import type { IQueryHandler } from '@nestjs/cqrs';
import { QueryHandler } from '@nestjs/cqrs';
import { ScreenTransactionQuery } from '../public/screening.query';
import { ScreeningService } from './screening.service';

@QueryHandler(ScreenTransactionQuery)
export class ScreenTransactionHandler implements IQueryHandler<ScreenTransactionQuery> {
  constructor(private readonly screening: ScreeningService) {}

  execute(query: ScreenTransactionQuery) {
    return this.screening.screen(query.candidate);
  }
}
