import { Inject } from '@nestjs/common';
import type { IQueryHandler } from '@nestjs/cqrs';
import { Query, QueryHandler } from '@nestjs/cqrs';
import type { Principal } from '@dul/auth';
import type { ScreeningReview } from '@dul/domain';
import { entriesOverlap, nameSimilarity, preparePartyName, refuse } from '@dul/domain';
import type { DocumentFilter, ProjectionStore } from '@dul/projections';
import { PROJECTION_STORE } from '@dul/projections';
import { readPage } from '@dul/http';
import { afterIdOf, nextCursorOf } from '@dul/http';
import type {
  ListConsultationsQueryDto,
  ListDenialsQueryDto,
  ListNotificationsQueryDto,
  ScreenTransactionDto,
} from './consultation.dto';
import type { ConsultationDocument } from './consultations/consultations.projection';
import { CONSULTATIONS_PROJECTION } from './public/consultation-board';
import type { DenialDocument } from './denials/denial-register.projection';
import { DENIALS_PROJECTION } from './denials/denial-register.projection';
import type { NotificationDocument } from './notifications/notifications.projection';
import { NOTIFICATIONS_PROJECTION } from './notifications/notifications.projection';
import { ScreeningService } from './screening/screening.service';

/** A page of a read model, as every list answers it. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  /** The cursor of the next page (keyset paging), null on the last page. */
  readonly nextCursor: string | null;
}

/** What the Commission sees of a consultation: who consulted whom, about which kind, and how it ended. */
export type ConsultationMetadata = Omit<ConsultationDocument, 'consultation'>;

function metadataOnly({ consultation: _consultation, ...metadata }: ConsultationDocument): ConsultationMetadata {
  return metadata;
}

/** The consultation board, scoped to the caller (GET /v1/consultations). */
export class ListConsultations extends Query<Page<ConsultationMetadata>> {
  constructor(
    readonly principal: Principal,
    readonly filter: ListConsultationsQueryDto,
  ) {
    super();
  }
}

/** One consultation: the packet for participants, metadata for the Commission (GET /v1/consultations/:id). */
export class GetConsultation extends Query<ConsultationDocument | ConsultationMetadata> {
  constructor(
    readonly principal: Principal,
    readonly id: string,
  ) {
    super();
  }
}

/** A register entry as listed: the summary and the grounds, not the whole denial. */
export type DenialListItem = Omit<DenialDocument, 'denial'> & { readonly grounds: DenialDocument['denial']['grounds'] };

/** The EU denial register's denials in force (GET /v1/denials). */
export class ListDenials extends Query<Page<DenialListItem>> {
  constructor(readonly filter: ListDenialsQueryDto) {
    super();
  }
}

/** One register entry (GET /v1/denials/:id). */
export class GetDenial extends Query<DenialDocument> {
  constructor(readonly id: string) {
    super();
  }
}

/** The dry-run screening of a transaction; nothing is recorded (POST /v1/denials/screen). */
export class ReviewScreening extends Query<ScreeningReview> {
  constructor(
    readonly principal: Principal,
    readonly transaction: ScreenTransactionDto,
  ) {
    super();
  }
}

/** Notifications addressed to the caller's member state, or to the Commission (GET /v1/notifications). */
export class ListNotifications extends Query<Page<NotificationDocument>> {
  constructor(
    readonly principal: Principal,
    readonly filter: ListNotificationsQueryDto,
  ) {
    super();
  }
}

@QueryHandler(ListConsultations)
export class ListConsultationsHandler implements IQueryHandler<ListConsultations> {
  constructor(@Inject(PROJECTION_STORE) private readonly readModels: ProjectionStore) {}

  async execute({ principal, filter: query }: ListConsultations): Promise<Page<ConsultationMetadata>> {
    const ms = principal.ms;
    const contains: Record<string, string> | undefined = ms
      ? query.role === 'consulted'
        ? { consulted: ms }
        : { participants: ms }
      : undefined;
    const filter: DocumentFilter = {
      where: {
        ...(query.status && { status: query.status }),
        ...(query.kind && { kind: query.kind }),
        ...(ms && query.role === 'requester' && { requester: ms }),
      },
      contains,
      before: query.dueBefore ? { deadlineLastDay: query.dueBefore } : undefined,
    };
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    return readPage(
      this.readModels,
      CONSULTATIONS_PROJECTION,
      filter,
      { limit, offset, cursor: query.cursor },
      (document: ConsultationDocument) => metadataOnly(document),
    );
  }
}

@QueryHandler(GetConsultation)
export class GetConsultationHandler implements IQueryHandler<GetConsultation> {
  constructor(@Inject(PROJECTION_STORE) private readonly readModels: ProjectionStore) {}

