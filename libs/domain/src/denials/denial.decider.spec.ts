import { fold } from '../decider';
import type { CommandMetadata } from '../decider';
import { normaliseApplicationContent } from '../licensing/application.content';
import type { Art16Notification, Art16NotificationKind } from '../licensing/art16-notification';
import { art16Notification } from '../licensing/art16-notification';
import { otherMemberStates } from '../reference/member-states';
import { deciderSpec } from '../testing/decider-spec';
import { contentInput } from '../testing/licensing.fixtures';
import type { DenialCommand } from './denial.commands';
import type { DenialState } from './denial.decider';
import { denialDecider } from './denial.decider';
import type { DenialEvent } from './denial.events';
import { DEFAULT_DENIAL_REVIEW_GRACE_DAYS, inForce, isReviewEscalated, isReviewOverdue } from './denial.rules';

const spec = deciderSpec(denialDecider);

const DECIDED = new Date('2026-03-09T15:00:00.000Z');
const NOTIFIED = new Date('2026-03-10T09:00:00.000Z');
const REVIEW_DUE = '2029-03-10T09:00:00.000Z';
/** REVIEW_DUE + 90 days: 21 days of March, 30 of April, 31 of May, 8 of June. */
const LAPSES = '2029-06-08T09:00:00.000Z';
const DENIAL_ID = 'denial-fr-1';

const content = normaliseApplicationContent(contentInput());

function notice(kind: Art16NotificationKind = 'DENIAL', from: 'FR' | 'DE' = 'FR'): Art16Notification {
  return art16Notification(
    kind,
    from,
    {
      applicationId: 'app-fr-1',
      licenceId: kind === 'DENIAL' ? null : 'lic-fr-1',
      applicationKind: 'INDIVIDUAL',
      items: content.items,
      destinationCountry: content.destinationCountry,
      endUser: content.endUser,
      consignee: content.consignee,
    },
    { grounds: ['HUMAN_RIGHTS'], reason: 'risk of internal repression', at: DECIDED },
  );
}

function by(memberState: string | undefined, now: Date): CommandMetadata {
  return { actor: `officer@${memberState ?? 'timer'}`, memberState, now, correlationId: 'corr-d' };
}

function notify(
  notification: Art16Notification = notice(),
  overrides: { memberState?: string; graceDays?: number; now?: Date } = {},
): DenialCommand {
  return {
    type: 'NotifyDenial',
    data: {
      denialId: DENIAL_ID,
      notification,
      reviewGraceDays: overrides.graceDays ?? DEFAULT_DENIAL_REVIEW_GRACE_DAYS,
    },
    metadata: by(overrides.memberState ?? notification.notifyingMemberState, overrides.now ?? NOTIFIED),
  };
}

const markReviewDue = (now: Date): DenialCommand => ({
  type: 'MarkReviewDue',
  data: {},
  metadata: { ...by(undefined, now), actor: 'review-timer' },
});

const renew = (now: Date, memberState = 'FR'): DenialCommand => ({
  type: 'ReviewDenial',
  data: { decision: 'RENEW', note: 'end user still of concern' },
  metadata: by(memberState, now),
});

const revoke = (now: Date, memberState = 'FR'): DenialCommand => ({
  type: 'ReviewDenial',
  data: { decision: 'REVOKE', reason: 'end user dissolved' },
  metadata: by(memberState, now),
});

const finalAssessment = (
  assessment: 'CONFIRMED' | 'LIFTED' | 'SUPERSEDED',
  supersededBy?: string,
  memberState = 'FR',
): DenialCommand => ({
  type: 'RecordFinalAssessment',
  data: { assessment, statement: 'assessment after investigation', ...(supersededBy ? { supersededBy } : {}) },
  metadata: by(memberState, new Date('2026-05-04T09:00:00.000Z')),
});

function historyOf(...commands: readonly DenialCommand[]): readonly DenialEvent[] {
  return commands.reduce<readonly DenialEvent[]>(
    (history, command) => [...history, ...denialDecider.decide(command, fold(denialDecider, history))],
    [],
  );
}

function stateOf(...commands: readonly DenialCommand[]): DenialState {
  return fold(denialDecider, historyOf(...commands));
}

const notified = () => historyOf(notify());

