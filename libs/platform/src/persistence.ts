import type { BaseEnvironment } from '@dul/config';
import { ERASED_MARKER, findPersonalData } from '@dul/domain';
import type { EventStore, SubjectKeyStore } from '@dul/event-store';
import {
  createEventStoreDbEventStore,
  openSqliteDatabase,
  PostgresEventStore,
  PostgresSubjectKeyStore,
  SharedTailEventStore,
  ShreddingEventStore,
  SqliteEventStore,
  SqliteSubjectKeyStore,
} from '@dul/event-store';
import { Pool } from 'pg';
import type { LeaderLock, ProjectionStore } from '@dul/projections';
import { PostgresLeaderLock, PostgresProjectionStore, SqliteLeaderLock, SqliteProjectionStore } from '@dul/projections';

/** The three storage ports a service needs, built from validated configuration. */
export interface Persistence {
  readonly events: EventStore;
  /**
   * The adapter itself, below any wrapper: what verify and the daily root read (hashes cover the
   * stored bytes, ciphertext included).
   */
  readonly rawEvents: EventStore;
  /** Crypto-shredding: the subject keys, and the store that encrypts and decrypts with them. */
  readonly privacy: { readonly keys: SubjectKeyStore; readonly events: ShreddingEventStore };
  readonly projections: ProjectionStore;
  readonly leaderLock: LeaderLock;
  readonly describe: string;
  readonly close: () => Promise<void>;
}

type PersistenceEnvironment = Pick<BaseEnvironment, 'STORE_KIND' | 'SQLITE_PATH' | 'DATABASE_URL' | 'EVENTSTOREDB_URL'>;

/** Chooses the adapters in one place, from configuration (house rule 6). */
export async function createPersistence(env: PersistenceEnvironment): Promise<Persistence> {
  switch (env.STORE_KIND) {
    case 'sqlite':
      return sqlitePersistence(env.SQLITE_PATH);
    case 'postgres':
      return postgresPersistence(required(env.DATABASE_URL, 'DATABASE_URL'));
    case 'eventstoredb':
      return eventStoreDbPersistence(required(env.EVENTSTOREDB_URL, 'EVENTSTOREDB_URL'), env);
  }
}

/** Personal data in events is encrypted per data subject (libs/domain/src/privacy/personal-data.ts). */
function shredding(raw: EventStore, keys: SubjectKeyStore): ShreddingEventStore {
  // The subscribers of this process share one read of each new batch (shared-tail.ts, issue 12).
  return new ShreddingEventStore(new SharedTailEventStore(raw), keys, findPersonalData, ERASED_MARKER);
}

function sqlitePersistence(path: string): Persistence {
  const raw = new SqliteEventStore(openSqliteDatabase(path));
  // Read models, their checkpoints and leader leases commit without waiting for an fsync: in WAL mode
  // the next FULL commit of an append flushes their frames too, and a power cut can only lose
  // read-model commits (documents and checkpoint together), which the runners then replay (ADR 0003).
  const projectionDb = openSqliteDatabase(path, { synchronous: 'NORMAL' });
  const keys = new SqliteSubjectKeyStore(projectionDb);
  const events = shredding(raw, keys);
  const projections = new SqliteProjectionStore(projectionDb);
  const leaderLock = new SqliteLeaderLock(projectionDb);
  return {
    events,
    rawEvents: raw,
    privacy: { keys, events },
    projections,
    leaderLock,
    describe: `sqlite:${path}`,
    close: async () => {
      await leaderLock.close();
      projections.close();
      await events.close();
    },
  };
}

function required(value: string | undefined, name: string): string {
  // validateEnvironment already guarantees this; the check keeps the types honest.
  if (!value) throw new Error(`${name} is required`);
  return value;
}

async function postgresPersistence(url: string): Promise<Persistence> {
  const raw = await PostgresEventStore.create(url);
  const keyPool = new Pool({ connectionString: url, max: 4, application_name: 'dul-subject-keys' });
  keyPool.on('error', () => undefined);
  const keys = new PostgresSubjectKeyStore(keyPool);
  const events = shredding(raw, keys);
  const projections = new PostgresProjectionStore(url);
  const leaderLock = new PostgresLeaderLock(url);
  return {
    events,
    rawEvents: raw,
    privacy: { keys, events },
    projections,
    leaderLock,
    describe: `postgres:${redactPassword(url)}`,
    close: async () => {
      await leaderLock.close();
      await projections.close();
      await events.close();
      await keyPool.end();
    },
  };
}

/** EventStoreDB keeps the events; read models live in PostgreSQL when DATABASE_URL is set, else SQLite. */
async function eventStoreDbPersistence(url: string, env: PersistenceEnvironment): Promise<Persistence> {
  const raw = createEventStoreDbEventStore(url);
  const readModels = env.DATABASE_URL
    ? await postgresPersistence(env.DATABASE_URL)
    : sqlitePersistence(env.SQLITE_PATH);
  // Subject keys live with the read models: never in the event store, whose streams are kept for ever.
  const events = shredding(raw, readModels.privacy.keys);
  return {
    events,
    rawEvents: raw,
    privacy: { keys: readModels.privacy.keys, events },
    projections: readModels.projections,
    leaderLock: readModels.leaderLock,
    describe: `eventstoredb:${redactPassword(url)} (read models ${readModels.describe})`,
    close: async () => {
      await readModels.close();
      await events.close();
    },
  };
}

function redactPassword(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
