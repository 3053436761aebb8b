import type { ConsultationCommand, OpenConsultation } from '@dul/domain';
import { consultationDecider } from '@dul/domain';
import { applicationHistory, consultationFixtures, decided, NOW } from '@dul/domain/testing';
import type { CommandExecution } from '@dul/platform';
import type { ReactorDependencies } from '@dul/platform/testing';
import { processWriteOf, reactorSpec } from '@dul/platform/testing';
import { EventHistory } from '@dul/projections/testing';
import { licenceIdFor } from '../../licensing/public/licence-id';
import { consultationAggregate } from '../public/consultation.aggregates';
import { securityInterestConsultationId } from '../public/consultation-ids';
import { DEFAULT_CONSULTATION_SETTINGS } from '../public/consultation-settings';
import type { ScreeningService } from '../screening/screening.service';
import { ConsultationOpening } from './consultation-opening';
import { SecurityInterestNotifier } from './security-interest-notifier.process';

const spec = reactorSpec(({ store, commandBus }: ReactorDependencies) => {
  const opening = new ConsultationOpening(
    store,
    {} as ScreeningService,
    commandBus.asCommandBus(),
    {} as CommandExecution,
    DEFAULT_CONSULTATION_SETTINGS,
  );
  return new SecurityInterestNotifier(store, opening, commandBus.asCommandBus());
});

/** `requester` asks DE not to grant app-1 (Art 14(2)); `then` are later commands on that request. */
function requestNotToGrant(history: EventHistory, requester: 'FR' | 'IT', ...then: ConsultationCommand[]): string {
  const id = securityInterestConsultationId({ applicationId: 'app-1' }, requester, 'NOT_TO_GRANT');
  const open = consultationFixtures.openSecurityInterest(requester, 'DE');
  const request: OpenConsultation = { ...open, data: { ...open.data, consultationId: id, applicationId: 'app-1' } };
  history.append(consultationAggregate.category.streamOf(id), decided(consultationDecider, [request, ...then]));
  return id;
}

function decide(history: EventHistory, outcome: 'GRANT' | 'DENY') {
  history.append('application-app-1', [
    applicationHistory.submitted(),
    applicationHistory.assessed(),
    applicationHistory.proposed(outcome),
    applicationHistory.issued(outcome),
  ]);
  return history.last();
}

describe('security-interest notifier (Art 14(2) process manager)', () => {
  it('records the grant on the consultation of every member state that asked not to grant, with the licence id', async () => {
    const history = new EventHistory();
    const fromFrance = requestNotToGrant(history, 'FR');
    const fromItaly = requestNotToGrant(history, 'IT');
    const grant = decide(history, 'GRANT');
    const sent = await spec.given(history.events).when(grant).sent();
    const writes = sent.map((write) => processWriteOf<ConsultationCommand>(write));
    expect(writes.map(({ id, eventIdsFrom }) => [id, eventIdsFrom]).sort()).toEqual(
      [
        [fromFrance, `${grant.eventId}:${fromFrance}`],
        [fromItaly, `${grant.eventId}:${fromItaly}`],
      ].sort(),
    );
    expect(writes[0]?.command).toMatchObject({
      type: 'NotifyGrantDespiteSecurityInterest',
      data: { applicationId: 'app-1', licenceId: licenceIdFor('app-1'), grantedAt: NOW.toISOString() },
      metadata: { actor: 'system:security-interest-notifier', memberState: 'DE', causationId: grant.eventId },
    });
  });

  it('notifies a request closed before the grant too, since the request never blocks it', async () => {
    const history = new EventHistory();
    const closed = requestNotToGrant(
      history,
      'FR',
      consultationFixtures.reply('DE', 'REQUEST_DECLINED', new Date('2026-12-21T09:00:00.000Z'), 'we grant anyway'),
    );
    const grant = decide(history, 'GRANT');
    const sent = await spec.given(history.events).when(grant).sent();
    expect(sent.map((write) => processWriteOf(write).id)).toEqual([closed]);
  });

  it('notifies nothing when no member state asked not to grant, nor for a refusal', async () => {
    const quiet = new EventHistory();
    await spec.given(quiet.events).when(decide(quiet, 'GRANT')).thenSendsNothing();
    const refused = new EventHistory();
    requestNotToGrant(refused, 'FR');
    await spec.given(refused.events).when(decide(refused, 'DENY')).thenSendsNothing();
  });
});
