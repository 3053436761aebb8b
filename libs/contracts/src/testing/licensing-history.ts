import type {
  ApplicationCommand,
  ApplicationContentInput,
  ApplicationEvent,
  ApplicationItemInput,
  CommandMetadata,
  ConsultationCommand,
  ConsultationEvent,
  DenialCommand,
  DenialEvent,
  DomainEvent,
  GeneralAuthorisationUserCommand,
  GeneralAuthorisationUserEvent,
  IssueDecision,
  IssueLicenceData,
  LicenceCommand,
  LicenceEvent,
} from '@dul/domain';
import {
  applicationDecider,
  consultationDecider,
  denialDecider,
  fold,
  generalAuthorisationUserDecider,
  issueLicenceFromGrant,
  UNION_GENERAL_AUTHORISATIONS,
  licenceDecider,
} from '@dul/domain';
import type { SourceEvent } from '../integration-event';
import type { IntegrationEvent } from '../integration-event';
import { foldMappingContext, needsMappingContext, toIntegrationEvents } from '../integration.mapper';

// Real domain histories, produced by the real deciders, recorded the way the event store would.

export const T0 = new Date('2025-03-10T09:00:00.000Z');

export function at(day: number, actor = 'boss@bafa', memberState = 'DE'): CommandMetadata {
  return { actor, memberState, now: new Date(T0.getTime() + day * 86_400_000), correlationId: `corr-${day}` };
}

export function itemInput(overrides: Partial<ApplicationItemInput> = {}): ApplicationItemInput {
  return {
    classification: { kind: 'LISTED', controlEntry: '5A001.j' },
    description: 'IP network communications surveillance system',
    hsCode: '8517 62 00',
    quantity: 10,
    unit: 'pcs',
    value: 250000,
    currency: 'EUR',
    memberStateWhereLocated: 'DE',
    ...overrides,
  };
}

export function contentInput(overrides: Partial<ApplicationContentInput> = {}): ApplicationContentInput {
  return {
    exporter: {
      name: 'Muster Sicherheit GmbH',
      identifier: { scheme: 'EORI', value: 'DE123456789012345' },
      address: 'Musterstrasse 1, 10115 Berlin',
      memberStateOfEstablishment: 'DE',
      country: 'DE',
    },
    items: [
      itemInput(),
      itemInput({
        classification: { kind: 'NOT_LISTED', catchAllGround: 'ART4' },
        description: 'Industrial valve controller',
        hsCode: '84818085',
        quantity: 2.5,
        unit: 'kg',
        value: 1200.5,
      }),
    ],
    endUser: { name: 'Nippon Telecom Research', address: '1-1 Chiyoda, Tokyo', country: 'JP' },
    consignee: { name: 'Tokyo Freight KK', address: '2-2 Minato, Tokyo', country: 'JP' },
    otherParties: [],
    destinationCountry: 'JP',
    endUseStatement: 'EUS-2025-0042',
    requestedValidityMonths: 12,
    icpDeclared: false,
    ...overrides,
  };
}

/** An append-only log of stored events across streams, with global positions. */
export class EventLog {
  readonly events: SourceEvent[] = [];

  stream(streamId: string): readonly SourceEvent[] {
    return this.events.filter((event) => event.streamId === streamId);
  }

  append(streamId: string, events: readonly DomainEvent[], metadata: CommandMetadata): readonly SourceEvent[] {
    const stored = events.map((event) => {
      const position = this.events.length + 1;
      const record: SourceEvent = {
        eventId: `evt-${position}`,
        streamId,
        type: event.type,
        data: event.data,
        metadata: { actor: metadata.actor, memberState: metadata.memberState, correlationId: metadata.correlationId },
        recordedAt: metadata.now,
        globalPosition: position,
        streamVersion: this.events.filter((earlier) => earlier.streamId === streamId).length,
      };
      this.events.push(record);
      return record;
    });
    return stored;
  }

  application(id: string, command: ApplicationCommand): readonly SourceEvent[] {
    const streamId = `application-${id}`;
    const history = this.stream(streamId).map((event) => ({ type: event.type, data: event.data }) as ApplicationEvent);
    return this.append(
      streamId,
      applicationDecider.decide(command, fold(applicationDecider, history)),
      command.metadata,
    );
  }

  licence(id: string, command: LicenceCommand): readonly SourceEvent[] {
    const streamId = `licence-${id}`;
    const history = this.stream(streamId).map((event) => ({ type: event.type, data: event.data }) as LicenceEvent);
    return this.append(streamId, licenceDecider.decide(command, fold(licenceDecider, history)), command.metadata);
  }

