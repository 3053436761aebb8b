import { applicationDecider, DomainError, fold, issueLicenceFromGrant } from '@dul/domain';
import type { Application } from '@dul/domain';
import { applicationHistory } from '@dul/domain/testing';
import { processWriteOf, reactorSpec, RecordingCommandBus } from '@dul/platform/testing';
import { EventHistory } from '@dul/projections/testing';
import { licenceIdFor } from '../public/licence-id';
import { LicenceWrite } from '../public/licensing.commands';
import { LicenceIssuer } from './licence-issuer.process';

const spec = reactorSpec(({ store, commandBus }) => new LicenceIssuer(store, commandBus.asCommandBus()));
const ISSUED_AT = '2025-03-10T09:00:00.000Z';

const lifeOf = (outcome: 'GRANT' | 'GRANT_WITH_CONDITIONS' | 'DENY') => [
  applicationHistory.submitted(),
  applicationHistory.assessed(),
  applicationHistory.proposed(outcome),
  applicationHistory.issued(outcome),
];

function decidedApplication(outcome: 'GRANT' | 'GRANT_WITH_CONDITIONS' | 'DENY') {
  const history = new EventHistory({ metadata: { correlationId: 'corr-grant' } });
  history.append('application-app-1', lifeOf(outcome));
  return history;
}

describe('licence issuer (process manager)', () => {
  it('issues the licence of a granted application under an id derived from the application, valid from the decision', async () => {
    const history = decidedApplication('GRANT');
    const decision = history.last();
    const granted = fold(
      applicationDecider,
      history.events.map((event) => ({ type: event.type, data: event.data })) as never,
    ) as Application;
    const licenceId = licenceIdFor('app-1');
    await spec
      .given(history.events)
      .when(decision)
      .then([
        new LicenceWrite(licenceId, {
          by: 'process',
          command: {
            type: 'IssueLicence',
            data: issueLicenceFromGrant(granted, licenceId),
            metadata: {
              actor: 'system:licence-issuer',
              memberState: 'DE',
              now: new Date(ISSUED_AT),
              correlationId: 'corr-grant',
              causationId: decision.eventId,
            },
          },
          eventIdsFrom: decision.eventId,
        }),
      ]);
  });

  it('derives the same licence id and event ids when it sees the same grant again (at-least-once delivery)', async () => {
    const history = decidedApplication('GRANT_WITH_CONDITIONS');
    const idsOf = async () =>
      (await spec.given(history.events).when(history.last()).sent()).map((sent) => {
        const { id, eventIdsFrom } = processWriteOf(sent);
        return [id, eventIdsFrom];
      });
    const first = await idsOf();
    expect(await idsOf()).toEqual(first);
    expect(first).toEqual([[licenceIdFor('app-1'), history.last().eventId]]);
  });

  it('issues no licence for a refusal', async () => {
    const history = decidedApplication('DENY');
    await spec.given(history.events).when(history.last()).thenSendsNothing();
  });

  it('treats "licence exists" as a replay already done, and lets any other refusal through to be retried', async () => {
    const history = decidedApplication('GRANT');
    const refusing = (rule: string) =>
      reactorSpec(
        ({ store, commandBus }) => new LicenceIssuer(store, commandBus.asCommandBus()),
        () => new RecordingCommandBus().refuse(() => true, new DomainError('CONFLICT', 'refused', rule)),
      );
    await expect(refusing('licence-exists').given(history.events).when(history.last()).sent()).resolves.toHaveLength(1);
    await expect(refusing('licence-needs-grant').given(history.events).when(history.last()).sent()).rejects.toThrow(
      'refused',
    );
  });
});