  async execute({ principal, id }: GetConsultation): Promise<ConsultationDocument | ConsultationMetadata> {
    const document = await this.readModels.getDocument<ConsultationDocument>(CONSULTATIONS_PROJECTION, id);
    if (!document) throw consultationNotFound(id);
    if (principal.ms === null) return metadataOnly(document);
    if (!document.participants.includes(principal.ms)) throw consultationNotFound(id);
    return document;
  }
}

function consultationNotFound(id: string): Error {
  return refuse.notFound('consultation-not-found', `no consultation ${id}`);
}

const SCAN_LIMIT = 5000;
/** A name counts as "the same end user" for the register's filter at the screening's party threshold. */
const END_USER_FILTER_SIMILARITY = 0.8;

@QueryHandler(ListDenials)
export class ListDenialsHandler implements IQueryHandler<ListDenials> {
  constructor(@Inject(PROJECTION_STORE) private readonly readModels: ProjectionStore) {}

  async execute({ filter: query }: ListDenials): Promise<Page<DenialListItem>> {
    const entries = await this.readModels.findEntries<DenialDocument>(DENIALS_PROJECTION, {
      where: {
        status: 'IN_FORCE',
        ...(query.destination && { destination: query.destination === 'EL' ? 'GR' : query.destination }),
        ...(query.issuingMemberState && { issuingMemberState: query.issuingMemberState }),
        ...(query.reviewOverdue !== undefined && { reviewOverdue: query.reviewOverdue }),
      },
      // No time filter: a denial never lapses (Art 16(2)); an overdue review is the reviewOverdue flag.
      limit: SCAN_LIMIT,
      afterId: afterIdOf(query.cursor),
    });
    // Overlap (parent and child entries) and name likeness are not equality: filtered here, as screening does.
    const wanted = query.endUser ? preparePartyName(query.endUser) : null;
    const matching = entries.filter(
      ({ document }) =>
        (!query.controlEntry ||
          document.controlEntries.some((entry) => entriesOverlap(entry, query.controlEntry ?? ''))) &&
        (!wanted || nameSimilarity(wanted, preparePartyName(document.endUser)) >= END_USER_FILTER_SIMILARITY),
    );
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const page = matching.slice(offset, offset + limit);
    return {
      items: page.map(({ document: { denial, ...summary } }) => ({ ...summary, grounds: denial.grounds })),
      total: matching.length,
      limit,
      offset,
      nextCursor: nextCursorOf(page, limit),
    };
  }
}

@QueryHandler(GetDenial)
export class GetDenialHandler implements IQueryHandler<GetDenial> {
  constructor(@Inject(PROJECTION_STORE) private readonly readModels: ProjectionStore) {}

  async execute({ id }: GetDenial): Promise<DenialDocument> {
    const document = await this.readModels.getDocument<DenialDocument>(DENIALS_PROJECTION, id);
    if (!document) throw refuse.notFound('denial-not-found', `no denial ${id}`);
    return document;
  }
}

@QueryHandler(ReviewScreening)
export class ReviewScreeningHandler implements IQueryHandler<ReviewScreening> {
  constructor(private readonly screening: ScreeningService) {}

  execute({ principal, transaction }: ReviewScreening): Promise<ScreeningReview> {
    // matches, related (for a human look, never a consultation) and nearMisses (why nothing matched).
    return this.screening.review({
      issuingMemberState: principal.ms ?? '',
      controlEntries: transaction.controlEntries,
      destinationCountry: transaction.destinationCountry,
      endUser: transaction.endUser,
      consignee: transaction.consignee ?? null,
    });
  }
}

@QueryHandler(ListNotifications)
export class ListNotificationsHandler implements IQueryHandler<ListNotifications> {
  constructor(@Inject(PROJECTION_STORE) private readonly readModels: ProjectionStore) {}

  async execute({ principal, filter: query }: ListNotifications): Promise<Page<NotificationDocument>> {
    const filter = {
      where: query.type ? { type: query.type } : undefined,
      contains: { recipients: principal.ms ?? 'COMMISSION' },
    };
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    return readPage(
      this.readModels,
      NOTIFICATIONS_PROJECTION,
      filter,
      { limit, offset, cursor: query.cursor },
      (document: NotificationDocument) => document,
    );
  }
}

export const CONSULTATION_QUERY_HANDLERS = [
  ListConsultationsHandler,
  GetConsultationHandler,
  ListDenialsHandler,
  GetDenialHandler,
  ReviewScreeningHandler,
  ListNotificationsHandler,
];
