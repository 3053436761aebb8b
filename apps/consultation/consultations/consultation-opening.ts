import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type {
  Application,
  ApplicationContent,
  ApplicationKind,
  ConsultationState,
  ConsultedWidening,
  DenialMatch,
  Licence,
  LicenceState,
  MemberStateCode,
  OpenConsultation,
  RecordDenialMatches,
} from '@dul/domain';
import {
  consultationPacketFrom,
  DomainError,
  memberStatesToConsult,
  screeningCandidateFromApplication,
  wideningConsultationSubjectId,
  widenedLicence,
} from '@dul/domain';
import type { EventStore } from '@dul/event-store';
import { aggregateStream, EVENT_STORE } from '@dul/event-store';
import { CommandExecution } from '@dul/platform';
import { applicationAggregate, licenceAggregate } from '../../licensing/public/application.aggregate';
import { consultationAggregate } from '../public/consultation.aggregates';
import { ConsultationWrite } from '../public/consultation.commands';
import { art14ConsultationId, art16ConsultationId } from '../public/consultation-ids';
import { ScreeningService } from '../screening/screening.service';
import type { ConsultationSettings } from '../public/consultation-settings';
import { CONSULTATION_SETTINGS } from '../public/consultation-settings';

/** Who asks, and because of what; `now` is when the duty to consult arose. */
export interface Trigger {
  readonly now: Date;
  readonly correlationId: string;
  readonly causationId?: string;
}

/**
 * What consultations are opened about: an application, or a widening amendment of its licence (a new
 * assessment of the widened licence, Art 14(1) and Art 16 as for an application). `subjectId` keys the
 * derived consultation ids, so the widening's consultations are its own and reopening meets them.
 */
export interface ConsultationCase {
  readonly subjectId: string;
  readonly applicationId: string;
  readonly widening: ConsultedWidening | null;
  readonly kind: ApplicationKind;
  readonly authority: MemberStateCode;
  /** The transaction assessed: the application's content, or with a widening's items in place of the licence's. */
  readonly content: ApplicationContent;
  /** Denials already recorded as matched (on the application); a widening records none apart from its consultations. */
  readonly knownDenialIds: readonly string[];
}

/** A pending widening with the licence it would widen, as its consultations see it. */
export interface WideningCase {
  readonly licence: Licence;
  readonly amendmentId: string;
  readonly consultationCase: ConsultationCase;
}

/**
 * Opens the consultations the law requires for an application or a widening of its licence,
 * idempotently: Art 14(1) for every other member state where items are located (when the destination
 * or an Annex IV item calls for it), Art 16 for every matching denial in force (recorded on the
 * application as DenialMatchFound first). Used by the reactors on submission, amendment and widening
 * proposal, and by the decision paths right before a decision.
 */
