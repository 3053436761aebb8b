import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@dul/auth';
import { refuse, workingDaysBetween } from '@dul/domain';
import type { EventStore } from '@dul/event-store';
import { aggregateStream, EVENT_STORE } from '@dul/event-store';
import type { Clock } from '@dul/platform';
import { CLOCK, ReadConsistency } from '@dul/platform';
import type { ProjectionStore } from '@dul/projections';
import { matchesWhere, MAX_PAGE_SIZE, PROJECTION_STORE } from '@dul/projections';
import { readPage } from '@dul/http';
import { afterIdOf, nextCursorOf } from '@dul/http';
import { CONSULTATIONS_PROJECTION } from '../../consultation/public/consultation-board';
import { applicationAggregate } from '../public/application.aggregate';
import type { ListApplicationsQueryDto } from '../dto/queries.dto';
import type { HistoryEntry } from '../history/history-entry';
import { historyEntryOf } from '../history/history-entry';
import type { ApplicationDocument } from './application-queue.projection';
import { APPLICATIONS_PROJECTION } from './application-queue.projection';

export interface ApplicationSummary extends Omit<ApplicationDocument, 'application'> {
  /** The earliest deadline running on the case: an open Art 14 or Art 16 consultation's end. */
  readonly nextDeadline: string | null;
  /** Working days since submission in the authority's own calendar. */
  readonly ageWorkingDays: number;
  readonly overdue: boolean;
}

export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  /** The cursor of the next page (keyset paging), null on the last page. */
  readonly nextCursor: string | null;
  /** False when the read model had not caught up with x-consistent-with within the wait. */
  readonly consistent: boolean;
}

/** The member state's views of its applications, always scoped to the caller's authority. */
@Injectable()
export class ApplicationQueries {
  constructor(
    @Inject(PROJECTION_STORE) private readonly readModels: ProjectionStore,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly consistency: ReadConsistency,
  ) {}

  async list(
    principal: Principal,
    query: ListApplicationsQueryDto,
    consistentWith?: number,
  ): Promise<Page<ApplicationSummary>> {
    const consistent = await this.consistency.waitFor(APPLICATIONS_PROJECTION, consistentWith);
    const now = this.clock.now().toISOString();
    const where = {
      authority: principal.ms ?? '',
      ...(query.status && { status: query.status }),
      ...(query.assignee !== undefined && { assignee: query.assignee }),
      ...(query.kind && { kind: query.kind }),
      ...(query.destination && { destination: query.destination === 'EL' ? 'GR' : query.destination }),
    };
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const deadlines = await this.openDeadlines(principal);
    if (query.overdue === true) {
      // Overdue: a deadline running on the case has passed. Few cases at a time, so read them one by one.
      const afterId = afterIdOf(query.cursor);
      const overdueIds = [...deadlines]
        .filter(([id, endsAt]) => endsAt < now && (afterId === undefined || id > afterId))
        .map(([id]) => id)
        .sort();
      const entries = (
        await Promise.all(
          overdueIds.map(async (id) => ({
            id,
            document: await this.readModels.getDocument<ApplicationDocument>(APPLICATIONS_PROJECTION, id),
          })),
        )
      ).filter(
        (entry): entry is { id: string; document: ApplicationDocument } =>
          entry.document !== null && matchesWhere(entry.document, where),
      );
      const page = entries.slice(offset, offset + limit);
      return {
        items: page.map((entry) => this.summarise(entry.document, deadlines)),
        total: entries.length,
        limit,
        offset,
        nextCursor: nextCursorOf(page, limit),
        consistent,
      };
    }
    const page = await readPage(
      this.readModels,
      APPLICATIONS_PROJECTION,
      { where },
      // The embedded application is the bulk of each document and no summary shows it.
      { limit, offset, cursor: query.cursor, omit: ['application'] },
      (document: ApplicationListed) => this.summarise(document, deadlines),
    );
    return { ...page, consistent };
  }

  /**
   * The earliest deadline of each of the authority's cases: the consultations it runs (Art 14, Art 16)
   * that are still open, from the consultation board.
   */
  private async openDeadlines(principal: Principal): Promise<Map<string, string>> {
    const open = await this.readModels.findDocuments<{ applicationId: string | null; deadlineEndsAt: string }>(
      CONSULTATIONS_PROJECTION,
      { where: { requester: principal.ms ?? '', status: 'OPEN' }, limit: MAX_PAGE_SIZE * 10 },
    );
    const earliest = new Map<string, string>();
    for (const { applicationId, deadlineEndsAt } of open) {
      if (applicationId === null) continue;
      const known = earliest.get(applicationId);
      if (known === undefined || deadlineEndsAt < known) earliest.set(applicationId, deadlineEndsAt);
    }
    return earliest;
  }

  async detail(
    principal: Principal,
    id: string,
    consistentWith?: number,
  ): Promise<ApplicationSummary & { consistent: boolean; application: ApplicationDocument['application'] }> {
    const consistent = await this.consistency.waitFor(APPLICATIONS_PROJECTION, consistentWith);
    const document = await this.readModels.getDocument<ApplicationDocument>(APPLICATIONS_PROJECTION, id);
    if (!document || document.authority !== principal.ms) throw notFound(id);
    return {
      ...this.summarise(document, await this.openDeadlines(principal)),
      application: document.application,
      consistent,
    };
  }

  /** The application's events as recorded, read from the event store itself: the authoritative record. */
  async history(principal: Principal, id: string): Promise<HistoryEntry[]> {
    const { decider, category } = applicationAggregate;
    const { state, events } = await aggregateStream(this.store, decider, category.streamOf(id));
    if (state.status === 'NONE' || state.authority !== principal.ms) throw notFound(id);
    return events.map(historyEntryOf);
  }

  private summarise(document: ApplicationListed, deadlines: ReadonlyMap<string, string>): ApplicationSummary {
    const { application: _application, ...summary } = document as ApplicationDocument;
    const now = this.clock.now();
    const nextDeadline = deadlines.get(document.id) ?? null;
    return {
      ...summary,
      nextDeadline,
      ageWorkingDays: workingDaysBetween(new Date(document.submittedAt), now, document.authority),
      overdue: nextDeadline !== null && nextDeadline < now.toISOString(),
    };
  }
}

/** An application's read-model document as a list reads it: without the embedded application. */
type ApplicationListed = Omit<ApplicationDocument, 'application'>;

function notFound(id: string): Error {
  return refuse.notFound('application-not-found', `no application ${id}`);
}
