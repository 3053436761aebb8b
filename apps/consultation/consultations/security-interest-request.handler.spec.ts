import type { CommandBus } from '@nestjs/cqrs';
import type { Principal } from '@dul/auth';
import type { ConsultationState } from '@dul/domain';
import { consultationDecider, DomainError } from '@dul/domain';
import type { ConsultationOpening } from './consultation-opening';
import { WithdrawSecurityInterest, WithdrawSecurityInterestHandler } from './security-interest-request.handler';

const requesterDe: Principal = { sub: 'de-caseworker', ms: 'DE', roles: ['caseworker'] } as unknown as Principal;

function handlerWith(state: ConsultationState) {
  const sent: unknown[] = [];
  const opening = { consultation: () => Promise.resolve(state) } as unknown as ConsultationOpening;
  const bus = {
    execute: (write: unknown) => {
      sent.push(write);
      return Promise.resolve({ id: 'c-1', version: 1, position: 1, appended: 1 });
    },
  } as unknown as CommandBus;
  return { handler: new WithdrawSecurityInterestHandler(opening, bus), sent };
}

function openedState(kind: 'PRIOR_DENIAL' | 'SECURITY_INTEREST'): ConsultationState {
  const subject =
    kind === 'PRIOR_DENIAL'
      ? { kind, applicationId: 'app-1', denialId: 'd-1', match: { score: 1, matchedFields: ['endUser'] } }
      : { kind, applicationId: 'app-1', licenceId: null, request: 'NOT_TO_GRANT', grounds: 'g' };
  return consultationDecider.evolve(consultationDecider.initialState(), {
    type: 'ConsultationOpened',
    data: {
      consultationId: 'c-1',
      kind,
      subject,
      requester: 'DE',
      consulted: ['FR'],
      commissionInformed: false,
      packet: {} as never,
      calendar: 'FR',
      maxWorkingDays: 30,
      deadline: {
        memberState: 'FR',
        workingDays: 10,
        lastDay: '2027-01-05',
        timeZone: 'Europe/Paris',
        endsAt: '2027-01-05T23:00:00.000Z',
      },
      openedBy: 'x',
      openedAt: '2026-12-18T10:00:00.000Z',
    } as never,
  });
}

const withdraw = () => new WithdrawSecurityInterest('c-1', requesterDe, 'corr', 'no longer needed', 3);

describe('withdrawing through the API', () => {
  it('withdraws only an Art 14(2) request: an Art 16 or Art 14(1) consultation ends with the application (422)', async () => {
    const { handler, sent } = handlerWith(openedState('PRIOR_DENIAL'));
    await expect(handler.execute(withdraw())).rejects.toMatchObject({
      code: 'RULE_VIOLATED',
      rule: 'withdraw-security-interest-only',
    });
    expect(sent).toHaveLength(0);
  });

  it('passes an Art 14(2) withdrawal on with the If-Match version, and answers 404 to a non-party', async () => {
    const { handler, sent } = handlerWith(openedState('SECURITY_INTEREST'));
    await handler.execute(withdraw());
    expect(sent).toEqual([
      expect.objectContaining({
        id: 'c-1',
        request: expect.objectContaining({
          ifMatch: 3,
          command: { type: 'WithdrawConsultation', data: { reason: 'no longer needed' } },
        }),
      }),
    ]);
    const outsider = new WithdrawSecurityInterest('c-1', { ...requesterDe, ms: 'IT' }, 'c', 'r', undefined);
    await expect(handler.execute(outsider)).rejects.toBeInstanceOf(DomainError);
    await expect(handler.execute(outsider)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
