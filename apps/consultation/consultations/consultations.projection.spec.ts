import { consultationFixtures } from '@dul/domain/testing';
import { EventHistory, projectionSpec } from '@dul/projections/testing';
import { consultationsProjection } from './consultations.projection';

const {
  APPLICATION,
  FRIDAY_BEFORE_CHRISTMAS,
  at,
  historyOf,
  lapse,
  notifyGrant,
  openArt14,
  openCatchAll,
  openSecurityInterest,
  reply,
  withdraw,
} = consultationFixtures;
const spec = projectionSpec(consultationsProjection);
/** End of the 10th DE working day after 2026-12-18 (see the decider spec). */
const DE_DEADLINE = '2027-01-05T23:00:00.000Z';
const MONDAY = new Date('2026-12-21T09:00:00.000Z');

describe('EU consultation board projection', () => {
  it('pins an opened Art 14(1) consultation to the board, readable by the requester and the consulted member state only', () => {
    const history = new EventHistory();
    history.append('consultation-c-1', historyOf(openArt14('FR', 'DE')));
    spec.given(history.events).then({
      'c-1': {
        id: `${APPLICATION}/art14/DE`,
        kind: 'ITEMS_LOCATED_ELSEWHERE',
        applicationId: APPLICATION,
        requester: 'FR',
        consulted: ['DE'],
        participants: ['FR', 'DE'],
        status: 'OPEN',
        deadlineLastDay: '2027-01-05',
        deadlineEndsAt: DE_DEADLINE,
        openedAt: FRIDAY_BEFORE_CHRISTMAS.toISOString(),
        closingRule: null,
        securityInterest: null,
        version: 0,
      },
    });
  });

  it('lets the Commission read a catch-all consultation it is informed of', () => {
    const history = new EventHistory();
    history.append('consultation-c-1', historyOf(openCatchAll('FR')));
    const participants = spec.given(history.events).document('c-1')?.participants ?? [];
    expect(participants).toContain('COMMISSION');
    expect(participants[0]).toBe('FR');
  });

  it('closes the consultation with the answer on the board, and records the rule that closed it', () => {
    const history = new EventHistory();
    history.append(
      'consultation-c-1',
      historyOf(openArt14('FR', 'DE'), reply('DE', 'OBJECTION', MONDAY, 'end user of concern')),
    );
    const document = spec.given(history.events).document('c-1');
    expect(document).toMatchObject({ status: 'CLOSED', outcome: 'OBJECTED', closingRule: { basis: 'ANSWER' } });
  });

  it('closes a consultation left unanswered at its deadline by silence, with the silence rule it was opened under', () => {
    const history = new EventHistory();
    history.append('consultation-c-1', historyOf(openArt14('FR', 'DE'), lapse(at(DE_DEADLINE))));
    spec.given(history.events).then({
      'c-1': {
        status: 'CLOSED',
        outcome: 'NO_OBJECTION_BY_SILENCE',
        closingRule: { basis: 'SILENCE', workingDays: 10 },
      },
    });
  });

  it('closes a withdrawn consultation as withdrawn, by the withdrawal rule', () => {
    const history = new EventHistory();
    history.append('consultation-c-1', historyOf(openArt14('FR', 'DE'), withdraw('FR', MONDAY)));
    spec
      .given(history.events)
      .then({ 'c-1': { status: 'CLOSED', outcome: 'WITHDRAWN', closingRule: { basis: 'WITHDRAWAL' } } });
  });

  it('shows an Art 14(2) request with the date its grant was notified despite it', () => {
    const history = new EventHistory();
    const grantedAt = new Date('2027-01-10T10:00:00.000Z');
    history.append('consultation-c-1', historyOf(openSecurityInterest('FR', 'DE'), notifyGrant('DE', grantedAt)));
    spec.given(history.events).then({
      'c-1': {
        kind: 'SECURITY_INTEREST',
        securityInterest: { request: 'NOT_TO_GRANT', licenceId: null, grantNotifiedAt: grantedAt.toISOString() },
      },
    });
  });

  it('ignores events of other streams, even of a type it handles', () => {
    const history = new EventHistory();
    history.append('denial-c-1', historyOf(openArt14('FR', 'DE')));
    spec.given(history.events).thenNoDocuments();
  });
});
