import { QueryHandler } from '@nestjs/cqrs';
import type { IQueryHandler } from '@nestjs/cqrs';
import { Query } from '@nestjs/cqrs';
import type { Principal } from '@dul/auth';
import { ApplicationQueries } from './applications/application-queries';
import type { ListApplicationsQueryDto, ListLicencesQueryDto } from './dto/queries.dto';
import { GeneralAuthorisationQueries } from './general-authorisations/general-authorisation-queries';
import type { ListRegistrationsQueryDto } from './general-authorisations/general-authorisations.dto';
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

/** EU001-EU008 and every national general authorisation (GET /v1/general-authorisations). */
export class GetGeneralAuthorisationCatalogue extends Query<Answer<GeneralAuthorisationQueries['catalogue']>> {
  constructor(readonly consistentWith?: number) {
    super();
  }
}

/** Every published version of one general authorisation, oldest first; the last is current. */
export class GetGeneralAuthorisationVersions extends Query<Answer<GeneralAuthorisationQueries['versionsOf']>> {
  constructor(readonly code: string) {
    super();
  }
}

/** The version a new registration is made under: the latest published. */
export class GetCurrentGeneralAuthorisation extends Query<Answer<GeneralAuthorisationQueries['current']>> {
  constructor(readonly code: string) {
    super();
  }
}

/** The authority's register of general-authorisation users (GET /v1/general-authorisations/registrations). */
export class ListRegistrations extends Query<Answer<GeneralAuthorisationQueries['list']>> {
  constructor(
    readonly principal: Principal,
    readonly filter: ListRegistrationsQueryDto,
    readonly consistentWith?: number,
  ) {
    super();
  }
}

/** One registration (GET /v1/general-authorisations/registrations/:id). */
export class GetRegistration extends Query<Answer<GeneralAuthorisationQueries['detail']>> {
  constructor(
    readonly principal: Principal,
    readonly id: string,
    readonly consistentWith?: number,
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

@QueryHandler(GetGeneralAuthorisationCatalogue)
export class GetGeneralAuthorisationCatalogueHandler implements IQueryHandler<GetGeneralAuthorisationCatalogue> {
  constructor(private readonly generalAuthorisations: GeneralAuthorisationQueries) {}
  execute(query: GetGeneralAuthorisationCatalogue) {
    return this.generalAuthorisations.catalogue(query.consistentWith);
  }
}

@QueryHandler(GetGeneralAuthorisationVersions)
export class GetGeneralAuthorisationVersionsHandler implements IQueryHandler<GetGeneralAuthorisationVersions> {
  constructor(private readonly generalAuthorisations: GeneralAuthorisationQueries) {}
  execute(query: GetGeneralAuthorisationVersions) {
    return this.generalAuthorisations.versionsOf(query.code);
  }
}

@QueryHandler(GetCurrentGeneralAuthorisation)
export class GetCurrentGeneralAuthorisationHandler implements IQueryHandler<GetCurrentGeneralAuthorisation> {
  constructor(private readonly generalAuthorisations: GeneralAuthorisationQueries) {}
  execute(query: GetCurrentGeneralAuthorisation) {
    return this.generalAuthorisations.current(query.code);
  }
}

@QueryHandler(ListRegistrations)
export class ListRegistrationsHandler implements IQueryHandler<ListRegistrations> {
  constructor(private readonly generalAuthorisations: GeneralAuthorisationQueries) {}
  execute(query: ListRegistrations) {
    return this.generalAuthorisations.list(query.principal, query.filter, query.consistentWith);
  }
}

@QueryHandler(GetRegistration)
export class GetRegistrationHandler implements IQueryHandler<GetRegistration> {
  constructor(private readonly generalAuthorisations: GeneralAuthorisationQueries) {}
  execute(query: GetRegistration) {
    return this.generalAuthorisations.detail(query.principal, query.id, query.consistentWith);
  }
}

export const LICENSING_QUERY_HANDLERS = [
  ListApplicationsHandler,
  GetApplicationHandler,
  GetApplicationHistoryHandler,
  ListLicencesHandler,
  GetLicenceHandler,
  GetLicenceHistoryHandler,
  GetGeneralAuthorisationCatalogueHandler,
  GetGeneralAuthorisationVersionsHandler,
  GetCurrentGeneralAuthorisationHandler,
  ListRegistrationsHandler,
  GetRegistrationHandler,
];
