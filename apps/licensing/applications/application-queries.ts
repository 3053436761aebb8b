import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@dul/auth';
import { refuse, workingDaysBetween } from '@dul/domain';
import type { EventStore } from '@dul/event-store';
import { aggregateStream, EVENT_STORE } from '@dul/event-store';
import type { Clock } from '@dul/platform';
import { CLOCK, ReadConsistency } from '@dul/platform';
import type { DocumentFilter, ProjectionStore } from '@dul/projections';
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
    const now = this.instantNow();
    const where = {
      authority: principal.ms ?? '',
      ...(query.status && { status: query.status }),
      ...(query.assignee !== undefined && { assignee: query.assignee }),
      ...(query.kind && { kind: query.kind }),
      ...(query.destination && { destination: query.destination === 'EL' ? 'GR' : query.destination }),
    };
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    if (query.overdue === true) {
      // Overdue: a deadline running on the case has passed. Few cases at a time, so read them one by one.
      const deadlines = await this.openDeadlines(principal, { before: { deadlineEndsAt: now.iso } });
      const afterId = afterIdOf(query.cursor);
      const overdueIds = [...deadlines.keys()].filter((id) => afterId === undefined || id > afterId).sort();
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
        items: page.map((entry) => this.summarise(withoutApplication(entry.document), deadlines, now)),
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
      (document: ApplicationListed) => document,
    );
    // The deadlines of this page's cases only: the cost of a page does not grow with the number of
    // consultations the authority has open.
    const deadlines = await this.openDeadlines(principal, {
      oneOf: { applicationId: page.items.map((item) => item.id) },
    });
    return { ...page, items: page.items.map((document) => this.summarise(document, deadlines, now)), consistent };
  }

  /**
   * The earliest deadline of each of the authority's cases that `filter` selects: the consultations it
   * runs (Art 14, Art 16) that are still open, from the consultation board. An application has a few
   * consultations at most, so the cases of a page (or the overdue ones) have a bounded number of them.
   */
  private async openDeadlines(principal: Principal, filter: DocumentFilter): Promise<Map<string, string>> {
    const open = await this.readModels.findDocuments<{ applicationId: string | null; deadlineEndsAt: string }>(
      CONSULTATIONS_PROJECTION,
      {
        ...filter,
        where: { requester: principal.ms ?? '', status: 'OPEN' },
        limit: MAX_PAGE_SIZE * 10,
        // Only the deadline is read: the embedded consultation state stays in the database.
        omit: ['consultation'],
      },
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
      ...this.summarise(
        withoutApplication(document),
        await this.openDeadlines(principal, { oneOf: { applicationId: [id] } }),
        this.instantNow(),
      ),
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

  /**
   * The list's one reading of the clock: every item of a page is summarised at the same instant
   * (and reading the clock and formatting it once per item was a measurable part of a list request).
   */
  private instantNow(): Instant {
    const date = this.clock.now();
    return { date, iso: date.toISOString() };
  }

  private summarise(
    document: ApplicationListed,
    deadlines: ReadonlyMap<string, string>,
    now: Instant,
  ): ApplicationSummary {
    const nextDeadline = deadlines.get(document.id) ?? null;
    return {
      ...document,
      nextDeadline,
      ageWorkingDays: workingDaysBetween(new Date(document.submittedAt), now.date, document.authority),
      overdue: nextDeadline !== null && nextDeadline < now.iso,
    };
  }
}

/** The instant a request is answered at, as a Date and as the ISO string deadlines compare with. */
interface Instant {
  readonly date: Date;
  readonly iso: string;
}

/** A whole document as a summary shows it: the embedded application left out. */
function withoutApplication(document: ApplicationDocument): ApplicationListed {
  const { application: _application, ...listed } = document;
  return listed;
}

/** An application's read-model document as a list reads it: without the embedded application. */
type ApplicationListed = Omit<ApplicationDocument, 'application'>;

function notFound(id: string): Error {
  return refuse.notFound('application-not-found', `no application ${id}`);
}
