import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@dul/auth';
import type { GeneralAuthorisationVersion } from '@dul/domain';
import { refuse, UNION_GENERAL_AUTHORISATIONS } from '@dul/domain';
import type { EventStore } from '@dul/event-store';
import { aggregateStream, EVENT_STORE } from '@dul/event-store';
import { ReadConsistency } from '@dul/platform';
import type { ProjectionStore } from '@dul/projections';
import { PROJECTION_STORE } from '@dul/projections';
import { readPage } from '@dul/http';
import type { Page } from '../applications/application-queries';
import { nationalGeneralAuthorisationAggregate } from '../public/general-authorisation.aggregates';
import type { ListRegistrationsQueryDto } from './general-authorisations.dto';
import type {
  NationalAuthorisationDocument,
  RegistrationDocument,
} from './general-authorisation-registrations.projection';
import {
  GEA_REGISTRATIONS_PROJECTION,
  NATIONAL_GEAS_PROJECTION,
} from './general-authorisation-registrations.projection';

export type RegistrationSummary = Omit<RegistrationDocument, 'user'>;

/** One general authorisation with all its versions. */
export interface GeneralAuthorisationEntry {
  readonly code: string;
  readonly kind: GeneralAuthorisationVersion['kind'];
  readonly memberState: string | null;
  readonly versions: readonly GeneralAuthorisationVersion[];
}

/** The general authorisations (Union, and every member state's national ones) and the authority's users. */
@Injectable()
export class GeneralAuthorisationQueries {
  constructor(
    @Inject(PROJECTION_STORE) private readonly readModels: ProjectionStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly consistency: ReadConsistency,
  ) {}

  async catalogue(consistentWith?: number): Promise<{ items: GeneralAuthorisationEntry[]; consistent: boolean }> {
    const consistent = await this.consistency.waitFor(NATIONAL_GEAS_PROJECTION, consistentWith);
    const national = await this.readModels.findDocuments<NationalAuthorisationDocument>(NATIONAL_GEAS_PROJECTION, {
      limit: 500,
    });
    const union = UNION_GENERAL_AUTHORISATIONS.map((version) => ({
      code: version.code,
      kind: version.kind,
      memberState: null,
      versions: [version],
    }));
    const nationals = national.map((document) => ({
      code: document.code,
      kind: 'NATIONAL' as const,
      memberState: document.memberState,
      versions: document.versions,
    }));
    return { items: [...union, ...nationals], consistent };
  }

  /**
   * Every version of an authorisation, read from its stream (not the read model) so that a use is
   * judged against what is published now, not against a projection that may lag.
   */
  async versionsOf(code: string): Promise<readonly GeneralAuthorisationVersion[]> {
    const union = UNION_GENERAL_AUTHORISATIONS.filter((version) => version.code === code);
    if (union.length > 0) return union;
    const { decider, category } = nationalGeneralAuthorisationAggregate;
    const { versions } = (await aggregateStream(this.store, decider, category.streamOf(code))).state;
    if (versions.length === 0) {
      throw refuse.notFound('general-authorisation-not-found', `no general authorisation ${code}`);
    }
    return versions;
  }

  /** The version a new registration is made under: the latest published. */
  async current(code: string): Promise<GeneralAuthorisationVersion> {
    const versions = await this.versionsOf(code);
    return versions[versions.length - 1] as GeneralAuthorisationVersion;
  }

  async list(
    principal: Principal,
    query: ListRegistrationsQueryDto,
    consistentWith?: number,
  ): Promise<Page<RegistrationSummary>> {
    const consistent = await this.consistency.waitFor(GEA_REGISTRATIONS_PROJECTION, consistentWith);
    const filter = {
      where: {
        authority: principal.ms ?? '',
        ...(query.authorisation && { authorisation: query.authorisation }),
        ...(query.status && { status: query.status }),
      },
    };
    const { limit, offset } = query;
    const page = await readPage(
      this.readModels,
      GEA_REGISTRATIONS_PROJECTION,
      filter,
      { limit, offset, cursor: query.cursor, omit: ['user'] },
      ({ user: _user, ...summary }: RegistrationDocument) => summary,
    );
    return { ...page, consistent };
  }

  async detail(
    principal: Principal,
    id: string,
    consistentWith?: number,
  ): Promise<RegistrationDocument & { consistent: boolean }> {
    const consistent = await this.consistency.waitFor(GEA_REGISTRATIONS_PROJECTION, consistentWith);
    const document = await this.readModels.getDocument<RegistrationDocument>(GEA_REGISTRATIONS_PROJECTION, id);
    if (!document || document.authority !== principal.ms) {
      throw refuse.notFound('registration-not-found', `no registration ${id}`);
    }
    return { ...document, consistent };
  }
}
