import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '@dul/event-store/testing';
import { SqliteEventStore } from './sqlite-event-store.adapter';

eventStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dul-sqlite-'));
  const store = SqliteEventStore.open(join(dir, 'events.db'));
  return {
    store,
    teardown: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
