import type { EventStore, StoredEvent } from '@dul/event-store';

/** Every stored event in global order: what a plain fold over the log reads. */
export async function readWholeLog(store: EventStore): Promise<StoredEvent[]> {
  const all: StoredEvent[] = [];
  for (let batch = await store.readAll({ maxCount: 1000 }); batch.length > 0;) {
    all.push(...batch);
    batch = await store.readAll({ after: batch.at(-1)?.globalPosition, maxCount: 1000 });
  }
  return all;
}
