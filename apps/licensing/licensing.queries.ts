import { QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { Query } from '@nestjs/cqrs';
import type { Principal } from '@dul/auth';
import { ApplicationQueries } from './applications/application-queries';
import type { ListApplicationsQueryDto, ListLicencesQueryDto } from './dto/queries.dto';
import { LicenceQueries } from './licences/licence-queries';

type Answer<T extends (...args: never[]) => unknown> = Awaited<ReturnType<T>>;

/** The member state's case queue (GET /v1/applications). */
export class ListApplications extends Query<Answer<ApplicationQueries['list']>> {
  constructor(
    readonly principal: Principal,
    readonly filter: ListApplicationsQueryDto,
    readonly consistentWith?: number,
  ) {
    super();
  }
}

/** One application (GET /v1/applications/:id). */
export class GetApplication extends Query<Answer<ApplicationQueries['detail']>> {
  constructor(
    readonly principal: Principal,
    readonly id: string,
    readonly consistentWith?: number,
  ) {
    super();
  }
}

/** An application's events from the store (GET /v1/applications/:id/history). */
export class GetApplicationHistory extends Query<Answer<ApplicationQueries['history']>> {
  constructor(
    readonly principal: Principal,
    readonly id: string,
  ) {
    super();
  }
}

/** The licence register (GET /v1/licences). */
export class ListLicences extends Query<Answer<LicenceQueries['list']>> {
  constructor(
    readonly principal: Principal,
    readonly filter: ListLicencesQueryDto,
    readonly consistentWith?: number,
  ) {
    super();
  }
}

/** One licence (GET /v1/licences/:id). */
export class GetLicence extends Query<Answer<LicenceQueries['detail']>> {
  constructor(
    readonly principal: Principal,
    readonly id: string,
    readonly consistentWith?: number,
  ) {
    super();
  }
}

/** A licence's events and its application's, from the store (GET /v1/licences/:id/history). */
export class GetLicenceHistory extends Query<Answer<LicenceQueries['history']>> {
  constructor(
    readonly principal: Principal,
    readonly id: string,
  ) {
    super();
  }
}

@QueryHandler(ListApplications)
export class ListApplicationsHandler implements IQueryHandler<ListApplications> {
  constructor(private readonly applications: ApplicationQueries) {}
  execute(query: ListApplications) {
    return this.applications.list(query.principal, query.filter, query.consistentWith);
  }
}

@QueryHandler(GetApplication)
export class GetApplicationHandler implements IQueryHandler<GetApplication> {
  constructor(private readonly applications: ApplicationQueries) {}
  execute(query: GetApplication) {
    return this.applications.detail(query.principal, query.id, query.consistentWith);
  }
}

@QueryHandler(GetApplicationHistory)
export class GetApplicationHistoryHandler implements IQueryHandler<GetApplicationHistory> {
  constructor(private readonly applications: ApplicationQueries) {}
  execute(query: GetApplicationHistory) {
    return this.applications.history(query.principal, query.id);
  }
}

@QueryHandler(ListLicences)
export class ListLicencesHandler implements IQueryHandler<ListLicences> {
  constructor(private readonly licences: LicenceQueries) {}
  execute(query: ListLicences) {
    return this.licences.list(query.principal, query.filter, query.consistentWith);
  }
}

@QueryHandler(GetLicence)
export class GetLicenceHandler implements IQueryHandler<GetLicence> {
  constructor(private readonly licences: LicenceQueries) {}
  execute(query: GetLicence) {
    return this.licences.detail(query.principal, query.id, query.consistentWith);
  }
}

@QueryHandler(GetLicenceHistory)
export class GetLicenceHistoryHandler implements IQueryHandler<GetLicenceHistory> {
  constructor(private readonly licences: LicenceQueries) {}
  execute(query: GetLicenceHistory) {
    return this.licences.history(query.principal, query.id);
  }
}

export const LICENSING_QUERY_HANDLERS = [
  ListApplicationsHandler,
  GetApplicationHandler,
  GetApplicationHistoryHandler,
  ListLicencesHandler,
  GetLicenceHandler,
  GetLicenceHistoryHandler,
];