describe('Denial decider (the EU denial register)', () => {
  describe('notifying a denial (Art 16(2))', () => {
    it("enters a DENY decision's notice for all other member states and the Commission, review due three years on", () => {
      spec
        .given([])
        .when(notify())
        .then([
          {
            type: 'DenialNotified',
            data: {
              denialId: DENIAL_ID,
              issuingMemberState: 'FR',
              source: { kind: 'DENIAL', applicationId: 'app-fr-1', licenceId: null },
              recipients: { memberStates: otherMemberStates('FR'), commission: true },
              applicationKind: 'INDIVIDUAL',
              items: [
                {
                  controlEntry: '5A001.j',
                  catchAllGround: null,
                  description: 'IP network communications surveillance system',
                  hsCode: '85176200',
                },
              ],
              destinationCountry: 'JP',
              endUser: content.endUser,
              consignee: content.consignee,
              grounds: ['HUMAN_RIGHTS'],
              reason: 'risk of internal repression',
              decidedOn: '2026-03-09',
              reviewDueAt: REVIEW_DUE,
              lapsesAt: LAPSES,
              reviewGraceDays: 90,
              notifiedBy: 'officer@FR',
              notifiedAt: NOTIFIED.toISOString(),
            },
          },
        ]);
    });

    it.each(['ANNULMENT', 'SUSPENSION', 'SUBSTANTIAL_LIMITATION', 'REVOCATION'] as const)(
      'enters a licence %s in the register with its source recorded',
      (kind) => {
        const [event] = spec
          .given([])
          .when(notify(notice(kind)))
          .events();
        expect(event).toMatchObject({
          data: { source: { kind, applicationId: 'app-fr-1', licenceId: 'lic-fr-1' }, reviewDueAt: REVIEW_DUE },
        });
      },
    );

    it('refuses a final-assessment notification as a register entry: it belongs to the suspension it assesses', () => {
      spec
        .given([])
        .when(notify(notice('FINAL_ASSESSMENT')))
        .thenRefuses('INVALID', 'denial-source');
    });

    it('refuses a notification sent by an authority other than the notifying member state', () => {
      spec
        .given([])
        .when(notify(notice(), { memberState: 'DE' }))
        .thenRefuses('FORBIDDEN', 'issuing-member-state-only');
    });

    it('refuses to enter the same denial twice', () => {
      spec.given(notified()).when(notify()).thenRefuses('CONFLICT', 'denial-exists');
    });

    it('refuses a denial that covers no item: screening would have nothing to match', () => {
      spec
        .given([])
        .when(notify({ ...notice(), items: [] }))
        .thenRefuses('INVALID', 'items-required');
    });

    it('stores control entries normalised for matching', () => {
      const raw = { ...notice(), items: [{ ...notice().items[0]!, controlEntry: '5a001.J.' }] };
      const [event] = spec.given([]).when(notify(raw)).events();
      expect(event).toMatchObject({ data: { items: [{ controlEntry: '5A001.j' }] } });
    });

    it('refuses a review grace period that is negative, fractional or beyond a year', () => {
      for (const graceDays of [-1, 1.5, 367]) {
        spec.given([]).when(notify(notice(), { graceDays })).thenRefuses('INVALID', 'review-grace-days');
      }
    });
  });

  describe('the final assessment of a suspension', () => {
    const suspended = () => historyOf(notify(notice('SUSPENSION')));

    it('keeps a suspension confirmed by the final assessment in force as a denial', () => {
      const state = spec.given(suspended()).when(finalAssessment('CONFIRMED')).thenState();
      expect(state).toMatchObject({ status: 'IN_FORCE', finalAssessment: { assessment: 'CONFIRMED' } });
      expect(inForce(state, new Date('2026-06-01T00:00:00Z'))).toBe(true);
    });

    it('withdraws a suspension lifted by reinstatement of the licence', () => {
      const state = spec.given(suspended()).when(finalAssessment('LIFTED')).thenState();
      expect(state).toMatchObject({ status: 'WITHDRAWN' });
      expect(inForce(state, new Date('2026-06-01T00:00:00Z'))).toBe(false);
    });

    it('withdraws a suspension superseded by the annulment or revocation entry that followed it', () => {
      const state = spec.given(suspended()).when(finalAssessment('SUPERSEDED', 'denial-fr-2')).thenState();
      expect(state).toMatchObject({ status: 'WITHDRAWN', finalAssessment: { supersededBy: 'denial-fr-2' } });
    });

    it('refuses SUPERSEDED without the entry that replaces it', () => {
      spec.given(suspended()).when(finalAssessment('SUPERSEDED')).thenRefuses('INVALID', 'superseded-by');
    });

    it('refuses a final assessment of anything but a suspension', () => {
      spec
        .given(notified())
        .when(finalAssessment('CONFIRMED'))
        .thenRefuses('RULE_VIOLATED', 'final-assessment-after-suspension');
    });

    it('refuses a second final assessment', () => {
      spec
        .given(historyOf(notify(notice('SUSPENSION')), finalAssessment('CONFIRMED')))
        .when(finalAssessment('LIFTED'))
        .thenRefuses('CONFLICT', 'final-assessment-recorded');
    });

    it('lets only the issuing member state record the final assessment', () => {
      spec
        .given(suspended())
        .when(finalAssessment('LIFTED', undefined, 'DE'))
        .thenRefuses('FORBIDDEN', 'issuing-member-state-only');
    });
  });

  describe('review falling due (durable timer)', () => {
    it('marks the review due three years after notification', () => {
      const now = new Date(REVIEW_DUE);
      spec
        .given(notified())
        .when(markReviewDue(now))
        .then([{ type: 'DenialReviewDue', data: { reviewDueAt: REVIEW_DUE, lapsesAt: LAPSES, markedAt: REVIEW_DUE } }]);
    });

    it('refuses to mark a review due before its time', () => {
      spec
        .given(notified())
        .when(markReviewDue(new Date(Date.parse(REVIEW_DUE) - 1)))
        .thenRefuses('RULE_VIOLATED', 'review-not-due');
    });

    it('decides nothing when the timer fires again (idempotent)', () => {
      spec
        .given(historyOf(notify(), markReviewDue(new Date(REVIEW_DUE))))
        .when(markReviewDue(new Date('2029-03-11T00:00:00Z')))
        .then([]);
    });

    it('decides nothing for a revoked denial', () => {
      spec
        .given(historyOf(notify(), revoke(new Date('2027-01-04T10:00:00Z'))))
        .when(markReviewDue(new Date(REVIEW_DUE)))
        .then([]);
    });

    it('after a renewal, waits for the new due date: the old timer is early', () => {
      const renewed = historyOf(notify(), markReviewDue(new Date(REVIEW_DUE)), renew(new Date('2029-04-02T08:00:00Z')));
      spec
        .given(renewed)
        .when(markReviewDue(new Date('2029-04-03T00:00:00Z')))
        .thenRefuses('RULE_VIOLATED', 'review-not-due');
      expect(
        spec
          .given(renewed)
          .when(markReviewDue(new Date('2032-04-02T08:00:00Z')))
          .events(),
      ).toHaveLength(1);
    });
  });

  describe('review by the issuing member state', () => {
    const reviewedAt = new Date('2029-04-02T08:00:00.000Z');

    it('renews: the next review falls due three years after this one', () => {
      spec
        .given(historyOf(notify(), markReviewDue(new Date(REVIEW_DUE))))
        .when(renew(reviewedAt))
        .then([
          {
            type: 'DenialRenewed',
            data: {
              note: 'end user still of concern',
              previousReviewDueAt: REVIEW_DUE,
              reviewDueAt: '2032-04-02T08:00:00.000Z',
              lapsesAt: '2032-07-01T08:00:00.000Z',
              renewedBy: 'officer@FR',
              renewedAt: reviewedAt.toISOString(),
            },
          },
        ]);
    });

    it('amends the changed fields and restarts the review clock', () => {
      const amend: DenialCommand = {
        type: 'ReviewDenial',
        data: {
          decision: 'AMEND',
          amendments: {
            endUser: { name: 'Nippon Telecom Research Institute', address: '1-1 Chiyoda, Tokyo', country: 'jp' },
            grounds: ['HUMAN_RIGHTS', 'END_USE_AND_DIVERSION'],
          },
          note: 'end user renamed; diversion risk added',
        },
        metadata: by('FR', reviewedAt),
      };
      const state = spec.given(notified()).when(amend).thenState();
      expect(state).toMatchObject({
        status: 'IN_FORCE',
        endUser: { name: 'Nippon Telecom Research Institute', country: 'JP' },
        grounds: ['HUMAN_RIGHTS', 'END_USE_AND_DIVERSION'],
        destinationCountry: 'JP',
        reviewDueAt: '2032-04-02T08:00:00.000Z',
      });
    });

    it('refuses an amendment that changes nothing', () => {
      const amend: DenialCommand = {
        type: 'ReviewDenial',
        data: { decision: 'AMEND', amendments: {}, note: 'nothing' },
        metadata: by('FR', reviewedAt),
      };
      spec.given(notified()).when(amend).thenRefuses('INVALID', 'nothing-to-amend');
    });

    it('revokes: the denial is no longer in force', () => {
      const state = spec.given(notified()).when(revoke(reviewedAt)).thenState();
      expect(state).toMatchObject({ status: 'REVOKED' });
      expect(inForce(state, reviewedAt)).toBe(false);
    });

    it.each([
      ['another member state', 'DE', 'issuing-member-state-only'],
      ['the Commission', undefined, 'authority-required'],
    ])('refuses a review by %s (403)', (_who, memberState, rule) => {
      spec
        .given(notified())
        .when({ ...renew(reviewedAt), metadata: by(memberState, reviewedAt) })
        .thenRefuses('FORBIDDEN', rule);
    });

    it('refuses to review a revoked denial', () => {
      spec
        .given(historyOf(notify(), revoke(reviewedAt)))
        .when(renew(reviewedAt))
        .thenRefuses('CONFLICT', 'denial-not-in-force');
    });

    // Changed with issue 9: an overdue denial used to lapse and refuse a late renewal.
    it('lets the issuer renew or revoke a denial whose review is long overdue: a denial never lapses (Art 16(2))', () => {
      const longAfter = new Date(Date.parse(LAPSES) + 365 * 86_400_000);
      expect(spec.given(notified()).when(renew(longAfter)).events()[0]).toMatchObject({ type: 'DenialRenewed' });
      expect(spec.given(notified()).when(revoke(longAfter)).events()).toHaveLength(1);
    });

    it('refuses a review of a denial that is not in the register', () => {
      spec.given([]).when(renew(reviewedAt)).thenRefuses('NOT_FOUND', 'denial-not-found');
    });
  });

  describe('denials in force', () => {
    it('is in force from notification until revoked', () => {
      expect(inForce(stateOf(notify()), NOTIFIED)).toBe(true);
      expect(
        inForce(stateOf(notify(), revoke(new Date('2027-01-04T10:00:00Z'))), new Date('2027-01-04T10:00:00Z')),
      ).toBe(false);
    });

    // Changed with issue 9: these used to expect the denial out of force after the grace period.
    it('keeps a denial in force when its review is overdue beyond the grace period: a denial never lapses by itself', () => {
      const state = stateOf(notify(), markReviewDue(new Date(REVIEW_DUE)));
      const yearsLater = new Date(Date.parse(LAPSES) + 3 * 365 * 86_400_000);
      expect(inForce(state, yearsLater)).toBe(true);
      expect(isReviewOverdue(state, yearsLater)).toBe(true);
      expect(isReviewEscalated(state, yearsLater)).toBe(true);
    });

    it('flags the review overdue from the review date and escalates it after the grace period', () => {
      const state = stateOf(notify());
      expect(isReviewOverdue(state, new Date(Date.parse(REVIEW_DUE) - 1))).toBe(false);
      expect(isReviewOverdue(state, new Date(REVIEW_DUE))).toBe(true);
      expect(isReviewEscalated(state, new Date(Date.parse(LAPSES) - 1))).toBe(false);
      expect(isReviewEscalated(state, new Date(LAPSES))).toBe(true);
      const zeroGrace = stateOf(notify(notice(), { graceDays: 0 }));
      expect(inForce(zeroGrace, new Date(REVIEW_DUE))).toBe(true);
      expect(isReviewEscalated(zeroGrace, new Date(REVIEW_DUE))).toBe(true);
    });

    it('stays in force after a renewal within the grace period', () => {
      const state = stateOf(notify(), renew(new Date('2029-04-02T08:00:00Z')));
      expect(inForce(state, new Date('2030-01-01T00:00:00Z'))).toBe(true);
    });

    it('is not in force on a stream without a notified denial', () => {
      expect(inForce(stateOf(), NOTIFIED)).toBe(false);
    });
  });
});