@Injectable()
export class ConsultationOpening {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly screening: ScreeningService,
    private readonly commandBus: CommandBus,
    // The application's denial matches are recorded with the runner itself: the consultation context
    // also runs in hosts without licensing's handlers (the consultation service on its own).
    private readonly runner: CommandExecution,
    @Inject(CONSULTATION_SETTINGS) private readonly settings: ConsultationSettings,
  ) {}

  async application(applicationId: string): Promise<Application | null> {
    const { decider, category } = applicationAggregate;
    const { state } = await aggregateStream(this.store, decider, category.streamOf(applicationId));
    return state.status === 'NONE' ? null : state;
  }

  /** Every consultation of the application, as its streams say (the authoritative record). */
  async consultationsOf(application: Application): Promise<ConsultationState[]> {
    return this.consultationsOfCase(applicationCase(application), []);
  }

  /**
   * Every consultation of the case, as its streams say: Art 14(1) as the content requires, Art 16 for
   * the recorded matches and for `matches` (a widening's screening right before the decision).
   */
  async consultationsOfCase(subject: ConsultationCase, matches: readonly DenialMatch[]): Promise<ConsultationState[]> {
    const denialIds = [...new Set([...subject.knownDenialIds, ...matches.map((match) => match.denialId)])];
    const ids = [
      ...memberStatesToConsult(subject.kind, subject.authority, subject.content).map((state) =>
        art14ConsultationId(subject.subjectId, state),
      ),
      ...denialIds.map((denialId) => art16ConsultationId(subject.subjectId, denialId)),
    ];
    return Promise.all(ids.map((id) => this.consultation(id)));
  }

  /**
   * The licence's pending widening as a consultation case, or null when the licence does not exist or
   * no widening is pending. The packet is the application's transaction with the widened items.
   */
  async widening(licenceId: string): Promise<WideningCase | null> {
    const { decider, category } = licenceAggregate;
    const licence: LicenceState = (await aggregateStream(this.store, decider, category.streamOf(licenceId))).state;
    if (licence.status === 'NONE') return null;
    const widened = widenedLicence(licence);
    const pending = licence.pendingAmendment ?? null;
    const application = await this.application(licence.applicationId);
    if (widened === null || pending === null || application === null) return null;
    const items = widened.items.map(({ usedQuantity: _used, usedValue: _usedValue, ...item }) => item);
    return {
      licence,
      amendmentId: pending.amendmentId,
      consultationCase: {
        subjectId: wideningConsultationSubjectId(licence.applicationId, licenceId, pending.amendmentId),
        applicationId: licence.applicationId,
        widening: { licenceId, amendmentId: pending.amendmentId },
        kind: licence.kind,
        authority: licence.issuingMemberState,
        content: {
          ...application.content,
          items,
          destinationCountry: licence.destinationCountry,
          endUser: licence.endUser,
          consignee: licence.consignee,
        },
        knownDenialIds: [],
      },
    };
  }

  async consultation(id: string): Promise<ConsultationState> {
    const { decider, category } = consultationAggregate;
    return (await aggregateStream(this.store, decider, category.streamOf(id))).state;
  }

  /** Opens what is missing; returns the application as it is afterwards. */
  async openRequired(application: Application, trigger: Trigger): Promise<Application> {
    if (application.status === 'GRANTED' || application.status === 'DENIED' || application.status === 'WITHDRAWN') {
      return application;
    }
    await this.openRequiredFor(applicationCase(application), trigger, async (matches) => {
      const fresh = matches.filter(
        (match) => !application.denialMatches.some((known) => known.denialId === match.denialId),
      );
      if (fresh.length > 0) await this.recordMatches(application, fresh, trigger);
    });
    return (await this.application(application.applicationId)) ?? application;
  }

  /**
   * Opens what the case is missing (Art 14(1) and Art 16) and answers the screening's matches.
   * `beforeArt16` records the matches where the case keeps them (the application's DenialMatchFound).
   */
  async openRequiredFor(
    subject: ConsultationCase,
    trigger: Trigger,
    beforeArt16: (matches: readonly DenialMatch[]) => Promise<void> = async () => {},
  ): Promise<readonly DenialMatch[]> {
    const widening = subject.widening === null ? {} : { widening: subject.widening };
    for (const consulted of memberStatesToConsult(subject.kind, subject.authority, subject.content)) {
      await this.open(subject, trigger, {
        kind: 'ITEMS_LOCATED_ELSEWHERE',
        consultationId: art14ConsultationId(subject.subjectId, consulted),
        applicationId: subject.applicationId,
        ...widening,
        consulted,
        packet: consultationPacketFrom(subject.content),
      });
    }
    const matches = await this.screening.screen(screeningCandidateFromApplication(subject.authority, subject.content));
    await beforeArt16(matches);
    for (const match of matches) {
      await this.open(subject, trigger, {
        kind: 'PRIOR_DENIAL',
        consultationId: art16ConsultationId(subject.subjectId, match.denialId),
        applicationId: subject.applicationId,
        ...widening,
        consulted: match.issuingMemberState,
        denialId: match.denialId,
        match: { score: match.score, matchedFields: match.matchedFields },
        // EU practice, not Art 16's text: the settings, recorded on the consultation as it opens.
        replyWorkingDays: this.settings.art16WorkingDays,
        silenceMeans: this.settings.art16SilenceMeans,
        packet: consultationPacketFrom(subject.content, { grounds: [match.explanation] }),
      });
    }
    return matches;
  }

  private async recordMatches(
    application: Application,
    matches: readonly DenialMatch[],
    trigger: Trigger,
  ): Promise<void> {
    const command: RecordDenialMatches = {
      type: 'RecordDenialMatches',
      data: {
        screenedAt: trigger.now.toISOString(),
        matches: matches.map((match) => ({
          denialId: match.denialId,
          issuingMemberState: match.issuingMemberState,
          score: match.score,
          matchedFields: match.matchedFields,
          explanation: match.explanation,
        })),
      },
      metadata: { ...this.metadata(application.authority, trigger), actor: 'system:screening' },
    };
    await this.runner.run(applicationAggregate, application.applicationId, { by: 'process', command, retries: 3 });
  }

  private async open(subject: ConsultationCase, trigger: Trigger, data: OpenConsultation['data']): Promise<void> {
    const command: OpenConsultation = {
      type: 'OpenConsultation',
      data,
      metadata: { ...this.metadata(subject.authority, trigger), actor: 'system:consultation-opener' },
    };
    try {
      await this.commandBus.execute(new ConsultationWrite(data.consultationId, { by: 'process', command }));
    } catch (error) {
      if (error instanceof DomainError && error.rule === 'consultation-exists') return;
      throw error;
    }
  }

  private metadata(memberState: MemberStateCode, trigger: Trigger) {
    return {
      memberState,
      now: trigger.now,
      correlationId: trigger.correlationId,
      causationId: trigger.causationId,
    };
  }
}

/** An application as the case its own consultations are about. */
function applicationCase(application: Application): ConsultationCase {
  return {
    subjectId: application.applicationId,
    applicationId: application.applicationId,
    widening: null,
    kind: application.kind,
    authority: application.authority,
    content: application.content,
    knownDenialIds: application.denialMatches.map((match) => match.denialId),
  };
}
