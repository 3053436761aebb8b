import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@dul/auth';
import { refuse } from '@dul/domain';
import type { EventStore } from '@dul/event-store';
import { aggregateStream, EVENT_STORE } from '@dul/event-store';
import { ReadConsistency } from '@dul/platform';
import type { ProjectionStore } from '@dul/projections';
import { PROJECTION_STORE } from '@dul/projections';
import { readPage } from '@dul/http';
import type { Page } from '../applications/application-queries';
import { applicationAggregate, licenceAggregate } from '../public/application.aggregate';
import type { ListLicencesQueryDto } from '../dto/queries.dto';
import type { HistoryEntry } from '../history/history-entry';
import { historyEntryOf } from '../history/history-entry';
import type { LicenceDocument } from './licence-register.projection';
import { LICENCES_PROJECTION } from './licence-register.projection';

export type LicenceSummary = Omit<LicenceDocument, 'licence'>;

/** One event of a licence's record: of the application it was granted on, or of the licence itself. */
export interface LicenceHistoryEntry extends HistoryEntry {
  readonly stream: 'application' | 'licence';
}

/** The licence's whole record, in the order it was written: the application up to the grant, then the licence. */
export interface LicenceHistory {
  readonly licenceId: string;
  readonly applicationId: string;
  readonly authority: string;
  /** The licence's current version: what a write's If-Match carries. */
  readonly version: number;
  readonly events: readonly LicenceHistoryEntry[];
}

/** The member state's licence register, scoped to the caller's authority. */
@Injectable()
export class LicenceQueries {
  constructor(
    @Inject(PROJECTION_STORE) private readonly readModels: ProjectionStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly consistency: ReadConsistency,
  ) {}

  async list(
    principal: Principal,
    query: ListLicencesQueryDto,
    consistentWith?: number,
  ): Promise<Page<LicenceSummary>> {
    const consistent = await this.consistency.waitFor(LICENCES_PROJECTION, consistentWith);
    const filter = {
      where: {
        authority: principal.ms ?? '',
        ...(query.status && { status: query.status }),
        ...(query.destination && { destination: query.destination === 'EL' ? 'GR' : query.destination }),
      },
    };
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const page = await readPage(
      this.readModels,
      LICENCES_PROJECTION,
      filter,
      { limit, offset, cursor: query.cursor, omit: ['licence'] },
      ({ licence: _licence, ...summary }: LicenceDocument) => summary,
    );
    return { ...page, consistent };
  }

  async detail(
    principal: Principal,
    id: string,
    consistentWith?: number,
  ): Promise<LicenceDocument & { consistent: boolean }> {
    const consistent = await this.consistency.waitFor(LICENCES_PROJECTION, consistentWith);
    const document = await this.readModels.getDocument<LicenceDocument>(LICENCES_PROJECTION, id);
    if (!document || document.authority !== principal.ms) {
      throw refuse.notFound('licence-not-found', `no licence ${id}`);
    }
    return { ...document, consistent };
  }

  /**
   * Every event of the licence and of the application it came from, read from the event store itself:
   * who amended, suspended, reinstated, revoked, and every usage entry with its declaration, office,
   * date and official. The same boundary as the licence: another member state's licence is not found.
   */
  async history(principal: Principal, id: string): Promise<LicenceHistory> {
    const { state, version, events } = await aggregateStream(
      this.store,
      licenceAggregate.decider,
      licenceAggregate.category.streamOf(id),
    );
    if (state.status === 'NONE' || state.issuingMemberState !== principal.ms) {
      throw refuse.notFound('licence-not-found', `no licence ${id}`);
    }
    const application = await this.store.readStream(applicationAggregate.category.streamOf(state.applicationId));
    return {
      licenceId: state.licenceId,
      applicationId: state.applicationId,
      authority: state.issuingMemberState,
      version,
      events: [
        ...application.map((event) => ({ stream: 'application' as const, ...historyEntryOf(event) })),
        ...events.map((event) => ({ stream: 'licence' as const, ...historyEntryOf(event) })),
      ].sort((a, b) => a.position - b.position),
    };
  }

  /** The licence issued for an application, if any (the licence id is derived from the application's). */
  async forApplication(principal: Principal, applicationId: string): Promise<LicenceSummary[]> {
    const documents = await this.readModels.findDocuments<LicenceDocument>(LICENCES_PROJECTION, {
      where: { authority: principal.ms ?? '', applicationId },
    });
    return documents.map(({ licence: _licence, ...summary }) => summary);
  }
}
