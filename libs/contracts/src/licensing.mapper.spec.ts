import type { Licence } from '@dul/domain';
import { licenceDecider } from '@dul/domain';
import { PUBLISHED_TYPES, typesFor } from './catalogue';
import { validateContractData } from './contract-validator';
import { isCyberSurveillance } from './cyber-surveillance';
import type { IntegrationEvent, SourceEvent } from './integration-event';
import { foldMappingContext, needsMappingContext, toIntegrationEvents } from './integration.mapper';
import { integrationEventId, IntegrationMappingError } from './mapping';
import { contextFor, licensingHistory } from './testing/licensing-history';

const log = licensingHistory();
const published = log.mapAll();

const ofType = <T extends IntegrationEvent['type']>(type: T) =>
  published.filter((event): event is Extract<IntegrationEvent, { type: T }> => event.type === type);

const sourceOf = (type: string, nth = 0): SourceEvent => {
  const event = log.events.filter((candidate) => candidate.type === type)[nth];
  if (event === undefined) throw new Error(`no ${type} #${nth} in the history`);
  return event;
};

describe('licensing mapper', () => {
  it('publishes every customs and statistics type, and grants despite a denial, from licensing histories', () => {
    const types = new Set(published.map((event) => event.type));
    const expected = [...typesFor('customs'), ...typesFor('commission')].filter(
      // Denials come from the register, Art 14(2) from its own consultations and the daily root from the
      // audit timer (authorities-history.ts).
      (type) =>
        !type.startsWith('eu.dual-use.denial.') &&
        !type.startsWith('eu.dual-use.security-interest.') &&
        !type.startsWith('eu.dual-use.audit.'),
    );
    expect([...types].sort()).toEqual([...expected].sort());
    expect(PUBLISHED_TYPES).toEqual(expect.arrayContaining([...types]));
  });

  it('maps every event to data its JSON Schema accepts, with no undeclared field', () => {
    for (const event of published) {
      expect({ id: event.id, ...validateContractData(event.type, event.data, { strict: true }) }).toEqual({
        id: event.id,
        valid: true,
        errors: [],
      });
    }
  });

  it('keeps internal events internal: assessment, risk flags, classification and proposals publish nothing', () => {
    for (const type of ['AssessmentStarted', 'RiskFlagRaised', 'RiskFlagCleared', 'DecisionProposed']) {
      // DenialMatchFound too: it reaches the denying member state as the consultation packet.
      expect(toIntegrationEvents(sourceOf(type))).toEqual([]);
    }
  });

  it('ignores events it does not know, such as those of modules that publish nothing', () => {
    const foreign: SourceEvent = { ...sourceOf('LicenceIssued'), type: 'ScreeningRunRecorded', data: {} };
    expect(toIntegrationEvents(foreign)).toEqual([]);
    expect(needsMappingContext(foreign)).toBe(false);
  });

  it('gives each message an id stable across retries: the domain event id and the audience', () => {
    expect(log.mapAll()).toEqual(published);
    for (const event of published) {
      const source = log.events.find((candidate) => candidate.globalPosition === event.position);
      expect(event.id).toBe(`${source?.eventId}:${event.audience}`);
    }
    expect(new Set(published.map((event) => event.id)).size).toBe(published.length);
    expect(integrationEventId('evt-9', 'customs', 'eu.dual-use.licence.issued.v1')).toBe('evt-9:customs');
    expect(integrationEventId('evt-9', 'customs', 'eu.dual-use.licence.issued.v2' as never)).toBe('evt-9:customs:v2');
  });

  it('keys every message by its aggregate id and names it in the subject', () => {
    for (const event of ofType('eu.dual-use.licence.suspended.v1')) {
      expect(event).toMatchObject({ key: 'lic-1', subject: 'licences/lic-1', topic: 'dul.customs.licences.v1' });
    }
    for (const event of ofType('eu.dual-use.statistics.application-received.v1')) {
      expect(event.subject).toBe(`applications/${event.key}`);
      expect(event.topic).toBe('dul.commission.v1');
    }
  });

  it('carries the licence as it stands after the change, so each customs message is useful alone', () => {
    const [suspended] = ofType('eu.dual-use.licence.suspended.v1');
    expect(suspended?.data).toMatchObject({
      licence: { licenceId: 'lic-1', status: 'SUSPENDED', issuingMemberState: 'DE' },
      reason: 'end user under investigation',
    });
    const [, secondUsage] = ofType('eu.dual-use.licence.usage-recorded.v1');
    expect(secondUsage?.data.usage.lines).toEqual([
      { line: 0, quantity: 1, value: 25000, currency: 'EUR' },
      { line: 1, quantity: 0.5, value: 240.1, currency: 'EUR' },
    ]);
    expect(secondUsage?.data.licence.items.map((item) => [item.quantity, item.usedQuantity, item.usedValue])).toEqual([
      [6, 5, 125000],
      [2.5, 0.5, 240.1],
    ]);
    const [issued] = ofType('eu.dual-use.licence.issued.v1');
    expect(issued?.data.licence).toMatchObject({
      holder: {
        name: 'Muster Sicherheit GmbH',
        identifier: { scheme: 'EORI', value: 'DE123456789012345' },
        country: 'DE',
      },
      conditions: ['no re-export without consent'],
      endUser: { name: 'Nippon Telecom Research', country: 'JP' },
    });
    const [expired] = ofType('eu.dual-use.licence.expired.v1');
    expect(expired?.data.effectiveAt).toBe(expired?.data.licence.validUntil);
  });

  it('publishes none of the applicant internals to customs: no risk flags, notes, reasoning, actors or addresses', () => {
    const customs = JSON.stringify(published.filter((event) => event.audience === 'customs'));
    for (const internal of [
      'NGO report',
      'internal reasoning',
      'anna@bafa',
      'boss@bafa',
      'Musterstrasse',
      'Chiyoda',
      'EUS-2025-0042',
      'investigation closed',
      'HUMAN_RIGHTS',
      'riskOverride',
      'applicationId',
    ]) {
      expect(customs).not.toContain(internal);
    }
  });

  it('publishes no identities in statistics: no exporter, end user, consignee, actor or reasoning', () => {
    const commission = JSON.stringify(published.filter((event) => event.type.startsWith('eu.dual-use.statistics.')));
    for (const identity of ['Muster', 'DE123456789012345', 'Nippon', 'Tokyo Freight', '@bafa', 'reasoning', 'reason']) {
      expect(commission).not.toContain(identity);
    }
  });

  it('reports decisions with outcome, grounds and the dimensions the Art 26 report groups by', () => {
    expect(ofType('eu.dual-use.statistics.decision-issued.v1').map((event) => event.data)).toEqual([
      expect.objectContaining({ applicationId: 'app-1', outcome: 'GRANT_WITH_CONDITIONS', art15Grounds: [] }),
      expect.objectContaining({
        applicationId: 'app-2',
        memberState: 'DE',
        kind: 'INDIVIDUAL',
        outcome: 'DENY',
        art15Grounds: ['HUMAN_RIGHTS'],
        destinationCountry: 'JP',
        cyberSurveillance: true,
        receivedOn: '2025-03-10',
        decidedOn: '2025-03-14',
      }),
      expect.objectContaining({ applicationId: 'app-3', outcome: 'GRANT' }),
    ]);
    expect(
      ofType('eu.dual-use.statistics.licence-lifecycle.v1').map((event) => [event.key, event.data.change]),
    ).toEqual([
      ['lic-1', 'ISSUED'],
      ['lic-1', 'AMENDED'],
      ['lic-1', 'SUSPENDED'],
      ['lic-1', 'REINSTATED'],
      ['lic-1', 'REVOKED'],
      ['lic-2', 'ISSUED'],
      ['lic-2', 'ANNULLED'],
      ['lic-3', 'ISSUED'],
      ['lic-3', 'EXPIRED'],
      ['lic-4', 'ISSUED'],
      ['lic-4', 'AMENDED'],
    ]);
  });

  it('notifies a grant despite a denial to the authorities and the Commission, with the reasons and the transaction', () => {
    const source = sourceOf('GrantDespiteDenialNotified');
    const notices = ofType('eu.dual-use.grant-despite-denial.notified.v1').filter(
      (event) => event.position === source.globalPosition,
    );
    expect(notices.map((event) => [event.audience, event.topic, event.id, event.key])).toEqual([
      ['authorities', 'dul.authority.{memberState}.v1', `${source.eventId}:authorities`, 'app-3'],
      ['commission', 'dul.commission.v1', `${source.eventId}:commission`, 'app-3'],
    ]);
    expect(notices[0]?.data).toMatchObject({
      notifyingMemberState: 'DE',
      recipients: { commission: true },
      denials: [
        {
          denialId: 'den-fr-1',
          memberState: 'FR',
          consultationId: 'con-1',
          consultationOutcome: 'NOT_ESSENTIALLY_IDENTICAL_BY_SILENCE',
        },
      ],
      reasons: 'the items are configured without interception capability',
      endUser: { name: 'Nippon Telecom Research', country: 'JP' },
      items: [{ controlEntry: '5A001.j', hsCode: '85176200' }, { catchAllGround: 'ART4' }],
    });
    expect(notices[0]?.data.recipients.memberStates).toHaveLength(26);
    expect(notices[1]?.data).toEqual(notices[0]?.data);
  });

  it('flags cyber-surveillance items: flagged Annex I entries and those below them, and Art 5 catch-alls', () => {
    expect(isCyberSurveillance({ kind: 'LISTED', controlEntry: '5A001.j' })).toBe(true);
    expect(isCyberSurveillance({ kind: 'LISTED', controlEntry: '4E001.c.1' })).toBe(true);
    expect(isCyberSurveillance({ kind: 'LISTED', controlEntry: '5A001' })).toBe(false);
    expect(isCyberSurveillance({ kind: 'LISTED', controlEntry: '1C350' })).toBe(false);
    expect(isCyberSurveillance({ kind: 'NOT_LISTED', catchAllGround: 'ART5' })).toBe(true);
    expect(isCyberSurveillance({ kind: 'NOT_LISTED', catchAllGround: 'ART4' })).toBe(false);
  });

  it('notifies a widening granted despite a denial to every member state and the Commission, with the widened items (Art 16)', () => {
    const notified = ofType('eu.dual-use.grant-despite-denial.notified.v1').filter(
      (event) => event.data.reasons === 'the French denial concerned a military end user',
    );
    expect(notified.map((event) => event.audience).sort()).toEqual(['authorities', 'commission']);
    for (const event of notified) {
      expect(event).toMatchObject({ key: 'app-1', subject: 'applications/app-1' });
      expect(event.data.denials).toEqual([
        {
          denialId: 'den-fr-1',
          memberState: 'FR',
          consultationId: 'con-2',
          consultationOutcome: 'NOT_ESSENTIALLY_IDENTICAL',
        },
      ]);
      expect(event.data.items.map((item) => item.controlEntry)).toEqual(['5A001.j', null, '5A002.a']);
    }
    const widened = ofType('eu.dual-use.licence.amended.v1').find((event) => event.key === 'lic-4');
    expect(widened?.data.licence.items).toHaveLength(3);
  });

  it('says which events need their stream folded, and LicenceIssued needs none', () => {
    expect(needsMappingContext({ type: 'LicenceIssued' })).toBe(false);
    expect(needsMappingContext({ type: 'ApplicationSubmitted' })).toBe(false);
    expect(needsMappingContext({ type: 'LicenceSuspended' })).toBe(true);
    expect(needsMappingContext({ type: 'DecisionIssued' })).toBe(true);
    expect(needsMappingContext({ type: 'GrantDespiteDenialNotified' })).toBe(true);
  });

  it('refuses a licence event without the folded licence rather than publish half a message', () => {
    expect(() => toIntegrationEvents(sourceOf('LicenceSuspended'))).toThrow(IntegrationMappingError);
    expect(() => toIntegrationEvents(sourceOf('DecisionIssued'))).toThrow(IntegrationMappingError);
  });

  it('refuses a context folded only up to the previous event, or of another licence', () => {
    const reinstated = sourceOf('LicenceReinstated');
    const history = log.stream(reinstated.streamId);
    const before = foldMappingContext(history.slice(0, history.indexOf(reinstated)));
    expect(() => toIntegrationEvents(reinstated, before)).toThrow(/fold the stream through the event/);

    const usage = sourceOf('LicenceUsageRecorded', 1);
    const usageHistory = log.stream(usage.streamId);
    expect(() =>
      toIntegrationEvents(usage, foldMappingContext(usageHistory.slice(0, usageHistory.indexOf(usage)))),
    ).toThrow(IntegrationMappingError);

    const amended = sourceOf('LicenceAmended');
    const amendedHistory = log.stream(amended.streamId);
    expect(() =>
      toIntegrationEvents(amended, foldMappingContext(amendedHistory.slice(0, amendedHistory.indexOf(amended)))),
    ).toThrow(/not folded through this amendment/);

    const other = log.stream('licence-lic-3');
    const wrongLicence = foldMappingContext(other.slice(0, 1));
    expect(() => toIntegrationEvents(sourceOf('LicenceRevoked'), wrongLicence)).toThrow(/context is licence lic-3/);
  });

  it('maps the same with a context folded by the relay as with the helper', () => {
    const revoked = sourceOf('LicenceRevoked');
    const licence = log
      .stream(revoked.streamId)
      .reduce(
        (state, event) => licenceDecider.evolve(state, { type: event.type, data: event.data } as never),
        licenceDecider.initialState(),
      ) as Licence;
    expect(toIntegrationEvents(revoked, { licence })).toEqual(toIntegrationEvents(revoked, contextFor(log, revoked)));
  });
});
