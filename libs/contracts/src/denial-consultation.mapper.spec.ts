import type { ConsultationPacket, Denial } from '@dul/domain';
import { CONSULTATION_EVENT_TYPES, DENIAL_EVENT_TYPES, denialDecider, otherMemberStates } from '@dul/domain';
import { contractFor, typesFor } from './catalogue';
import { validateContractData } from './contract-validator';
import type { IntegrationEvent, SourceEvent } from './integration-event';
import {
  CONTEXT_EVENT_TYPES,
  foldMappingContext,
  needsMappingContext,
  toIntegrationEvents,
} from './integration.mapper';
import { IntegrationMappingError } from './mapping';
import {
  authoritiesHistory,
  CONSULTATION_IDS,
  consultationState,
  DENIAL_IDS,
  packetFor,
  SECURITY_INTEREST_CONSULTATION_IDS,
} from './testing/authorities-history';
import { at, contextFor, EventLog } from './testing/licensing-history';

const log = authoritiesHistory();
const published = log.mapAll();

const isDenialStream = (event: SourceEvent) => event.streamId.startsWith('denial-');
const isConsultationStream = (event: SourceEvent) => event.streamId.startsWith('consultation-');
const authoritiesSources = log.events.filter((event) => isDenialStream(event) || isConsultationStream(event));

const mapped = (source: SourceEvent) => toIntegrationEvents(source, contextFor(log, source));

const ofType = <T extends IntegrationEvent['type']>(type: T, audience = 'authorities') =>
  published.filter(
    (event): event is Extract<IntegrationEvent, { type: T }> => event.type === type && event.audience === audience,
  );

const sourcesOf = (type: string) => log.events.filter((event) => event.type === type);

const PUBLISHED_AS = {
  DenialNotified: 'eu.dual-use.denial.notified.v1',
  FinalAssessmentRecorded: 'eu.dual-use.denial.final-assessment-recorded.v1',
  DenialReviewDue: 'eu.dual-use.denial.review-due.v1',
  DenialRenewed: 'eu.dual-use.denial.renewed.v1',
  DenialAmended: 'eu.dual-use.denial.amended.v1',
  DenialRevoked: 'eu.dual-use.denial.revoked.v1',
  ConsultationOpened: 'eu.dual-use.consultation.opened.v1',
  ExtensionRequested: 'eu.dual-use.consultation.extension-requested.v1',
  ExtensionGranted: 'eu.dual-use.consultation.extension-granted.v1',
  ExtensionDeclined: 'eu.dual-use.consultation.extension-declined.v1',
  ConsultationReplied: 'eu.dual-use.consultation.replied.v1',
  ConsultationDeadlineLapsed: 'eu.dual-use.consultation.deadline-lapsed.v1',
  ConsultationClosed: 'eu.dual-use.consultation.closed.v1',
  SecurityInterestGrantNotified: 'eu.dual-use.security-interest.grant-notified.v1',
} as const;

// Art 14(2) consultations publish security-interest.*.v1 instead (tested on their own below).
const onSecurityInterestStream = (event: SourceEvent) =>
  SECURITY_INTEREST_CONSULTATION_IDS.some((id) => event.streamId === `consultation-${id}`);
const NOTIFIED_TO_EVERYONE = ['FinalAssessmentRecorded', 'SecurityInterestGrantNotified'];

