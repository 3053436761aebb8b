import type { CommandMetadata, DomainEvent } from '../../decider';
import { fold } from '../../decider';
import type { ConsultationCommand, OpenConsultation } from '../../consultation/consultation.commands';
import { consultationDecider } from '../../consultation/consultation.decider';
import type { ConsultationEvent, ConsultationOpened } from '../../consultation/consultation.events';
import { consultationPacketFrom } from '../../consultation/consultation.packet';
import type { ApplicationCommand } from '../../licensing/application.commands';
import type {
  ApplicationContent,
  ApplicationContentInput,
  ApplicationItemInput,
  ApplicationKind,
} from '../../licensing/application.content';
import { applicationDecider } from '../../licensing/application.decider';
import type { Application } from '../../licensing/application.decider';
import type { ApplicationEvent, DecisionOutcome } from '../../licensing/application.events';
import type { LicenceCommand } from '../../licensing/licence.commands';
import { issueLicenceFromGrant } from '../../licensing/licence.commands';
import { licenceDecider } from '../../licensing/licence.decider';
import type { LicenceEvent } from '../../licensing/licence.events';
import type { MemberStateCode } from '../../reference/member-states';
import type { ReportSourceEvent } from '../annual-report';
import type { ReferenceRate, ReferenceRatesEvent } from '../reference-rates';
import { referenceRatesDecider } from '../reference-rates';

// Real histories for the reporting tests: every event decided by the real deciders and recorded the
// way the event store would, with the command's `now` as recordedAt.

export function by(memberState: string | undefined, now: Date | string, actor = `officer@${memberState}`) {
  const metadata: CommandMetadata = {
    actor,
    memberState,
    now: typeof now === 'string' ? new Date(now) : now,
    correlationId: 'corr-report',
  };
  return metadata;
}

/**
 * An item of the given Annex I entry, or unlisted when `classification` is a catch-all ground (ART4,
 * ART5, NATIONAL); located where `content` puts it unless `overrides` says otherwise.
 */
export function item(
  classification: string,
  value: number,
  overrides: Partial<ApplicationItemInput> = {},
): ApplicationItemInput {
  const isGround = classification === 'ART4' || classification === 'ART5' || classification === 'NATIONAL';
  return {
    classification: isGround
      ? { kind: 'NOT_LISTED', catchAllGround: classification }
      : { kind: 'LISTED', controlEntry: classification },
    description: `item ${classification}`,
    hsCode: '85176200',
    quantity: 1,
    unit: 'pcs',
    value,
    currency: 'EUR',
    memberStateWhereLocated: null,
    ...overrides,
  };
}

/** Content of an exporter established in `memberState`, shipping `items` to `destination`. */
export function content(
  memberState: MemberStateCode,
  destination: string,
  items: readonly ApplicationItemInput[],
): ApplicationContentInput {
  return {
    exporter: {
      name: `Exporter ${memberState}`,
      identifier: { scheme: 'EORI', value: `${memberState}1234567890` },
      address: `Main street 1, ${memberState}`,
      memberStateOfEstablishment: memberState,
      country: memberState,
    },
    items: items.map((input) => ({ ...input, memberStateWhereLocated: input.memberStateWhereLocated ?? memberState })),
    endUser: { name: 'End User Ltd', address: '1 Harbour Road', country: destination },
    consignee: null,
    otherParties: [],
    destinationCountry: destination,
    endUseStatement: 'EUS-1',
    requestedValidityMonths: 12,
    icpDeclared: false,
  };
}

export interface CaseSpec {
  readonly id: string;
  readonly authority: MemberStateCode;
  readonly content: ApplicationContentInput;
  readonly submittedAt: string;
  readonly kind?: ApplicationKind;
  /** Decided at this instant with this outcome; left undecided without it. */
  readonly decision?: { readonly outcome: DecisionOutcome; readonly at: string };
  /** Withdrawn at this instant (only for an undecided case). */
  readonly withdrawnAt?: string;
}

/** An append-only log of stored events across streams. */
export class ReportLog {
  readonly events: ReportSourceEvent[] = [];

  private stream<E extends DomainEvent>(streamId: string): E[] {
    return this.events
      .filter((event) => event.streamId === streamId)
      .map((event) => ({ type: event.type, data: event.data }) as E);
  }

  private append(streamId: string, events: readonly DomainEvent[], metadata: CommandMetadata): readonly DomainEvent[] {
    for (const event of events) {
      this.events.push({
        type: event.type,
        data: event.data,
        streamId,
        recordedAt: metadata.now,
        metadata: { actor: metadata.actor, memberState: metadata.memberState },
      });
    }
    return events;
  }

  application(id: string, command: ApplicationCommand): readonly DomainEvent[] {
    const streamId = `application-${id}`;
    const state = fold(applicationDecider, this.stream<ApplicationEvent>(streamId));
    return this.append(streamId, applicationDecider.decide(command, state), command.metadata);
  }

