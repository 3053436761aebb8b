import type { ICommand } from '@nestjs/cqrs';
import type { DenialCommand, DomainEvent } from '@dul/domain';
import { DEFAULT_DENIAL_REVIEW_GRACE_DAYS, DomainError } from '@dul/domain';
import {
  applicationHistory,
  grantedApplication,
  licenceLife,
  licenceMeasures,
  NOW,
  refusalNotice,
} from '@dul/domain/testing';
import type { StoredEvent } from '@dul/event-store';
import { derivedId } from '@dul/event-store';
import type { ReactorDependencies } from '@dul/platform/testing';
import { processWriteOf, reactorSpec, RecordingCommandBus } from '@dul/platform/testing';
import { EventHistory } from '@dul/projections/testing';
import { DenialNotifier } from './denial-notifier.process';

const build = ({ store, commandBus }: ReactorDependencies) => new DenialNotifier(store, commandBus.asCommandBus());
const spec = reactorSpec(build);
const granted = grantedApplication();
const { suspend, reinstate } = licenceMeasures;

/** A refusal as the decision path records it, with its Art 16 notice. */
function refusal(): DomainEvent {
  const issued = applicationHistory.issued('DENY');
  const denialNotice = refusalNotice('DE', 'app-1', granted.content, NOW);
  return { type: issued.type, data: { ...issued.data, denialNotice } };
}

function sentTo(sent: ICommand | undefined) {
  const { id, command, eventIdsFrom } = processWriteOf<DenialCommand>(sent);
  return { id, type: command.type, causationId: command.metadata.causationId, eventIdsFrom };
}

describe('denial notifier (Art 16 process manager)', () => {
  it('enters a refusal in the EU denial register under an id derived from the application, for every other member state', async () => {
    const history = new EventHistory();
    history.append('application-app-1', [applicationHistory.submitted(), refusal()]);
    const decision = history.last();
    const [write, ...rest] = await spec.given(history.events).when(decision).sent();
    expect(rest).toEqual([]);
    expect(sentTo(write)).toEqual({
      id: derivedId('denial:application:app-1'),
      type: 'NotifyDenial',
      causationId: decision.eventId,
      eventIdsFrom: decision.eventId,
    });
    expect(processWriteOf(write).command).toMatchObject({
      data: {
        denialId: derivedId('denial:application:app-1'),
        notification: { kind: 'DENIAL', notifyingMemberState: 'DE', recipients: { commission: true } },
        reviewGraceDays: DEFAULT_DENIAL_REVIEW_GRACE_DAYS,
      },
      metadata: { actor: 'system:denial-notifier', memberState: 'DE', now: decision.recordedAt },
    });
  });

  it('notifies nothing for a grant, nor for a refusal recorded without an Art 16 notice', async () => {
    const history = new EventHistory();
    history.append('application-app-1', [applicationHistory.issued('GRANT')]);
    history.append('application-app-2', [applicationHistory.issued('DENY')]);
    const [grant, bareRefusal] = history.events as [StoredEvent, StoredEvent];
    await spec.given(history.events).when(grant).thenSendsNothing();
    await spec.given(history.events).when(bareRefusal).thenSendsNothing();
  });

  it('enters each suspension of a licence as an entry of its own, derived from the licence and the suspending event', async () => {
    const history = new EventHistory();
    history.append('licence-lic-1', licenceLife('lic-1', suspend));
    const suspension = history.last();
    const [write] = await spec.given(history.events).when(suspension).sent();
    expect(sentTo(write)).toMatchObject({
      id: derivedId(`denial:licence:lic-1:${suspension.eventId}`),
      type: 'NotifyDenial',
    });
  });

  it("lifts the entry of the suspension a reinstatement ends, by the reinstatement's final assessment", async () => {
    const history = new EventHistory();
    history.append('licence-lic-1', licenceLife('lic-1', suspend, reinstate));
    const [, suspension, reinstatement] = history.events as [StoredEvent, StoredEvent, StoredEvent];
    const [write, ...rest] = await spec.given(history.events).when(reinstatement).sent();
    expect(rest).toEqual([]);
    expect(sentTo(write)).toEqual({
      id: derivedId(`denial:licence:lic-1:${suspension.eventId}`),
      type: 'RecordFinalAssessment',
      causationId: reinstatement.eventId,
      eventIdsFrom: reinstatement.eventId,
    });
    expect(processWriteOf(write).command.data).toMatchObject({ assessment: 'LIFTED' });
  });

  it('treats an entry already made, or an assessment already recorded, as a replay done; other refusals are retried', async () => {
    const history = new EventHistory();
    history.append('application-app-1', [applicationHistory.submitted(), refusal()]);
    const refusing = (rule: string) =>
      reactorSpec(build, () =>
        new RecordingCommandBus().refuse(() => true, new DomainError('CONFLICT', 'refused', rule)),
      );
    for (const rule of ['denial-exists', 'final-assessment-recorded']) {
      await expect(refusing(rule).given(history.events).when(history.last()).sent()).resolves.toHaveLength(1);
    }
    await expect(refusing('denial-not-found').given(history.events).when(history.last()).sent()).rejects.toThrow(
      'refused',
    );
  });
});