  denial(id: string, command: DenialCommand): readonly SourceEvent[] {
    const streamId = `denial-${id}`;
    const history = this.stream(streamId).map((event) => ({ type: event.type, data: event.data }) as DenialEvent);
    return this.append(streamId, denialDecider.decide(command, fold(denialDecider, history)), command.metadata);
  }

  generalAuthorisationUser(id: string, command: GeneralAuthorisationUserCommand): readonly SourceEvent[] {
    const streamId = `general-authorisation-user-${id}`;
    const history = this.stream(streamId).map(
      (event) => ({ type: event.type, data: event.data }) as GeneralAuthorisationUserEvent,
    );
    return this.append(
      streamId,
      generalAuthorisationUserDecider.decide(command, fold(generalAuthorisationUserDecider, history)),
      command.metadata,
    );
  }

  consultation(id: string, command: ConsultationCommand): readonly SourceEvent[] {
    const streamId = `consultation-${id}`;
    const history = this.stream(streamId).map((event) => ({ type: event.type, data: event.data }) as ConsultationEvent);
    return this.append(
      streamId,
      consultationDecider.decide(command, fold(consultationDecider, history)),
      command.metadata,
    );
  }

  /** Maps every event the way the relay does: folding the stream through the event when needed. */
  mapAll(): readonly IntegrationEvent[] {
    return this.events.flatMap((event) => toIntegrationEvents(event, contextFor(this, event)));
  }
}

/** The relay's job: the event's stream folded through the event, when the mapper needs it. */
export function contextFor(log: EventLog, event: SourceEvent) {
  if (!needsMappingContext(event)) return {};
  const history = log.stream(event.streamId);
  return foldMappingContext(history.slice(0, history.indexOf(event) + 1));
}

const consultations = { blockingOpen: 0, bindingObjection: false };

/** Submits, assesses and decides an application; returns the granted or denied application state. */
export function decide(
  log: EventLog,
  id: string,
  outcome: 'GRANT' | 'GRANT_WITH_CONDITIONS' | 'DENY',
  content: ApplicationContentInput = contentInput(),
  art16: Pick<IssueDecision['data'], 'priorDenials' | 'grantDespiteDenialReasons'> = {},
) {
  log.application(id, {
    type: 'SubmitApplication',
    data: { applicationId: id, kind: 'INDIVIDUAL', content },
    metadata: at(0, 'clerk@bafa'),
  });
  log.application(id, { type: 'StartAssessment', data: { caseworker: 'anna@bafa' }, metadata: at(1, 'lead@bafa') });
  log.application(id, {
    type: 'RaiseRiskFlag',
    data: { flagId: 'flag-1', ground: 'HUMAN_RIGHTS', note: 'end user named in an NGO report' },
    metadata: at(1, 'anna@bafa'),
  });
  log.application(id, {
    type: 'ClearRiskFlag',
    data: { flagId: 'flag-1', reason: 'the report concerns another entity' },
    metadata: at(2, 'anna@bafa'),
  });
  const art15Grounds = outcome === 'DENY' ? (['HUMAN_RIGHTS'] as const) : [];
  const conditions = outcome === 'GRANT_WITH_CONDITIONS' ? ['no re-export without consent'] : [];
  log.application(id, {
    type: 'ProposeDecision',
    data: { outcome, art15Grounds, conditions, reasoning: 'internal reasoning that must stay internal' },
    metadata: at(3, 'anna@bafa'),
  });
  log.application(id, {
    type: 'IssueDecision',
    data: {
      outcome,
      art15Grounds,
      conditions,
      reasoning: 'internal reasoning that must stay internal',
      consultations,
      ...art16,
    },
    metadata: at(4, 'boss@bafa'),
  });
  const state = fold(
    applicationDecider,
    log.stream(`application-${id}`).map((event) => ({ type: event.type, data: event.data }) as ApplicationEvent),
  );
  if (state.status === 'NONE') throw new Error('no application');
  return state;
}