  applicationState(id: string): Application {
    const state = fold(applicationDecider, this.stream<ApplicationEvent>(`application-${id}`));
    if (state.status === 'NONE') throw new Error(`no application ${id}`);
    return state;
  }

  licence(id: string, command: LicenceCommand): readonly DomainEvent[] {
    const streamId = `licence-${id}`;
    const state = fold(licenceDecider, this.stream<LicenceEvent>(streamId));
    return this.append(streamId, licenceDecider.decide(command, state), command.metadata);
  }

  /** Records reference rates (units per euro) at this instant, as `npm run rates` does. */
  rates(rates: readonly ReferenceRate[], at: string, source = 'ECB'): readonly DomainEvent[] {
    const streamId = `reference-rates-${source}`;
    const state = fold(referenceRatesDecider, this.stream<ReferenceRatesEvent>(streamId));
    const metadata = by(undefined, at, 'operator:rates');
    return this.append(
      streamId,
      referenceRatesDecider.decide({ type: 'RecordReferenceRates', data: { source, rates }, metadata }, state),
      metadata,
    );
  }

  consultation(id: string, command: ConsultationCommand): readonly DomainEvent[] {
    const streamId = `consultation-${id}`;
    const state = fold(consultationDecider, this.stream<ConsultationEvent>(streamId));
    return this.append(streamId, consultationDecider.decide(command, state), command.metadata);
  }

  /** Submits, assesses and (when the spec says so) decides or withdraws an application. */
  case(spec: CaseSpec): Application {
    const { id, authority } = spec;
    const submitted = Date.parse(spec.submittedAt);
    this.application(id, {
      type: 'SubmitApplication',
      data: { applicationId: id, kind: spec.kind ?? 'INDIVIDUAL', content: spec.content },
      metadata: by(authority, spec.submittedAt, `clerk@${authority}`),
    });
    this.application(id, {
      type: 'StartAssessment',
      data: { caseworker: `anna@${authority}` },
      metadata: by(authority, new Date(submitted + 60_000), `lead@${authority}`),
    });
    if (spec.decision) {
      const { outcome, at } = spec.decision;
      const art15Grounds = outcome === 'DENY' ? (['HUMAN_RIGHTS'] as const) : [];
      const conditions = outcome === 'GRANT_WITH_CONDITIONS' ? ['no re-export'] : [];
      this.application(id, {
        type: 'ProposeDecision',
        data: { outcome, art15Grounds, conditions },
        metadata: by(authority, new Date(Date.parse(at) - 60_000), `anna@${authority}`),
      });
      this.application(id, {
        type: 'IssueDecision',
        data: {
          outcome,
          art15Grounds,
          conditions,
          consultations: { blockingOpen: 0, bindingObjection: false },
        },
        metadata: by(authority, at, `boss@${authority}`),
      });
    } else if (spec.withdrawnAt !== undefined) {
      this.application(id, {
        type: 'WithdrawApplication',
        data: { reason: 'contract cancelled' },
        metadata: by(authority, spec.withdrawnAt, `clerk@${authority}`),
      });
    }
    return this.applicationState(id);
  }

  /** Issues the licence of a granted application at `at`. */
  issueLicence(applicationId: string, licenceId: string, at: string): void {
    const application = this.applicationState(applicationId);
    this.licence(licenceId, {
      type: 'IssueLicence',
      data: issueLicenceFromGrant(application, licenceId),
      metadata: by(application.authority, at, 'system:licence-issuer'),
    });
  }

  /** Opens an Art 14(1) consultation of `consulted` about the application, with its content as packet. */
  openArt14(applicationId: string, consulted: MemberStateCode, at: string): string {
    const application = this.applicationState(applicationId);
    const consultationId = `${applicationId}/art14/${consulted}`;
    const command: OpenConsultation = {
      type: 'OpenConsultation',
      data: {
        kind: 'ITEMS_LOCATED_ELSEWHERE',
        consultationId,
        applicationId,
        consulted,
        packet: consultationPacketFrom(application.content, { grounds: ['items located there'] }),
      },
      metadata: by(application.authority, at),
    };
    this.consultation(consultationId, command);
    return consultationId;
  }

  /** Opens an Art 4/5 catch-all consultation by `requester`; returns its id and deadline. */
  openCatchAll(
    consultationId: string,
    requester: MemberStateCode,
    packetContent: ApplicationContent,
    at: string,
    applicationId: string | null = null,
  ): ConsultationOpened['data'] {
    const [opened] = this.consultation(consultationId, {
      type: 'OpenConsultation',
      data: {
        kind: 'CATCH_ALL',
        consultationId,
        applicationId,
        article: 'ART5',
        decision: 'licence required for unlisted monitoring software',
        reviewWorkingDays: 10,
        packet: consultationPacketFrom(packetContent, { grounds: ['risk of internal repression'] }),
      },
      metadata: by(requester, at),
    });
    return (opened as ConsultationOpened).data;
  }
}
