import fc from 'fast-check';
import { eventStoreContract, newEvent } from '@dul/event-store/testing';
import { InMemoryEventStore } from './in-memory-event-store.adapter';
import type { ReadAllOptions, StoredEvent } from './event-store.port';
import { SHARED_TAIL_FRESH_MS, SHARED_TAIL_PAGE, SharedTailEventStore } from './shared-tail';

eventStoreContract('shared tail over in-memory', async () => ({
  store: new SharedTailEventStore(new InMemoryEventStore()),
  teardown: async () => {},
}));

/** Counts the reads of the whole log that reach the adapter. */
class CountingStore extends InMemoryEventStore {
  readAlls = 0;
  override readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    this.readAlls++;
    return super.readAll(options);
  }
}

const ids = (events: readonly StoredEvent[]): string[] => events.map((event) => event.eventId);

describe('SharedTailEventStore', () => {
  it('answers a dozen subscribers reading after the same position with one read of the log', async () => {
    const inner = new CountingStore();
    const store = new SharedTailEventStore(inner);
    await store.append('application-1', [newEvent('ApplicationSubmitted'), newEvent('Noted')], 'no-stream');
    const types = [['ApplicationSubmitted'], ['Noted'], ['Other'], undefined];
    inner.readAlls = 0;
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, n) => store.readAll({ after: 0, maxCount: 100, eventTypes: types[n % 4] })),
    );
    expect(inner.readAlls).toBe(1);
    expect(answers.map((events) => events.map((event) => event.type))).toEqual(
      Array.from(
        { length: 12 },
        (_, n) => [['ApplicationSubmitted'], ['Noted'], [], ['ApplicationSubmitted', 'Noted']][n % 4],
      ),
    );
  });

  it('reads again once an append of this process moves the head past the kept page', async () => {
    const inner = new CountingStore();
    const store = new SharedTailEventStore(inner);
    await store.append('case-1', [newEvent('A')], 'no-stream');
    expect((await store.readAll({ after: 0 })).length).toBe(1);
    await store.append('case-1', [newEvent('B')], 0);
    expect((await store.readAll({ after: 0 })).map((event) => event.type)).toEqual(['A', 'B']);
  });

  it('never answers from a page older than a head it has reported (an append by another process)', async () => {
    const inner = new InMemoryEventStore();
    const store = new SharedTailEventStore(inner);
    await store.append('case-1', [newEvent('A')], 'no-stream');
    await store.readAll({ after: 0 });
    // Another process appends: this store did not see it, but a reader that asks for the head does.
    await inner.append('case-2', [newEvent('B')], 'no-stream');
    const head = await store.headPosition();
    const read = await store.readAll({ after: 0, eventTypes: ['B'] });
    expect(read.map((event) => event.globalPosition)).toEqual([head]);
  });

  it('answers a poller that never asks for the head with what another process appended, once its page is older than the freshness bound', async () => {
    // The gateway's Kafka relay: a catch-up subscription in a process that never appends.
    const inner = new CountingStore();
    let now = 1_000;
    const store = new SharedTailEventStore(inner, { clock: () => now });
    await inner.append('case-1', [newEvent('A')], 'no-stream');
    expect((await store.readAll({ after: 0 })).map((event) => event.type)).toEqual(['A']);
    await inner.append('case-2', [newEvent('B')], 'no-stream');
    now += SHARED_TAIL_FRESH_MS;
    inner.readAlls = 0;
    // Within the bound the page still answers (one read for the readers one wake-up sends)...
    expect((await store.readAll({ after: 1 })).map((event) => event.type)).toEqual([]);
    expect(inner.readAlls).toBe(0);
    now += 1;
    // ...past it the log is read again, with and without a filter.
    expect((await store.readAll({ after: 1 })).map((event) => event.type)).toEqual(['B']);
    expect((await store.readAll({ after: 0, eventTypes: ['B'] })).map((event) => event.type)).toEqual(['B']);
  });

  it('sends a reader far behind the head to the adapter with its own filtered read', async () => {
    const inner = new CountingStore();
    const store = new SharedTailEventStore(inner);
    for (let n = 0; n < SHARED_TAIL_PAGE + 10; n++)
      await store.append(`case-${n}`, [newEvent(n % 2 ? 'A' : 'B')], 'no-stream');
    const direct = await inner.readAll({ after: 0, eventTypes: ['A'], maxCount: 50 });
    expect(ids(await store.readAll({ after: 0, eventTypes: ['A'], maxCount: 50 }))).toEqual(ids(direct));
  });

  it('answers every filtered read exactly as the adapter does (generated logs, positions and filters)', async () => {
    const eventType = fc.constantFrom('A', 'B', 'C');
    const category = fc.constantFrom('application', 'licence', 'denial');
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(category, eventType, fc.nat(3)), { minLength: 0, maxLength: SHARED_TAIL_PAGE + 40 }),
        fc.array(
          fc.record({
            after: fc.nat(SHARED_TAIL_PAGE + 50),
            maxCount: fc.option(fc.integer({ min: 1, max: 300 }), { nil: undefined }),
            eventTypes: fc.option(fc.subarray(['A', 'B', 'C']), { nil: undefined }),
            categories: fc.option(fc.subarray(['application', 'licence', 'denial']), { nil: undefined }),
          }),
          { minLength: 1, maxLength: 6 },
        ),
        async (log, reads) => {
          const inner = new InMemoryEventStore();
          const store = new SharedTailEventStore(inner);
          for (const [cat, type, stream] of log) await store.append(`${cat}-${stream}`, [newEvent(type)], 'any');
          const answers = await Promise.all(reads.map((options) => store.readAll(options)));
          for (const [n, options] of reads.entries()) {
            expect(ids(answers[n] ?? [])).toEqual(ids(await inner.readAll(options)));
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
