import type { CommandMetadata, DenialCommand } from '@dul/domain';
import { DEFAULT_DENIAL_REVIEW_GRACE_DAYS, denialDecider, normaliseApplicationContent } from '@dul/domain';
import { contentInput, decided, itemInput, refusalNotice } from '@dul/domain/testing';
import { EventHistory, projectionSpec } from '@dul/projections/testing';
import { denialRegisterProjection } from './denial-register.projection';

const spec = projectionSpec(denialRegisterProjection);
const DECIDED = new Date('2026-03-09T15:00:00.000Z');
const NOTIFIED = new Date('2026-03-10T09:00:00.000Z');
const REVIEW_DUE_PASSED = new Date('2029-03-11T09:00:00.000Z');

const content = normaliseApplicationContent(
  contentInput({
    items: [itemInput(), itemInput({ classification: { kind: 'LISTED', controlEntry: '5A001.b.1' } })],
  }),
);
const notice = refusalNotice('FR', 'app-fr-1', content, DECIDED);
const by = (now: Date, memberState: string | undefined = 'FR'): CommandMetadata => ({
  actor: `officer@${memberState ?? 'timer'}`,
  memberState,
  now,
  correlationId: 'corr-d',
});
const notify = (denialId: string): DenialCommand => ({
  type: 'NotifyDenial',
  data: { denialId, notification: notice, reviewGraceDays: DEFAULT_DENIAL_REVIEW_GRACE_DAYS },
  metadata: by(NOTIFIED),
});
const markReviewDue: DenialCommand = { type: 'MarkReviewDue', data: {}, metadata: by(REVIEW_DUE_PASSED, undefined) };
const renew: DenialCommand = {
  type: 'ReviewDenial',
  data: { decision: 'RENEW', note: 'end user still of concern' },
  metadata: by(REVIEW_DUE_PASSED),
};
const revoke: DenialCommand = {
  type: 'ReviewDenial',
  data: { decision: 'REVOKE', reason: 'end user dissolved' },
  metadata: by(REVIEW_DUE_PASSED),
};

describe('EU denial register projection', () => {
  it('registers a notified denial as in force, its review pending, with destination, end user and review dates', () => {
    const history = new EventHistory();
    history.append('denial-den-1', decided(denialDecider, [notify('den-1')]));
    spec.given(history.events).then({
      'den-1': {
        id: 'den-1',
        issuingMemberState: 'FR',
        status: 'IN_FORCE',
        destination: 'JP',
        endUser: 'Nippon Telecom Research',
        notifiedAt: NOTIFIED.toISOString(),
        reviewDueAt: '2029-03-10T09:00:00.000Z',
        reviewPending: true,
        reviewOverdue: false,
        version: 0,
      },
    });
  });

  it('lists each normalised control entry once and the entry heads screening matches on, without repeats', () => {
    const history = new EventHistory();
    history.append('denial-den-1', decided(denialDecider, [notify('den-1')]));
    const document = spec.given(history.events).document('den-1');
    expect(document?.controlEntries).toEqual(['5A001.j', '5A001.b.1']);
    expect(document?.entryHeads).toEqual(['5A001']);
  });

  it('flags a denial whose review the timer marked due as overdue, still in force (a denial never lapses by itself)', () => {
    const history = new EventHistory();
    history.append('denial-den-1', decided(denialDecider, [notify('den-1'), markReviewDue]));
    spec.given(history.events).then({
      'den-1': { status: 'IN_FORCE', reviewPending: false, reviewOverdue: true, version: 1 },
    });
  });

  it('puts a renewed denial back on the review work list and clears the overdue flag', () => {
    const history = new EventHistory();
    history.append('denial-den-1', decided(denialDecider, [notify('den-1'), markReviewDue, renew]));
    const document = spec.given(history.events).document('den-1');
    expect(document).toMatchObject({ status: 'IN_FORCE', reviewPending: true, reviewOverdue: false });
    expect(document?.reviewDueAt).not.toBe('2029-03-10T09:00:00.000Z');
  });

  it('takes a revoked denial off both the review work list and the overdue flags', () => {
    const history = new EventHistory();
    history.append('denial-den-1', decided(denialDecider, [notify('den-1'), markReviewDue, revoke]));
    spec.given(history.events).then({ 'den-1': { status: 'REVOKED', reviewPending: false, reviewOverdue: false } });
  });

  it('ignores events of other streams, even of a type it handles', () => {
    const history = new EventHistory();
    history.append('consultation-den-1', decided(denialDecider, [notify('den-1')]));
    spec.given(history.events).thenNoDocuments();
  });
});
