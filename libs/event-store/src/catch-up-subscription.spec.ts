import { newEvent, waitFor } from '@dul/event-store/testing';
import { CatchUpSubscription } from './catch-up-subscription';
import { InMemoryEventStore } from './in-memory-event-store.adapter';

/** Counts durable checkpoint saves. */
class CountingStore extends InMemoryEventStore {
  saves = 0;
  override saveCheckpoint(name: string, position: number): Promise<void> {
    this.saves++;
    return super.saveCheckpoint(name, position);
  }
}

describe('CatchUpSubscription checkpoints', () => {
  it('saves its checkpoint at most once per interval while batches keep coming, not once per batch', async () => {
    const store = new CountingStore();
    let now = 0;
    const seen: string[] = [];
    const subscription = new CatchUpSubscription(store, {
      checkpointName: 'reactor',
      idlePollMs: 5,
      checkpointEveryMs: 1000,
      clock: () => now,
      handle: (events) => Promise.resolve(void seen.push(...events.map((event) => event.eventId))),
    });
    await subscription.start();
    for (let i = 0; i < 10; i++) {
      await store.append(`s-${i}`, [newEvent('Handled')], 'no-stream');
      await waitFor(() => seen.length === i + 1);
    }
    expect(store.saves).toBe(0);
    expect(await store.loadCheckpoint('reactor')).toBe(0);
    now = 1000;
    await waitFor(() => store.saves === 1);
    expect(await store.loadCheckpoint('reactor')).toBe(10);
    await subscription.stop();
    expect(store.saves).toBe(1);
  });

  it('saves the position it reached when it stops, so a restart resumes there', async () => {
    const store = new CountingStore();
    const seen: string[] = [];
    const options = {
      checkpointName: 'reactor',
      idlePollMs: 5,
      checkpointEveryMs: 60_000,
      handle: (events: readonly { eventId: string }[]) =>
        Promise.resolve(void seen.push(...events.map((event) => event.eventId))),
    };
    const first = new CatchUpSubscription(store, options);
    await first.start();
    await store.append('s-1', [newEvent('Handled'), newEvent('Handled')], 'no-stream');
    await waitFor(() => seen.length === 2);
    await first.stop();
    expect(await store.loadCheckpoint('reactor')).toBe(2);
    const second = new CatchUpSubscription(store, options);
    await second.start();
    expect(second.position).toBe(2);
    await second.stop();
    expect(store.saves).toBe(1);
  });

  it('with checkpointEveryMs 0 saves after every batch', async () => {
    const store = new CountingStore();
    let handled = 0;
    const subscription = new CatchUpSubscription(store, {
      checkpointName: 'eager',
      idlePollMs: 5,
      checkpointEveryMs: 0,
      handle: (events) => Promise.resolve(void (handled += events.length)),
    });
    await subscription.start();
    await store.append('s-1', [newEvent('Handled')], 'no-stream');
    await waitFor(() => handled === 1 && store.saves === 1);
    await store.append('s-2', [newEvent('Handled')], 'no-stream');
    await waitFor(() => handled === 2 && store.saves === 2);
    await subscription.stop();
  });
});
