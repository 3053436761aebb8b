import type { DomainEvent } from '@dul/domain';
import { newEvent } from '@dul/event-store/testing';
import { aggregateStream } from './aggregate-stream';
import { InMemoryEventStore } from './in-memory-event-store.adapter';

type Noted = DomainEvent<'Noted', { readonly note: string }>;

/** Keeps every note in the order evolve saw it, so a fold out of order shows. */
const notebook = {
  initialState: (): readonly string[] => ['opened'],
  evolve: (notes: readonly string[], event: Noted): readonly string[] => [...notes, event.data.note],
};

const noted = (...notes: readonly string[]) => notes.map((note) => newEvent('Noted', { note }));

describe('aggregateStream', () => {
  it('folds the stream in order from the initial state and answers the last version', async () => {
    const store = new InMemoryEventStore();
    await store.append('notebook-1', noted('a', 'b', 'c'), 'no-stream');
    await store.append('notebook-2', noted('elsewhere'), 'no-stream');
    await store.append('notebook-1', noted('d'), 2);

    const { state, version, events } = await aggregateStream(store, notebook, 'notebook-1');

    expect(state).toEqual(['opened', 'a', 'b', 'c', 'd']);
    expect(version).toBe(3);
    expect(events.map((event) => event.streamVersion)).toEqual([0, 1, 2, 3]);
  });

  it('answers the initial state and version -1 for an empty stream', async () => {
    const { state, version, events } = await aggregateStream(new InMemoryEventStore(), notebook, 'notebook-none');
    expect(state).toEqual(['opened']);
    expect(version).toBe(-1);
    expect(events).toEqual([]);
  });

  it('folds only up to upToVersion: a reactor sees the aggregate as it was at its event', async () => {
    const store = new InMemoryEventStore();
    await store.append('notebook-3', noted('a', 'b', 'c'), 'no-stream');
    const { state, version } = await aggregateStream(store, notebook, 'notebook-3', { upToVersion: 1 });
    expect(state).toEqual(['opened', 'a', 'b']);
    expect(version).toBe(1);
  });

  it('hands evolve the domain shape, type and data only', async () => {
    const store = new InMemoryEventStore();
    await store.append('notebook-4', noted('a'), 'no-stream');
    const recorder = {
      initialState: (): readonly Noted[] => [],
      evolve: (seen: readonly Noted[], event: Noted): readonly Noted[] => [...seen, event],
    };
    const { state } = await aggregateStream(store, recorder, 'notebook-4');
    expect(state).toEqual([{ type: 'Noted', data: { note: 'a' } }]);
  });
});
