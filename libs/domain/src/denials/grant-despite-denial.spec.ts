import { consultedDenialsOf } from '../consultation/consultation-status';
import type { ConsultedDenial } from '../consultation/consultation-status';
import { at, lapse, openArt16, reply, stateOf } from '../consultation/testing/consultation.fixtures';
import { otherMemberStates } from '../reference/member-states';
import { grantDespiteDenialNotification } from './grant-despite-denial';

const GRANTED = new Date('2027-01-07T10:00:00.000Z');
const DEADLINE = '2027-01-05T23:00:00.000Z';

const silentFr: ConsultedDenial = {
  denialId: 'denial-9',
  issuingMemberState: 'FR',
  consultationId: 'app-7/art16/denial-9',
  outcome: 'NOT_ESSENTIALLY_IDENTICAL_BY_SILENCE',
};

const notification = (denials: readonly ConsultedDenial[], reasons = 'end user differs: another subsidiary') =>
  grantDespiteDenialNotification({
    applicationId: 'app-7',
    grantingMemberState: 'DE',
    reasons,
    denials,
    notifiedBy: 'boss@bafa',
    at: GRANTED,
  });

describe('grant despite a denial (Art 16)', () => {
  it('notifies every other member state and the Commission, with the reasons and each denial consulted', () => {
    expect(notification([silentFr])).toEqual({
      type: 'GrantDespiteDenialNotified',
      data: {
        applicationId: 'app-7',
        grantingMemberState: 'DE',
        recipients: { memberStates: otherMemberStates('DE'), commission: true },
        reasons: 'end user differs: another subsidiary',
        denials: [silentFr],
        notifiedBy: 'boss@bafa',
        grantedAt: GRANTED.toISOString(),
      },
    });
  });

  it('builds from the consultations: FR stayed silent, the lapse counts, DE grants and tells everyone', () => {
    const denials = consultedDenialsOf([stateOf(openArt16('DE', 'FR'), lapse(at(DEADLINE)))]);
    expect(notification(denials).data.denials).toEqual([silentFr]);
    expect(notification(denials).data.recipients.memberStates).toEqual(expect.arrayContaining(['FR', 'NL']));
  });

  it('is owed even when the denying member state answered "essentially identical": there is no veto', () => {
    const denials = consultedDenialsOf([
      stateOf(openArt16('DE', 'FR'), reply('FR', 'ESSENTIALLY_IDENTICAL', new Date('2026-12-21T09:00:00Z'))),
    ]);
    expect(notification(denials).data.denials).toEqual([{ ...silentFr, outcome: 'ESSENTIALLY_IDENTICAL' }]);
  });

  it('refuses a grant despite a denial without reasons', () => {
    expect(() => notification([silentFr], '  ')).toThrow(
      expect.objectContaining({ code: 'RULE_VIOLATED', rule: 'grant-despite-denial-reasons' }),
    );
  });

  it('refuses while the consultation of the denying member state is still open', () => {
    const open = consultedDenialsOf([stateOf(openArt16('DE', 'FR'))]);
    expect(() => notification(open)).toThrow(
      expect.objectContaining({ code: 'RULE_VIOLATED', rule: 'consultation-open' }),
    );
  });

  it('refuses a notification that names no denial', () => {
    expect(() => notification([])).toThrow(expect.objectContaining({ code: 'INVALID', rule: 'denials-required' }));
  });

  it("refuses the granting member state's own denial: Art 16 concerns other member states' denials", () => {
    expect(() => notification([{ ...silentFr, issuingMemberState: 'DE' }])).toThrow(
      expect.objectContaining({ code: 'INVALID', rule: 'denial-of-another-member-state' }),
    );
  });

  it('names each denial once', () => {
    expect(notification([silentFr, silentFr]).data.denials).toHaveLength(1);
  });
});
