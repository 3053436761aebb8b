import type { ConsultationCommand, OpenConsultation } from '@dul/domain';
import { DomainError } from '@dul/domain';
import { applicationHistory, contentInput, itemInput, NOW } from '@dul/domain/testing';
import { derivedId } from '@dul/event-store';
import type { ReactorDependencies } from '@dul/platform/testing';
import { processWriteOf, reactorSpec, RecordingCommandBus } from '@dul/platform/testing';
import { EventHistory } from '@dul/projections/testing';
import { CatchAllInformer } from './catch-all-informer.process';

const build = ({ store, commandBus }: ReactorDependencies) =>
  new CatchAllInformer(store, { reviewWorkingDays: 30 }, commandBus.asCommandBus());
const spec = reactorSpec(build);

const unlisted = (catchAllGround: 'ART4' | 'ART5' | 'NATIONAL') =>
  itemInput({ classification: { kind: 'NOT_LISTED', catchAllGround } });

function decided(items: ReturnType<typeof itemInput>[], outcome: 'GRANT' | 'DENY' = 'GRANT') {
  const history = new EventHistory();
  history.append('application-app-1', [
    applicationHistory.submitted(contentInput({ items })),
    applicationHistory.assessed(),
    applicationHistory.proposed(outcome),
    applicationHistory.issued(outcome),
  ]);
  return history;
}

describe('catch-all informer (Art 4(4) and Art 5(4) process manager)', () => {
  it('opens one CATCH_ALL review per catch-all article the decision applies, under ids derived from the application and article', async () => {
    const history = decided([unlisted('ART5'), unlisted('ART4'), unlisted('ART5'), itemInput()]);
    const decision = history.last();
    const sent = await spec.given(history.events).when(decision).sent();
    expect(
      sent.map((write) => {
        const { id, command, eventIdsFrom } = processWriteOf<ConsultationCommand>(write);
        const { data } = command as OpenConsultation;
        return [id, data.kind, 'article' in data ? data.article : null, eventIdsFrom];
      }),
    ).toEqual([
      [derivedId('consultation:catch-all:app-1:ART5'), 'CATCH_ALL', 'ART5', `${decision.eventId}:ART5`],
      [derivedId('consultation:catch-all:app-1:ART4'), 'CATCH_ALL', 'ART4', `${decision.eventId}:ART4`],
    ]);
  });

  it('gives the other member states and the Commission the review period setting, from the decision instant', async () => {
    const history = decided([unlisted('ART4')], 'DENY');
    const [write] = await spec.given(history.events).when(history.last()).sent();
    const { command } = processWriteOf<ConsultationCommand>(write);
    expect(command).toMatchObject({
      data: { reviewWorkingDays: 30, decision: 'DENY of an application for unlisted items caught by Art 4' },
      metadata: {
        actor: 'system:catch-all-informer',
        memberState: 'DE',
        now: NOW,
        causationId: history.last().eventId,
      },
    });
  });

  it('opens no review for listed items, nor for items caught only on a national ground', async () => {
    const history = decided([itemInput(), unlisted('NATIONAL')]);
    await spec.given(history.events).when(history.last()).thenSendsNothing();
  });

  it('treats a review already opened as a replay done, and goes on with the other articles', async () => {
    const history = decided([unlisted('ART4'), unlisted('ART5')]);
    const replay = reactorSpec(build, () =>
      new RecordingCommandBus().refuse(() => true, new DomainError('CONFLICT', 'exists', 'consultation-exists')),
    );
    await expect(replay.given(history.events).when(history.last()).sent()).resolves.toHaveLength(2);
  });
});
