import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Application, ConsultationState, DenialMatch, OpenConsultation, RecordDenialMatches } from '@dul/domain';
import {
  consultationPacketFrom,
  DomainError,
  memberStatesToConsult,
  screeningCandidateFromApplication,
} from '@dul/domain';
import type { EventStore } from '@dul/event-store';
import { aggregateStream, EVENT_STORE } from '@dul/event-store';
import { CommandExecution } from '@dul/platform';
import { applicationAggregate } from '../../licensing/public/application.aggregate';
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
 * Opens the consultations the law requires for an application, idempotently: Art 14(1) for every
 * other member state where items are located, Art 16 for every matching denial in force (recorded on
 * the application as DenialMatchFound first). Used by the reactors on submission and amendment and
 * by the decision path right before a decision.
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
    const ids = [
      ...memberStatesToConsult(application.kind, application.authority, application.content).map((state) =>
        art14ConsultationId(application.applicationId, state),
      ),
      ...application.denialMatches.map((match) => art16ConsultationId(application.applicationId, match.denialId)),
    ];
    return Promise.all(ids.map((id) => this.consultation(id)));
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
    for (const consulted of memberStatesToConsult(application.kind, application.authority, application.content)) {
      await this.open(application, trigger, {
        kind: 'ITEMS_LOCATED_ELSEWHERE',
        consultationId: art14ConsultationId(application.applicationId, consulted),
        applicationId: application.applicationId,
        consulted,
        packet: consultationPacketFrom(application.content),
      });
    }
    const matches = await this.screening.screen(
      screeningCandidateFromApplication(application.authority, application.content),
    );
    const fresh = matches.filter(
      (match) => !application.denialMatches.some((known) => known.denialId === match.denialId),
    );
    if (fresh.length > 0) await this.recordMatches(application, fresh, trigger);
    for (const match of matches) {
      await this.open(application, trigger, {
        kind: 'PRIOR_DENIAL',
        consultationId: art16ConsultationId(application.applicationId, match.denialId),
        applicationId: application.applicationId,
        consulted: match.issuingMemberState,
        denialId: match.denialId,
        match: { score: match.score, matchedFields: match.matchedFields },
        // EU practice, not Art 16's text: the settings, recorded on the consultation as it opens.
        replyWorkingDays: this.settings.art16WorkingDays,
        silenceMeans: this.settings.art16SilenceMeans,
        packet: consultationPacketFrom(application.content, { grounds: [match.explanation] }),
      });
    }
    return (await this.application(application.applicationId)) ?? application;
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
      metadata: { ...this.metadata(application, trigger), actor: 'system:screening' },
    };
    await this.runner.run(applicationAggregate, application.applicationId, { by: 'process', command, retries: 3 });
  }

  private async open(application: Application, trigger: Trigger, data: OpenConsultation['data']): Promise<void> {
    const command: OpenConsultation = {
      type: 'OpenConsultation',
      data,
      metadata: { ...this.metadata(application, trigger), actor: 'system:consultation-opener' },
    };
    try {
      await this.commandBus.execute(new ConsultationWrite(data.consultationId, { by: 'process', command }));
    } catch (error) {
      if (error instanceof DomainError && error.rule === 'consultation-exists') return;
      throw error;
    }
  }

  private metadata(application: Application, trigger: Trigger) {
    return {
      memberState: application.authority,
      now: trigger.now,
      correlationId: trigger.correlationId,
      causationId: trigger.causationId,
    };
  }
}