describe('denial register and consultation mapping', () => {
  it('maps every denial and consultation event type, each to its contract and the contract’s audiences', () => {
    const domainTypes = [...DENIAL_EVENT_TYPES, ...CONSULTATION_EVENT_TYPES];
    expect(Object.keys(PUBLISHED_AS).sort()).toEqual([...domainTypes].sort());
    for (const domainType of domainTypes) {
      const sources = sourcesOf(domainType).filter(
        (source) => domainType === 'SecurityInterestGrantNotified' || !onSecurityInterestStream(source),
      );
      expect({ domainType, recorded: sources.length > 0 }).toEqual({ domainType, recorded: true });
      for (const source of sources) {
        const type = PUBLISHED_AS[domainType];
        const expected = domainType.startsWith('Denial') || NOTIFIED_TO_EVERYONE.includes(domainType);
        expect(mapped(source).map((event) => [event.audience, event.type])).toEqual(
          (expected ? ['authorities', 'commission'] : ['authorities']).map((audience) => [audience, type]),
        );
        expect(contractFor(type).audiences).toEqual(expected ? ['authorities', 'commission'] : ['authorities']);
      }
    }
  });

  it('publishes every authorities type from real histories (with the grant despite a denial)', () => {
    const types = new Set(published.filter((event) => event.audience === 'authorities').map((event) => event.type));
    expect([...types].sort()).toEqual([...typesFor('authorities')].sort());
  });

  it('maps every event to data its JSON Schema accepts, with no undeclared field', () => {
    expect(published.length).toBeGreaterThan(0);
    for (const event of published) {
      expect({ id: event.id, ...validateContractData(event.type, event.data, { strict: true }) }).toEqual({
        id: event.id,
        valid: true,
        errors: [],
      });
    }
  });

  it('keys by the aggregate id, names it in the subject, ids per audience, time as recorded', () => {
    for (const source of authoritiesSources) {
      const aggregateId = source.streamId.slice(source.streamId.indexOf('-') + 1);
      const prefix = isDenialStream(source) ? 'denials' : 'consultations';
      for (const event of mapped(source)) {
        expect(event).toMatchObject({
          key: aggregateId,
          subject: `${prefix}/${aggregateId}`,
          id: `${source.eventId}:${event.audience}`,
          time: new Date(source.recordedAt).toISOString(),
          position: source.globalPosition,
          topic: event.audience === 'authorities' ? 'dul.authority.{memberState}.v1' : 'dul.commission.v1',
        });
        const idField = isDenialStream(source) ? 'denialId' : 'consultationId';
        expect((event.data as Record<string, unknown>)[idField]).toBe(aggregateId);
      }
    }
    expect(new Set(published.map((event) => event.id)).size).toBe(published.length);
    expect(log.mapAll()).toEqual(published);
  });

  it('sends the Commission the same Art 16 message as the authorities, and no consultation at all', () => {
    for (const source of log.events.filter(isDenialStream)) {
      const [authorities, commission] = mapped(source);
      expect(commission?.data).toEqual(authorities?.data);
    }
    const commission = published.filter((event) => event.audience === 'commission');
    expect(commission.some((event) => event.type.startsWith('eu.dual-use.consultation.'))).toBe(false);
  });

  it('addresses every denial message to the other member states and the Commission', () => {
    const denialMessages = published.filter((event) => event.type.startsWith('eu.dual-use.denial.'));
    for (const event of denialMessages) {
      const data = event.data as { notifyingMemberState: string; recipients: unknown };
      expect(data.recipients).toEqual({
        memberStates: otherMemberStates(data.notifyingMemberState as never),
        commission: true,
      });
    }
    expect(
      new Set(denialMessages.map((event) => (event.data as { notifyingMemberState: string }).notifyingMemberState)),
    ).toEqual(new Set(['DE', 'FR']));
  });

  it('notifies every review outcome (renewed, amended, revoked) to every other member state and the Commission, like the denial itself (Art 16(2))', () => {
    for (const type of [
      'eu.dual-use.denial.renewed.v1',
      'eu.dual-use.denial.amended.v1',
      'eu.dual-use.denial.revoked.v1',
    ] as const) {
      expect(contractFor(type).audiences).toEqual(contractFor('eu.dual-use.denial.notified.v1').audiences);
      const messages = published.filter((event) => event.type === type);
      expect({ type, audiences: messages.map((event) => event.audience).sort() }).toEqual({
        type,
        audiences: ['authorities', 'commission'],
      });
      for (const event of messages) {
        const notified = published.find(
          (candidate) => candidate.type === 'eu.dual-use.denial.notified.v1' && candidate.key === event.key,
        );
        expect((event.data as { recipients: unknown }).recipients).toEqual(
          (notified?.data as { recipients: unknown }).recipients,
        );
        expect(validateContractData(type, event.data, { strict: true }).valid).toBe(true);
      }
    }
  });

  it('addresses every consultation message to the requester and the consulted, and the Commission when informed', () => {
    const recipientsOf = (consultationId: string) =>
      published
        .filter((event) => event.type.startsWith('eu.dual-use.consultation.') && event.key === consultationId)
        .map((event) => (event.data as { recipients: unknown }).recipients);
    const art16 = recipientsOf(CONSULTATION_IDS.priorDenial);
    expect(art16).toHaveLength(7);
    for (const recipients of art16) expect(recipients).toEqual({ memberStates: ['DE', 'FR'], commission: false });
    for (const recipients of recipientsOf(CONSULTATION_IDS.itemsInNetherlands)) {
      expect(recipients).toEqual({ memberStates: ['DE', 'NL'], commission: false });
    }
    for (const recipients of recipientsOf(CONSULTATION_IDS.catchAll)) {
      expect(recipients).toEqual({ memberStates: ['DE', ...otherMemberStates('DE')], commission: true });
    }
  });

  it('notifies each register entry in full, whatever Art 16(2) notification it comes from', () => {
    const notified = ofType('eu.dual-use.denial.notified.v1').map((event) => event.data);
    expect(notified.map((data) => [data.denialId, data.notificationKind, data.licenceId])).toEqual([
      [DENIAL_IDS.refusal, 'DENIAL', null],
      [DENIAL_IDS.limitation, 'SUBSTANTIAL_LIMITATION', 'lic-1'],
      [DENIAL_IDS.suspension, 'SUSPENSION', 'lic-1'],
      [DENIAL_IDS.revocation, 'REVOCATION', 'lic-1'],
      [DENIAL_IDS.annulment, 'ANNULMENT', 'lic-2'],
      [DENIAL_IDS.french, 'DENIAL', null],
      [DENIAL_IDS.frenchSuspension, 'SUSPENSION', 'fr-lic-9'],
    ]);
    const source = sourcesOf('DenialNotified')[0];
    const domain = source?.data as Denial & { recipients: unknown };
    expect(notified[0]).toEqual({
      denialId: DENIAL_IDS.refusal,
      notificationKind: 'DENIAL',
      notifyingMemberState: 'DE',
      recipients: domain.recipients,
      licenceId: null,
      applicationKind: 'INDIVIDUAL',
      items: [
        { controlEntry: '5A001.j', catchAllGround: null, description: expect.any(String), hsCode: '85176200' },
        { controlEntry: null, catchAllGround: 'ART4', description: 'Industrial valve controller', hsCode: '84818085' },
      ],
      destinationCountry: 'JP',
      endUser: { name: 'Nippon Telecom Research', address: '1-1 Chiyoda, Tokyo', country: 'JP' },
      consignee: null,
      grounds: ['HUMAN_RIGHTS'],
      reason: domain.reason,
      decidedOn: '2025-03-14',
      notifiedAt: '2025-03-14T09:00:00.000Z',
      reviewDueAt: domain.reviewDueAt,
      lapsesAt: domain.lapsesAt,
    });
  });

  it('names the notifying member state and the terms in every later register message', () => {
    const [lifted, superseded] = ofType('eu.dual-use.denial.final-assessment-recorded.v1').map((event) => event.data);
    expect(lifted).toMatchObject({
      denialId: DENIAL_IDS.suspension,
      notifyingMemberState: 'DE',
      assessment: 'LIFTED',
      supersededBy: null,
    });
    expect(superseded).toMatchObject({
      denialId: DENIAL_IDS.frenchSuspension,
      notifyingMemberState: 'FR',
      assessment: 'SUPERSEDED',
      supersededBy: 'den-fr-3',
      statement: 'the licence was revoked after the investigation',
    });

    const [firstDue, secondDue] = ofType('eu.dual-use.denial.review-due.v1').map((event) => event.data);
    const [amended] = ofType('eu.dual-use.denial.amended.v1').map((event) => event.data);
    const [renewed] = ofType('eu.dual-use.denial.renewed.v1').map((event) => event.data);
    const [notified] = ofType('eu.dual-use.denial.notified.v1').map((event) => event.data);
    expect(firstDue).toMatchObject({ reviewDueAt: notified?.reviewDueAt, lapsesAt: notified?.lapsesAt });
    // An amendment gives the entry in full: the amended end user and grounds, the unchanged items.
    expect(amended).toMatchObject({
      denialId: DENIAL_IDS.refusal,
      notifyingMemberState: 'DE',
      note: 'the end user changed its name; diversion risk added',
      endUser: { name: 'Nippon Telecom Research KK', address: '1-1 Chiyoda, Tokyo', country: 'JP' },
      grounds: ['HUMAN_RIGHTS', 'END_USE_AND_DIVERSION'],
      items: notified?.items,
      destinationCountry: 'JP',
      consignee: null,
      applicationKind: 'INDIVIDUAL',
    });
    expect(Date.parse(amended?.reviewDueAt ?? '')).toBeGreaterThan(Date.parse(notified?.reviewDueAt ?? ''));
    expect(secondDue).toMatchObject({ reviewDueAt: amended?.reviewDueAt, lapsesAt: amended?.lapsesAt });
    expect(renewed).toMatchObject({ note: 'the end user is still under investigation', notifyingMemberState: 'DE' });
    expect(Date.parse(renewed?.reviewDueAt ?? '')).toBeGreaterThan(Date.parse(amended?.reviewDueAt ?? ''));
    expect(ofType('eu.dual-use.denial.revoked.v1').map((event) => event.data)).toEqual([
      {
        denialId: DENIAL_IDS.refusal,
        notifyingMemberState: 'DE',
        recipients: { memberStates: otherMemberStates('DE'), commission: true },
        revokedAt: (sourcesOf('DenialRevoked')[0]?.data as { revokedAt: string }).revokedAt,
        reason: 'the end user was dissolved',
      },
    ]);
  });

  it('opens a consultation with its kind, parties, deadline and the packet, field by field', () => {
    const [priorDenial, art14, catchAll] = ofType('eu.dual-use.consultation.opened.v1').map((event) => event.data);
    const packet = packetFor();
    expect(priorDenial).toEqual({
      consultationId: CONSULTATION_IDS.priorDenial,
      kind: 'PRIOR_DENIAL',
      requestingMemberState: 'DE',
      recipients: { memberStates: ['DE', 'FR'], commission: false },
      consulted: ['FR'],
      commissionInformed: false,
      deadline: { memberState: 'FR', workingDays: 10, lastDay: expect.any(String), endsAt: expect.any(String) },
      maxWorkingDays: 30,
      denialId: DENIAL_IDS.french,
      match: { score: 0.93, matchedFields: ['controlEntry:5A001.j', 'endUser.name', 'destinationCountry'] },
      catchAll: null,
      packet: {
        exporter: {
          name: 'Muster Sicherheit GmbH',
          identifier: { scheme: 'EORI', value: 'DE123456789012345' },
          address: 'Musterstrasse 1, 10115 Berlin',
          country: 'DE',
          kind: 'LEGAL_PERSON',
        },
        items: packet.items.map((item) => ({
          controlEntry: '5A001.j',
          catchAllGround: null,
          description: item.description,
          hsCode: '85176200',
          quantity: 10,
          unit: 'pcs',
          value: 250000,
          currency: 'EUR',
          memberStateWhereLocated: 'DE',
          countryOfOrigin: null,
        })),
        endUser: { name: 'Nippon Telecom Research', address: '1-1 Chiyoda, Tokyo', country: 'JP' },
        consignee: { name: 'Tokyo Freight KK', address: '2-2 Minato, Tokyo', country: 'JP' },
        otherParties: [{ role: 'BROKER', name: 'Broker Sp. z o.o.', address: 'ul. Prosta 1, Warsaw', country: 'PL' }],
        destinationCountry: 'JP',
        // The end use itself, which this application does not state; the statement is named apart (issue 10).
        endUse: null,
        endUseStatement: 'EUS-2025-0042',
        memberStateOfCustomsExport: null,
        contract: null,
        services: null,
        transit: null,
        grounds: ['the end user and the items match a denial in force'],
      },
      openedAt: '2025-03-11T09:00:00.000Z',
    });
    expect(art14).toMatchObject({ kind: 'ITEMS_LOCATED_ELSEWHERE', consulted: ['NL'], denialId: null, match: null });
    expect(art14?.packet.items[0]?.memberStateWhereLocated).toBe('NL');
    expect(catchAll).toMatchObject({
      kind: 'CATCH_ALL',
      consulted: otherMemberStates('DE'),
      commissionInformed: true,
      deadline: { memberState: 'DE', workingDays: 30 },
      denialId: null,
      match: null,
      catchAll: {
        article: 'ART5',
        decision: 'licence required for monitoring software to JP',
        detailsWithheld: 'the end user is withheld as too sensitive (Art 23(6))',
      },
      packet: { exporter: null },
    });
  });

  it('follows a consultation to its end: extensions, replies, the lapse and the outcome', () => {
    const byKey = (key: string) =>
      published
        .filter((event) => event.key === key)
        .map((event) => {
          const {
            consultationId: _id,
            kind: _kind,
            requestingMemberState: _requester,
            recipients: _to,
            ...rest
          } = event.data as unknown as Record<string, unknown>;
          return [event.type.split('.')[3], rest];
        });
    const state = consultationState(log, CONSULTATION_IDS.priorDenial);
    if (state.status === 'NONE') throw new Error('no consultation');
    expect(byKey(CONSULTATION_IDS.priorDenial).slice(1)).toEqual([
      [
        'extension-requested',
        {
          requestedBy: 'FR',
          additionalWorkingDays: 10,
          reason: 'technical comparison pending',
          requestedAt: at(2).now.toISOString(),
        },
      ],
      [
        'extension-granted',
        {
          grantedBy: 'DE',
          additionalWorkingDays: 10,
          deadline: {
            memberState: 'FR',
            workingDays: 20,
            lastDay: state.deadline.lastDay,
            endsAt: state.deadline.endsAt,
          },
          grantedAt: at(3).now.toISOString(),
        },
      ],
      [
        'extension-requested',
        {
          requestedBy: 'DE',
          additionalWorkingDays: 5,
          reason: 'awaiting the technical file from the exporter',
          requestedAt: at(4).now.toISOString(),
        },
      ],
      [
        'extension-declined',
        { declinedBy: 'FR', reason: 'no further time needed on our side', declinedAt: at(5).now.toISOString() },
      ],
      [
        'deadline-lapsed',
        {
          deadline: {
            memberState: 'FR',
            workingDays: 20,
            lastDay: state.deadline.lastDay,
            endsAt: state.deadline.endsAt,
          },
          lapsedAt: state.deadline.endsAt,
        },
      ],
      [
        'closed',
        {
          outcome: 'NOT_ESSENTIALLY_IDENTICAL_BY_SILENCE',
          reason: null,
          closedAt: expect.any(String),
          closingRule: {
            basis: 'SILENCE',
            workingDays: 10,
            periodSetting: 'ART16_CONSULTATION_WORKING_DAYS',
            silenceSetting: 'ART16_SILENCE_OUTCOME',
            statement: expect.stringContaining("EU practice, not the article's text"),
          },
        },
      ],
    ]);
    expect(byKey(CONSULTATION_IDS.itemsInNetherlands).slice(1)).toEqual([
      [
        'replied',
        {
          repliedBy: 'NL',
          answer: 'OBJECTION',
          reasons: 'the items are subject to a national investigation',
          repliedAt: at(3).now.toISOString(),
        },
      ],
      [
        'closed',
        {
          outcome: 'OBJECTED',
          reason: null,
          closedAt: at(3).now.toISOString(),
          closingRule: {
            basis: 'ANSWER',
            workingDays: 10,
            periodSetting: null,
            silenceSetting: null,
            statement: 'answered within the period (10 working days): OBJECTED',
          },
        },
      ],
    ]);
    expect(byKey(CONSULTATION_IDS.catchAll).map(([type]) => type)).toEqual([
      'opened',
      'replied',
      'replied',
      'deadline-lapsed',
      'closed',
    ]);
    expect(byKey(CONSULTATION_IDS.catchAll)[2]).toEqual([
      'replied',
      expect.objectContaining({
        repliedBy: 'NL',
        answer: 'COMMENT',
        reasons: 'we imposed the same requirement in 2024',
      }),
    ]);
    expect(byKey(CONSULTATION_IDS.withdrawn)[1]).toEqual([
      'closed',
      {
        outcome: 'WITHDRAWN',
        reason: 'the exporter withdrew the application',
        closedAt: at(2).now.toISOString(),
        closingRule: expect.objectContaining({ basis: 'WITHDRAWAL' }),
      },
    ]);
  });

  it('publishes an Art 14(2) request and its closing as security-interest types, to the two member states only', () => {
    const messages = (key: string) => published.filter((event) => event.key === key);
    const declined = messages(CONSULTATION_IDS.securityInterest).filter((event) => event.audience === 'authorities');
    expect(declined.map((event) => event.type)).toEqual([
      'eu.dual-use.security-interest.requested.v1',
      'eu.dual-use.security-interest.closed.v1',
      'eu.dual-use.security-interest.grant-notified.v1',
    ]);
    expect(declined[0]?.data).toMatchObject({
      requestingMemberState: 'FR',
      requestedMemberState: 'DE',
      recipients: { memberStates: ['FR', 'DE'], commission: false },
      request: 'NOT_TO_GRANT',
      licenceId: null,
      deadline: { memberState: 'DE', workingDays: 10 },
    });
    expect(declined[1]?.data).toMatchObject({
      outcome: 'REQUEST_DECLINED',
      reasons: 'the end use is civilian and verified on site',
      recipients: { memberStates: ['FR', 'DE'], commission: false },
      closingRule: { basis: 'ANSWER', periodSetting: 'ART14_2_CONSULTATION_WORKING_DAYS' },
    });
    const unanswered = messages(CONSULTATION_IDS.securityInterestLicence);
    expect(unanswered.map((event) => [event.type, (event.data as { outcome?: string }).outcome])).toEqual([
      ['eu.dual-use.security-interest.requested.v1', undefined],
      ['eu.dual-use.security-interest.closed.v1', 'ENDED_WITHOUT_ANSWER'],
    ]);
    expect(unanswered[1]?.data).toMatchObject({
      request: 'SUSPEND',
      licenceId: 'lic-1',
      closingRule: { basis: 'SILENCE' },
    });
  });

  it('notifies a grant despite a security-interest request to the Commission and every other member state (Art 14(2))', () => {
    const notified = published.filter((event) => event.type === 'eu.dual-use.security-interest.grant-notified.v1');
    expect(notified.map((event) => event.audience)).toEqual(['authorities', 'commission']);
    for (const event of notified) {
      expect(event.data).toMatchObject({
        notifyingMemberState: 'DE',
        requestingMemberState: 'FR',
        recipients: { memberStates: otherMemberStates('DE'), commission: true },
        licenceId: 'lic-3',
        consultationOutcome: 'REQUEST_DECLINED',
        grantedAt: at(4).now.toISOString(),
      });
    }
  });

  it('lets only the packet travel: no actors, no case internals, nothing a stored packet carries beyond the contract', () => {
    // A packet as a careless client might send it: notes and internals beside the contract's fields.
    const clean = packetFor('FR', ['items located in France (Art 14(1))']);
    const smuggled = {
      ...clean,
      caseNotes: 'requester note: exporter is a repeat offender',
      exporter: { ...clean.exporter, riskNote: 'requester note: ICP weak' },
      items: clean.items.map((item) => ({ ...item, caseworkerNote: 'requester note: valued low on purpose' })),
      endUser: { ...clean.endUser, watchlistHit: 'requester note: NGO report' },
      otherParties: clean.otherParties.map((party) => ({ ...party, internalRef: 'requester note: broker file 17' })),
    } as unknown as ConsultationPacket;
    const own = new EventLog();
    const [opened] = own.consultation('app-9/art14/FR', {
      type: 'OpenConsultation',
      data: {
        consultationId: 'app-9/art14/FR',
        kind: 'ITEMS_LOCATED_ELSEWHERE',
        applicationId: 'app-9',
        consulted: 'FR',
        packet: smuggled,
      },
      metadata: at(1, 'anna@bafa'),
    });
    if (opened === undefined) throw new Error('not opened');
    expect(JSON.stringify(opened.data)).toContain('requester note'); // the domain event keeps what it was given
    const [message] = toIntegrationEvents(opened);
    expect(message?.type).toBe('eu.dual-use.consultation.opened.v1');
    expect(validateContractData('eu.dual-use.consultation.opened.v1', message?.data, { strict: true })).toEqual({
      valid: true,
      errors: [],
    });
    expect(JSON.stringify(message)).not.toContain('requester note');
    const [cleanMessage] = new EventLog()
      .consultation('app-9/art14/FR', {
        type: 'OpenConsultation',
        data: {
          consultationId: 'app-9/art14/FR',
          kind: 'ITEMS_LOCATED_ELSEWHERE',
          applicationId: 'app-9',
          consulted: 'FR',
          packet: clean,
        },
        metadata: at(1, 'anna@bafa'),
      })
      .flatMap((event) => toIntegrationEvents(event));
    expect(message?.data).toEqual(cleanMessage?.data);

    const consultations = JSON.stringify(
      published.filter((event) => event.type.startsWith('eu.dual-use.consultation.')),
    );
    for (const internal of [
      '@bafa',
      '@sbdu',
      '@cdiu',
      'system:',
      'applicationId',
      'memberStateOfEstablishment',
      'classification',
      'timeZone',
      'calendar',
      'icpDeclared',
      'requestedValidityMonths',
      'internal reasoning',
      'NGO report',
    ]) {
      expect(consultations).not.toContain(internal);
    }
    // A register message carries the entry as notified (its reason is the notification's, see the domain's
    // art16Notification), but never who acted, the source application or the register's settings.
    const denials = JSON.stringify(published.filter((event) => event.type.startsWith('eu.dual-use.denial.')));
    for (const internal of ['@bafa', '@sbdu', 'system:', 'applicationId', 'reviewGraceDays', 'previousReviewDueAt']) {
      expect(denials).not.toContain(internal);
    }
  });

  it('says which events need their stream folded: all but a denial’s notification and a consultation’s opening', () => {
    for (const type of [...DENIAL_EVENT_TYPES, ...CONSULTATION_EVENT_TYPES]) {
      const expected = type !== 'DenialNotified' && type !== 'ConsultationOpened';
      expect({ type, needs: needsMappingContext({ type }) }).toEqual({ type, needs: expected });
      expect(CONTEXT_EVENT_TYPES.includes(type)).toBe(expected);
    }
  });

  it('folds a denial stream to the denial and a consultation stream to the consultation, nothing else', () => {
    const denial = foldMappingContext(log.stream(`denial-${DENIAL_IDS.refusal}`));
    expect(Object.keys(denial)).toEqual(['denial']);
    expect(denial.denial).toMatchObject({ denialId: DENIAL_IDS.refusal, status: 'REVOKED' });
    const consultation = foldMappingContext(log.stream(`consultation-${CONSULTATION_IDS.catchAll}`));
    expect(Object.keys(consultation)).toEqual(['consultation']);
    expect(consultation.consultation).toMatchObject({ status: 'CLOSED', outcome: 'REVIEW_ENDED' });
    expect(consultation.consultation?.replies).toHaveLength(2);
  });

  it('refuses to map without the folded aggregate, with one folded short of the event, or of another aggregate', () => {
    const withContext = authoritiesSources.filter((source) => needsMappingContext(source));
    expect(new Set(withContext.map((source) => source.type)).size).toBe(
      DENIAL_EVENT_TYPES.length + CONSULTATION_EVENT_TYPES.length - 2,
    );
    for (const source of withContext) {
      expect(() => toIntegrationEvents(source)).toThrow(IntegrationMappingError);
      const history = log.stream(source.streamId);
      const before = foldMappingContext(history.slice(0, history.indexOf(source)));
      expect(() => toIntegrationEvents(source, before)).toThrow(/fold the stream through the event/);
    }
    const revoked = sourcesOf('DenialRevoked')[0] as SourceEvent;
    const otherDenial = foldMappingContext(log.stream(`denial-${DENIAL_IDS.french}`));
    expect(() => toIntegrationEvents(revoked, otherDenial)).toThrow(/context is denial den-fr-1/);
    const closed = sourcesOf('ConsultationClosed')[0] as SourceEvent;
    const otherConsultation = foldMappingContext(log.stream(`consultation-${CONSULTATION_IDS.catchAll}`));
    expect(() => toIntegrationEvents(closed, otherConsultation)).toThrow(/context is consultation catch-all/);
  });

  it('maps the same with a denial folded by the relay as with the helper', () => {
    const amended = sourcesOf('DenialAmended')[0] as SourceEvent;
    const history = log.stream(amended.streamId);
    const denial = history
      .slice(0, history.indexOf(amended) + 1)
      .reduce(
        (state, event) => denialDecider.evolve(state, { type: event.type, data: event.data } as never),
        denialDecider.initialState(),
      ) as Denial;
    expect(toIntegrationEvents(amended, { denial })).toEqual(toIntegrationEvents(amended, contextFor(log, amended)));
  });
});