/** A licence's whole life: every licence event type at least once. */
export function licensingHistory(): EventLog {
  const log = new EventLog();
  const granted = decide(log, 'app-1', 'GRANT_WITH_CONDITIONS');
  decide(log, 'app-2', 'DENY', contentInput({ consignee: null }));
  decide(log, 'app-3', 'GRANT', contentInput(), {
    priorDenials: [
      {
        denialId: 'den-fr-1',
        issuingMemberState: 'FR',
        consultationId: 'con-1',
        outcome: 'NOT_ESSENTIALLY_IDENTICAL_BY_SILENCE',
      },
    ],
    grantDespiteDenialReasons: 'the items are configured without interception capability',
  });

  const data = issueLicenceFromGrant(granted, 'lic-1');
  log.licence('lic-1', { type: 'IssueLicence', data, metadata: at(4, 'system:licence-issuer') });
  log.licence('lic-1', {
    type: 'RecordLicenceUsage',
    data: {
      usageId: 'use-1',
      customsOffice: 'DE004852',
      declarationReference: '25DE004852000001A1',
      lines: [{ itemIndex: 0, quantity: 4, value: 100000 }],
    },
    metadata: at(10, 'customs@zoll', 'DE'),
  });
  log.licence('lic-1', {
    type: 'AmendLicence',
    data: {
      reason: 'quantity reduced after review',
      itemLimits: [
        { quantity: 6, value: 150000 },
        { quantity: 2.5, value: 1200.5 },
      ],
      substantialLimitation: true,
      grounds: ['END_USE_AND_DIVERSION'],
    },
    metadata: at(20),
  });
  log.licence('lic-1', {
    type: 'SuspendLicence',
    data: { reason: 'end user under investigation', grounds: ['HUMAN_RIGHTS'] },
    metadata: at(30),
  });
  log.licence('lic-1', {
    type: 'ReinstateLicence',
    data: { finalAssessment: 'investigation closed' },
    metadata: at(40),
  });
  log.licence('lic-1', {
    type: 'RecordLicenceUsage',
    data: {
      usageId: 'use-2',
      customsOffice: 'NL000396',
      declarationReference: '25NL000396000002B2',
      lines: [
        { itemIndex: 0, quantity: 1, value: 25000 },
        { itemIndex: 1, quantity: 0.5, value: 240.1 },
      ],
    },
    metadata: at(41, 'customs@douane', 'NL'),
  });
  log.licence('lic-1', {
    type: 'RevokeLicence',
    data: { reason: 'diversion established', grounds: ['END_USE_AND_DIVERSION'] },
    metadata: at(50),
  });

  const withoutConsignee: IssueLicenceData = { ...data, licenceId: 'lic-2', consignee: null };
  log.licence('lic-2', { type: 'IssueLicence', data: withoutConsignee, metadata: at(5, 'system:licence-issuer') });
  log.licence('lic-2', { type: 'AnnulLicence', data: { reason: 'issued on false information' }, metadata: at(6) });

  log.licence('lic-3', {
    type: 'IssueLicence',
    data: { ...data, licenceId: 'lic-3' },
    metadata: at(5, 'system:licence-issuer'),
  });
  log.licence('lic-3', { type: 'ExpireLicence', data: {}, metadata: at(400, 'system:expiry-timer') });

  // A widening that adds an item, approved after an Art 16 consultation of FR: notified as a grant despite a denial.
  log.licence('lic-4', {
    type: 'IssueLicence',
    data: { ...data, licenceId: 'lic-4' },
    metadata: at(5, 'system:licence-issuer'),
  });
  log.licence('lic-4', {
    type: 'AmendLicence',
    data: {
      amendmentId: 'w-1',
      reason: 'encryption for the same network',
      addedItems: [itemInput({ classification: { kind: 'LISTED', controlEntry: '5A002.a' }, quantity: 3 })],
      substantialLimitation: false,
    },
    metadata: at(60),
  });
  log.licence('lic-4', {
    type: 'DecideLicenceAmendment',
    data: {
      amendmentId: 'w-1',
      outcome: 'APPROVE',
      reasons: 'contract verified',
      screening: { screenedAt: at(61).now.toISOString(), denialMatches: [] },
      consultations: { blockingOpen: 0, bindingObjection: false },
      priorDenials: [
        {
          denialId: 'den-fr-1',
          issuingMemberState: 'FR',
          consultationId: 'con-2',
          outcome: 'NOT_ESSENTIALLY_IDENTICAL',
        },
      ],
      grantDespiteDenialReasons: 'the French denial concerned a military end user',
    },
    metadata: at(61, 'other-boss@bafa'),
  });

  // A general-authorisation user: registered for EU001, suspended, reinstated.
  const [eu001] = UNION_GENERAL_AUTHORISATIONS;
  if (eu001 === undefined) throw new Error('no EU001 in the reference data');
  const exporter = {
    name: 'Rhein Optics GmbH',
    identifier: { scheme: 'EORI' as const, value: 'DE123456789012345' },
    address: 'Köln',
  };
  log.generalAuthorisationUser('reg-1', {
    type: 'RegisterForGeneralAuthorisation',
    data: { registrationId: 'reg-1', authorisation: eu001, exporter },
    metadata: at(2),
  });
  log.generalAuthorisationUser('reg-1', {
    type: 'SuspendGeneralAuthorisationRight',
    data: { reason: 'suspected diversion', grounds: ['END_USE_AND_DIVERSION'], denialInSubstance: true },
    metadata: at(12),
  });
  return log;
}
