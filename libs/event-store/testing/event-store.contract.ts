import { randomUUID } from 'node:crypto';
import {
  CatchUpSubscription,
  ChainVerifier,
  ConcurrencyError,
  DuplicateEventIdError,
  InvalidAppendError,
  type EventStore,
  type NewEvent,
  type StoredEvent,
} from '@dul/event-store';

export interface EventStoreUnderTest {
  readonly store: EventStore;
  readonly teardown: () => Promise<void>;
}

export interface ContractOptions {
  /** Concurrency test size; the issue asks for at least 8 writers and 2,000 events. */
  readonly writers?: number;
  readonly eventsPerWriter?: number;
  /** Jest timeout for the concurrency test. */
  readonly concurrencyTimeoutMs?: number;
}

export function newEvent(type = 'ThingHappened', data: unknown = { n: 1 }): NewEvent {
  return {
    eventId: randomUUID(),
    type,
    data,
    metadata: { actor: 'caseworker-1', memberState: 'DE', correlationId: randomUUID() },
  };
}

const unique = (category = 'case'): string => `${category}-${randomUUID()}`;

/**
 * The one behavioural contract every event-store adapter must pass. Each adapter's spec calls this
 * with a factory; the factory gives a fresh, empty store per test.
 */
export function eventStoreContract(
  adapterName: string,
  factory: () => Promise<EventStoreUnderTest>,
  options: ContractOptions = {},
): void {
  describe(`EventStore contract: ${adapterName}`, () => {
    let store: EventStore;
    let teardown: () => Promise<void>;

    beforeEach(async () => {
      ({ store, teardown } = await factory());
    });
    afterEach(async () => {
      await teardown();
    });

    describe('hash chain', () => {
      it('chains every appended event to its predecessor and the chain verifies', async () => {
        const stream = unique();
        await store.append(stream, [newEvent('A'), newEvent('B')], 'no-stream');
        await store.append(stream, [newEvent('C')], 1);
        const events = await store.readStream(stream);
        expect(events[0]?.prevHash).toBeNull();
        expect(events[1]?.prevHash).toBe(events[0]?.hash);
        expect(events[2]?.prevHash).toBe(events[1]?.hash);
        expect(events.every((event) => typeof event.hash === 'string' && event.hash.length === 64)).toBe(true);
        const verifier = new ChainVerifier();
        for (const event of await store.readAll()) verifier.add(event);
        expect(verifier.findings()).toEqual([]);
      });
    });

    describe('expected version', () => {
      it('appends to a new stream with no-stream and numbers events from version 0', async () => {
        const stream = unique();
        const result = await store.append(stream, [newEvent(), newEvent()], 'no-stream');
        expect(result.nextExpectedVersion).toBe(1);
        const events = await store.readStream(stream);
        expect(events.map((e) => e.streamVersion)).toEqual([0, 1]);
      });

      it('rejects no-stream when the stream exists, reporting the actual version', async () => {
        const stream = unique();
        await store.append(stream, [newEvent()], 'no-stream');
        await expect(store.append(stream, [newEvent()], 'no-stream')).rejects.toMatchObject({
          code: 'WRONG_EXPECTED_VERSION',
          actualVersion: 0,
        });
      });

      it('appends at the exact expected version and rejects a stale one with a ConcurrencyError', async () => {
        const stream = unique();
        await store.append(stream, [newEvent(), newEvent()], 'no-stream');
        await expect(store.append(stream, [newEvent()], 1)).resolves.toMatchObject({ nextExpectedVersion: 2 });
        const stale = store.append(stream, [newEvent()], 1);
        await expect(stale).rejects.toBeInstanceOf(ConcurrencyError);
        await expect(store.append(stream, [newEvent()], 7)).rejects.toMatchObject({ actualVersion: 2 });
        expect(await store.readStream(stream)).toHaveLength(3);
      });

      it('rejects an exact version on a stream that does not exist', async () => {
        await expect(store.append(unique(), [newEvent()], 0)).rejects.toMatchObject({ actualVersion: 'no-stream' });
      });

      it('stream-exists accepts an existing stream and rejects a missing one', async () => {
        const stream = unique();
        await expect(store.append(stream, [newEvent()], 'stream-exists')).rejects.toBeInstanceOf(ConcurrencyError);
        await store.append(stream, [newEvent()], 'no-stream');
        await expect(store.append(stream, [newEvent()], 'stream-exists')).resolves.toMatchObject({
          nextExpectedVersion: 1,
        });
      });

      it('any appends whatever the stream state', async () => {
        const stream = unique();
        await store.append(stream, [newEvent()], 'any');
        await store.append(stream, [newEvent()], 'any');
        expect((await store.readStream(stream)).map((e) => e.streamVersion)).toEqual([0, 1]);
      });

      it('rejects empty appends, duplicate ids within a batch and ids that are not UUIDs', async () => {
        const event = newEvent();
        await expect(store.append(unique(), [], 'any')).rejects.toBeInstanceOf(InvalidAppendError);
        await expect(store.append(unique(), [event, event], 'any')).rejects.toBeInstanceOf(InvalidAppendError);
        await expect(store.append(unique(), [{ ...event, eventId: 'x' }], 'any')).rejects.toBeInstanceOf(
          InvalidAppendError,
        );
      });
    });

    describe('idempotent append', () => {
      it('stores nothing new when the same events are appended again and returns the original result', async () => {
        const stream = unique();
        const batch = [newEvent(), newEvent()];
        const first = await store.append(stream, batch, 'no-stream');
        await store.append(stream, [newEvent()], first.nextExpectedVersion);
        // A retry after a lost acknowledgement still carries the old expected version.
        const retried = await store.append(stream, batch, 'no-stream');
        expect(retried).toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(3);
        expect(await store.headPosition()).toBe((await store.readStream(stream)).at(-1)?.globalPosition);
      });

      it('refuses an event id already stored in another stream', async () => {
        const event = newEvent();
        await store.append(unique(), [event], 'no-stream');
        await expect(store.append(unique(), [event], 'no-stream')).rejects.toBeInstanceOf(DuplicateEventIdError);
      });

      it('refuses a batch of which only part was stored before', async () => {
        const stream = unique();
        const stored = newEvent();
        await store.append(stream, [stored], 'no-stream');
        await expect(store.append(stream, [stored, newEvent()], 0)).rejects.toBeInstanceOf(DuplicateEventIdError);
        expect(await store.readStream(stream)).toHaveLength(1);
      });
    });

    describe('reading a stream', () => {
      let stream: string;
      beforeEach(async () => {
        stream = unique();
        await store.append(
          stream,
          Array.from({ length: 5 }, (_, n) => newEvent('Counted', { n })),
          'no-stream',
        );
      });

      it('reads forward from a version with a bound', async () => {
        const events = await store.readStream(stream, { fromVersion: 1, maxCount: 3 });
        expect(events.map((e) => e.streamVersion)).toEqual([1, 2, 3]);
      });

      it('reads backward from the end and from a version', async () => {
        expect(
          (await store.readStream(stream, { direction: 'backward', maxCount: 2 })).map((e) => e.streamVersion),
        ).toEqual([4, 3]);
        expect(
          (await store.readStream(stream, { direction: 'backward', fromVersion: 1 })).map((e) => e.streamVersion),
        ).toEqual([1, 0]);
      });

      it('returns nothing for a missing stream or past the end', async () => {
        expect(await store.readStream(unique())).toEqual([]);
        expect(await store.readStream(stream, { fromVersion: 5 })).toEqual([]);
      });

      it('keeps every field of a stored event', async () => {
        const event = newEvent('LicenceIssued', {
          licenceId: 'L-1',
          items: [{ entry: '5A001.j', qty: 3 }],
          note: 'ä €',
        });
        const s = unique('licence');
        await store.append(s, [{ ...event, schemaVersion: 2 }], 'no-stream');
        const [stored] = await store.readStream(s);
        expect(stored).toMatchObject({
          eventId: event.eventId,
          streamId: s,
          streamVersion: 0,
          type: 'LicenceIssued',
          schemaVersion: 2,
          data: event.data,
          metadata: event.metadata,
        });
        expect(stored?.globalPosition).toBeGreaterThan(0);
        expect(stored?.recordedAt).toBeInstanceOf(Date);
        expect(Math.abs((stored?.recordedAt.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
        expect((await store.readStream(stream))[0]?.schemaVersion).toBe(1);
      });
    });

    describe('reading all', () => {
      it('returns events in strictly increasing global position, from a position, in bounded batches', async () => {
        const a = unique('alpha');
        const b = unique('beta');
        await store.append(a, [newEvent('A1'), newEvent('A2')], 'no-stream');
        await store.append(b, [newEvent('B1')], 'no-stream');
        await store.append(a, [newEvent('A3')], 1);
        const all = await store.readAll();
        expect(all.map((e) => e.type)).toEqual(['A1', 'A2', 'B1', 'A3']);
        assertStrictlyIncreasing(all);
        const first = all[0] as StoredEvent;
        expect((await store.readAll({ after: first.globalPosition, maxCount: 2 })).map((e) => e.type)).toEqual([
          'A2',
          'B1',
        ]);
        expect(await store.headPosition()).toBe(all.at(-1)?.globalPosition);
      });

      it('filters by event type and by stream category', async () => {
        await store.append(unique('application'), [newEvent('ApplicationSubmitted'), newEvent('Noise')], 'no-stream');
        await store.append(unique('licence'), [newEvent('LicenceIssued')], 'no-stream');
        await store.append(unique('applicationx'), [newEvent('ApplicationSubmitted')], 'no-stream');
        expect((await store.readAll({ eventTypes: ['LicenceIssued', 'Noise'] })).map((e) => e.type)).toEqual([
          'Noise',
          'LicenceIssued',
        ]);
        expect((await store.readAll({ categories: ['application'] })).map((e) => e.type)).toEqual([
          'ApplicationSubmitted',
          'Noise',
        ]);
        expect(
          (await store.readAll({ categories: ['application', 'applicationx'], eventTypes: ['ApplicationSubmitted'] }))
            .length,
        ).toBe(2);
      });

      it('pages a read filtered by several types or categories in global order, exactly as a full read filtered after it', async () => {
        const start = await store.headPosition();
        const kinds = [unique('TypeA'), unique('TypeB'), unique('TypeC')];
        const categories = ['catx', 'caty', 'catz'].map((c) => `${c}${randomUUID().slice(0, 8)}`);
        // Interleaved so that no type or category is contiguous in the log; long enough that a store
        // reading deep pages differently from pages near the head (PostgreSQL) pages through both.
        for (let round = 0; round < 60; round += 1) {
          const category = categories[round % 3] as string;
          const types = [kinds[round % 3], kinds[(round + 1) % 3]] as string[];
          await store.append(
            `${category}-${randomUUID()}`,
            types.map((type) => newEvent(type)),
            'no-stream',
          );
        }
        await store.headPosition();
        const everything = (await store.readAll({ after: start, maxCount: 1000 })).filter((e) =>
          categories.includes(e.streamId.split('-')[0] as string),
        );
        const pageThrough = async (filter: { eventTypes?: string[]; categories?: string[] }) => {
          const seen: StoredEvent[] = [];
          for (let after = start; ;) {
            const page = await store.readAll({ ...filter, after, maxCount: 5 });
            seen.push(...page);
            if (page.length < 5) return seen;
            after = page.at(-1)?.globalPosition ?? after;
          }
        };
        const [a, , c] = kinds as [string, string, string];
        const [x, y] = categories as [string, string];
        const ids = (events: StoredEvent[]) => events.map((e) => e.eventId);
        expect(ids(await pageThrough({ eventTypes: [c, a, c] }))).toEqual(
          ids(everything.filter((e) => e.type === a || e.type === c)),
        );
        expect(ids(await pageThrough({ categories: [y, x, y] }))).toEqual(
          ids(everything.filter((e) => e.streamId.startsWith(`${x}-`) || e.streamId.startsWith(`${y}-`))),
        );
        expect(ids(await pageThrough({ eventTypes: [a, c], categories: [y] }))).toEqual(
          ids(everything.filter((e) => (e.type === a || e.type === c) && e.streamId.startsWith(`${y}-`))),
        );
        expect(await store.readAll({ after: start, eventTypes: [] })).toEqual([]);
      });

      it('reports head position 0 and reads nothing from an empty store', async () => {
        expect(await store.headPosition()).toBe(0);
        expect(await store.readAll()).toEqual([]);
      });
    });

    describe('checkpoints', () => {
      it('starts at 0 and keeps the last saved position per name', async () => {
        expect(await store.loadCheckpoint('customs-relay')).toBe(0);
        await store.saveCheckpoint('customs-relay', 41);
        await store.saveCheckpoint('customs-relay', 42);
        await store.saveCheckpoint('other', 7);
        expect(await store.loadCheckpoint('customs-relay')).toBe(42);
        expect(await store.loadCheckpoint('other')).toBe(7);
      });

      it('a checkpointed subscription resumes after its last handled event', async () => {
        const stream = unique();
        await store.append(stream, [newEvent('E1'), newEvent('E2')], 'no-stream');
        const seen: string[] = [];
        const first = new CatchUpSubscription(store, {
          checkpointName: 'resume-test',
          idlePollMs: 10,
          handle: async (events) => {
            seen.push(...events.map((e) => e.type));
          },
        });
        await first.start();
        await waitFor(() => seen.length === 2);
        await first.stop();
        await store.append(stream, [newEvent('E3')], 1);
        const second = new CatchUpSubscription(store, {
          checkpointName: 'resume-test',
          idlePollMs: 10,
          handle: async (events) => {
            seen.push(...events.map((e) => e.type));
          },
        });
        await second.start();
        await waitFor(() => seen.length === 3);
        await second.stop();
        expect(seen).toEqual(['E1', 'E2', 'E3']);
      });
    });

    describe('concurrency', () => {
      const writers = options.writers ?? 8;
      const perWriter = options.eventsPerWriter ?? 250;

      it(
        `${writers} concurrent writers append ${writers * perWriter} events while a subscriber reads: ` +
          'the subscriber sees every committed event exactly once in strictly increasing position and versions have no holes',
        async () => {
          const seen: StoredEvent[] = [];
          const subscriber = new CatchUpSubscription(store, {
            idlePollMs: 5,
            batchSize: 97,
            handle: async (events) => {
              seen.push(...events);
            },
          });
          await subscriber.start();

          const hotStreams = Array.from({ length: 3 }, () => unique('hot'));
          const committed = new Set<string>();
          let conflicts = 0;

          const writer = async (w: number): Promise<void> => {
            const own = unique(`writer${w}`);
            let written = 0;
            let round = 0;
            while (written < perWriter) {
              round++;
              // Every third append contends on a shared stream; the rest go to the writer's own stream.
              const stream = round % 3 === 0 ? (hotStreams[round % hotStreams.length] as string) : own;
              const size = Math.min(perWriter - written, 1 + (round % 3));
              const batch = Array.from({ length: size }, () => newEvent('Written', { w, round }));
              const [last] = await store.readStream(stream, { direction: 'backward', maxCount: 1 });
              try {
                await store.append(stream, batch, last ? last.streamVersion : 'no-stream');
                batch.forEach((e) => committed.add(e.eventId));
                written += size;
              } catch (error) {
                if (!(error instanceof ConcurrencyError)) throw error;
                conflicts++;
              }
            }
          };
          await Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));

          const head = await store.headPosition();
          await waitFor(() => subscriber.position >= head, 60_000);
          await subscriber.stop();

          expect(committed.size).toBe(writers * perWriter);
          expect(seen.map((e) => e.eventId).sort()).toEqual([...committed].sort());
          assertStrictlyIncreasing(seen);

          const byStream = new Map<string, number[]>();
          for (const e of seen) byStream.set(e.streamId, [...(byStream.get(e.streamId) ?? []), e.streamVersion]);
          for (const [stream, versions] of byStream) {
            expect({ stream, versions }).toEqual({ stream, versions: versions.map((_, i) => i) });
            expect((await store.readStream(stream)).map((e) => e.eventId)).toEqual(
              seen.filter((e) => e.streamId === stream).map((e) => e.eventId),
            );
          }
          // Contention really happened, otherwise the test proves less than it claims.
          expect(conflicts).toBeGreaterThan(0);
        },
        options.concurrencyTimeoutMs ?? 120_000,
      );
    });
  });
}

export function assertStrictlyIncreasing(events: readonly StoredEvent[]): void {
  for (let i = 1; i < events.length; i++) {
    const previous = (events[i - 1] as StoredEvent).globalPosition;
    const current = (events[i] as StoredEvent).globalPosition;
    if (!(current > previous)) throw new Error(`Global order broken at index ${i}: ${previous} then ${current}`);
  }
}

/** Polls a condition; the way tests await eventual consistency (never a fixed sleep). */
export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
