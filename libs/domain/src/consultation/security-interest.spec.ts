import { otherMemberStates } from '../reference/member-states';
import { deciderSpec } from '../testing/decider-spec';
import { consultationDecider } from './consultation.decider';
import { consultationStatusFor } from './consultation-status';
import {
  APPLICATION,
  FRIDAY_BEFORE_CHRISTMAS,
  historyOf,
  lapse,
  notifyGrant,
  openSecurityInterest,
  reply,
  requestExtension,
  stateOf,
  withdraw,
} from './testing/consultation.fixtures';

const spec = deciderSpec(consultationDecider);

/** FR asks DE, which decides on the application, not to grant it (Friday 18 Dec 2026). */
const frAsksDe = () => openSecurityInterest('FR', 'DE');
/** End of the 10th DE working day after 2026-12-18 (25 Dec and 1 Jan are holidays). */
const DE_DEADLINE = new Date('2027-01-05T23:00:00.000Z');
const MONDAY = new Date('2026-12-21T09:00:00.000Z');

describe('Art 14(2): security-interest requests', () => {
  it('opens a consultation from the requesting member state to the one that decides, to be terminated within 10 of its working days', () => {
    const state = stateOf(frAsksDe());
    expect(state).toMatchObject({
      status: 'OPEN',
      kind: 'SECURITY_INTEREST',
      requester: 'FR',
      consulted: ['DE'],
      calendar: 'DE',
      maxWorkingDays: 10,
      subject: { kind: 'SECURITY_INTEREST', applicationId: APPLICATION, licenceId: null, request: 'NOT_TO_GRANT' },
      deadline: { memberState: 'DE', workingDays: 10, endsAt: DE_DEADLINE.toISOString() },
      rules: { basis: 'TEXT', workingDays: 10, periodSetting: 'ART14_2_CONSULTATION_WORKING_DAYS' },
    });
  });

  it('takes the period from the ART14_2_CONSULTATION_WORKING_DAYS setting the command carries', () => {
    const state = stateOf(openSecurityInterest('FR', 'DE', { replyWorkingDays: 5 }));
    expect(state).toMatchObject({ deadline: { workingDays: 5 }, maxWorkingDays: 5, rules: { workingDays: 5 } });
  });

  it('asks to annul, suspend, modify or revoke only a named licence, and not to grant only without one', () => {
    spec
      .given([])
      .when(openSecurityInterest('FR', 'DE', { request: 'REVOKE' }))
      .thenRefuses('INVALID', 'licence-for-request');
    spec
      .given([])
      .when(openSecurityInterest('FR', 'DE', { request: 'NOT_TO_GRANT', licenceId: 'lic-7' }))
      .thenRefuses('INVALID', 'licence-for-request');
    expect(stateOf(openSecurityInterest('FR', 'DE', { request: 'SUSPEND', licenceId: 'lic-7' }))).toMatchObject({
      subject: { request: 'SUSPEND', licenceId: 'lic-7' },
    });
  });

  it('refuses a request a member state addresses to itself', () => {
    spec.given([]).when(openSecurityInterest('DE', 'DE')).thenRefuses('RULE_VIOLATED', 'consult-another-member-state');
  });

  it('never holds a grant back: the consultation is non-binding, open or answered', () => {
    const open = stateOf(frAsksDe());
    expect(consultationStatusFor([open], MONDAY)).toEqual({ blockingOpen: 0, bindingObjection: false, objections: [] });
    const accepted = stateOf(frAsksDe(), reply('DE', 'REQUEST_ACCEPTED', MONDAY));
    expect(consultationStatusFor([accepted], MONDAY)).toEqual({
      blockingOpen: 0,
      bindingObjection: false,
      objections: [],
    });
  });

  it('lets only the requested member state answer, and a decline states its reasons', () => {
    spec
      .given(historyOf(frAsksDe()))
      .when(reply('NL', 'REQUEST_DECLINED', MONDAY, 'no'))
      .thenRefuses('FORBIDDEN', 'consulted-member-state-only');
    spec
      .given(historyOf(frAsksDe()))
      .when(reply('DE', 'REQUEST_DECLINED', MONDAY))
      .thenRefuses('INVALID', 'objection-reasons-required');
    spec
      .given(historyOf(frAsksDe()))
      .when(reply('DE', 'NO_OBJECTION', MONDAY))
      .thenRefuses('INVALID', 'answer-for-kind');
  });

  it('closes on the answer, recording the rule that closed it', () => {
    const state = stateOf(frAsksDe(), reply('DE', 'REQUEST_DECLINED', MONDAY, 'civilian end use verified on site'));
    expect(state).toMatchObject({
      status: 'CLOSED',
      outcome: 'REQUEST_DECLINED',
      closingRule: { basis: 'ANSWER', workingDays: 10, periodSetting: 'ART14_2_CONSULTATION_WORKING_DAYS' },
    });
  });

  it('refuses an answer after the 10 working days and ends the consultation without answer, binding no one', () => {
    spec
      .given(historyOf(frAsksDe()))
      .when(reply('DE', 'REQUEST_ACCEPTED', DE_DEADLINE))
      .thenRefuses('RULE_VIOLATED', 'reply-after-deadline');
    const state = stateOf(frAsksDe(), lapse(DE_DEADLINE));
    expect(state).toMatchObject({
      status: 'CLOSED',
      outcome: 'ENDED_WITHOUT_ANSWER',
      closingRule: { basis: 'SILENCE', silenceSetting: null },
    });
  });

  it('has no extension: the consultation is terminated within its period', () => {
    spec
      .given(historyOf(frAsksDe()))
      .when(requestExtension('DE', 5, MONDAY))
      .thenRefuses('RULE_VIOLATED', 'art14-2-no-extension');
  });

  it('notifies a grant despite a request not to grant to the Commission and every other member state', () => {
    const grantedAt = new Date('2027-01-07T10:00:00.000Z');
    spec
      .given(historyOf(frAsksDe(), reply('DE', 'REQUEST_DECLINED', MONDAY, 'civilian end use verified on site')))
      .when(notifyGrant('DE', grantedAt))
      .then([
        {
          type: 'SecurityInterestGrantNotified',
          data: {
            applicationId: APPLICATION,
            licenceId: 'lic-7',
            grantingMemberState: 'DE',
            requestingMemberState: 'FR',
            recipients: { memberStates: otherMemberStates('DE'), commission: true },
            consultationOutcome: 'REQUEST_DECLINED',
            grantedAt: grantedAt.toISOString(),
            notifiedBy: 'system:security-interest-notifier',
            notifiedAt: grantedAt.toISOString(),
          },
        },
      ]);
  });

  it('notifies a grant made while the consultation is still open, which it never blocks', () => {
    const state = stateOf(frAsksDe(), notifyGrant('DE', MONDAY));
    expect(state).toMatchObject({ status: 'OPEN', grantNotified: { consultationOutcome: null } });
  });

  it('notifies each grant once, and neither a grant on a withdrawn request nor one made before the request', () => {
    spec
      .given(historyOf(frAsksDe(), notifyGrant('DE', MONDAY)))
      .when(notifyGrant('DE', MONDAY))
      .then([]);
    spec
      .given(historyOf(frAsksDe(), withdraw('FR', MONDAY)))
      .when(notifyGrant('DE', MONDAY))
      .then([]);
    const before = new Date(FRIDAY_BEFORE_CHRISTMAS.getTime() - 60_000);
    spec.given(historyOf(frAsksDe())).when(notifyGrant('DE', before)).then([]);
  });

  it('takes a grant notification only from the requested member state, for the application concerned', () => {
    spec
      .given(historyOf(frAsksDe()))
      .when(notifyGrant('FR', MONDAY))
      .thenRefuses('FORBIDDEN', 'requested-member-state-only');
    spec
      .given(historyOf(frAsksDe()))
      .when(notifyGrant('DE', MONDAY, 'app-other'))
      .thenRefuses('INVALID', 'application-of-request');
    spec
      .given(historyOf(openSecurityInterest('FR', 'DE', { request: 'REVOKE', licenceId: 'lic-7' })))
      .when(notifyGrant('DE', MONDAY))
      .thenRefuses('RULE_VIOLATED', 'security-interest-not-to-grant');
  });
});
