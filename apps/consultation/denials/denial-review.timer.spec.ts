import type { MarkReviewDue } from '@dul/domain';
import { denialDecider } from '@dul/domain';
import { contentInput, decided, refusalNotice } from '@dul/domain/testing';
import { processWriteOf, RecordingCommandBus } from '@dul/platform/testing';
import { InMemoryProjectionStore } from '@dul/projections';
import { EventHistory, projectionSpec } from '@dul/projections/testing';
import { normaliseApplicationContent } from '@dul/domain';
import { denialRegisterProjection, DENIALS_PROJECTION } from './denial-register.projection';
import { DenialReviewTimer } from './denial-review.timer';

const NOTIFIED = new Date('2026-03-10T09:00:00.000Z');
const notice = refusalNotice('FR', 'app-fr-1', normaliseApplicationContent(contentInput()), NOTIFIED);

/** The register with denials notified on these instants, and a timer over it at `now`. */
async function timerAt(now: string, ...notified: string[]) {
  const history = new EventHistory();
  notified.forEach((at, index) =>
    history.append(
      `denial-den-${index + 1}`,
      decided(denialDecider, [
        {
          type: 'NotifyDenial',
          data: { denialId: `den-${index + 1}`, notification: notice, reviewGraceDays: 90 },
          metadata: { actor: 'officer@FR', memberState: 'FR', now: new Date(at), correlationId: 'c' },
        },
      ]),
    ),
  );
  const readModels = new InMemoryProjectionStore();
  const documents = projectionSpec(denialRegisterProjection).given(history.events).documents();
  await readModels.commit(DENIALS_PROJECTION, 0, history.events.length, async (tx) => {
    for (const [id, document] of Object.entries(documents)) await tx.put(DENIALS_PROJECTION, id, document);
  });
  const bus = new RecordingCommandBus(() => ({ appended: 1 }));
  const timer = new DenialReviewTimer(bus.asCommandBus(), readModels, { now: () => new Date(now) }, { pollMs: 60_000 });
  return { timer, bus };
}

describe('denial review timer (Art 16(2))', () => {
  it('marks the review due of every denial in force three years after its notification, by the issuing member state', async () => {
    const { timer, bus } = await timerAt(
      '2029-03-11T09:00:00.000Z',
      '2026-03-10T09:00:00.000Z',
      '2026-06-01T09:00:00.000Z',
    );
    expect(await timer.tick()).toBe(1);
    expect(
      bus.sent.map((write) => {
        const { id, command } = processWriteOf<MarkReviewDue>(write);
        return [id, command.type, command.metadata.memberState, command.metadata.now.toISOString()];
      }),
    ).toEqual([['den-1', 'MarkReviewDue', 'FR', '2029-03-11T09:00:00.000Z']]);
  });

  it('marks nothing before a review falls due', async () => {
    const { timer, bus } = await timerAt('2029-03-10T08:59:59.000Z', '2026-03-10T09:00:00.000Z');
    expect(await timer.tick()).toBe(0);
    expect(bus.sent).toEqual([]);
  });
});
