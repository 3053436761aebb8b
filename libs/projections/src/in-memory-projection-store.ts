import type {
  DocumentEntry,
  DocumentFilter,
  DocumentQuery,
  DocumentTransaction,
  LeaderLock,
  ProjectionIndexes,
  ProjectionStore,
} from './projection.port';
import { CheckpointMovedError } from './projection.port';
import { assertSafeField, assertSafeFilter, matchesFilter, paginate } from './document-query';

/** For fast unit tests only. Commits are atomic: a failing `work` leaves nothing behind. */
export class InMemoryProjectionStore implements ProjectionStore {
  private documents = new Map<string, Map<string, unknown>>();
  private readonly checkpoints = new Map<string, number>();

  checkpoint(projection: string): Promise<number> {
    return Promise.resolve(this.checkpoints.get(projection) ?? 0);
  }

  async commit(
    projection: string,
    expected: number,
    next: number,
    work: (tx: DocumentTransaction) => Promise<void>,
  ): Promise<void> {
    const draft = new Map([...this.documents].map(([name, docs]) => [name, new Map(docs)]));
    const table = (name: string): Map<string, unknown> => {
      const existing = draft.get(name);
      if (existing) return existing;
      const created = new Map<string, unknown>();
      draft.set(name, created);
      return created;
    };
    await work({
      get: <T>(name: string, id: string) => Promise.resolve((structuredClone(table(name).get(id)) as T) ?? null),
      put: (name, id, document) => Promise.resolve(void table(name).set(id, structuredClone(document))),
      delete: (name, id) => Promise.resolve(void table(name).delete(id)),
    });
    const actual = this.checkpoints.get(projection) ?? 0;
    if (actual !== expected) throw new CheckpointMovedError(projection, expected, actual);
    this.documents = draft;
    this.checkpoints.set(projection, next);
  }

  reset(projection: string): Promise<void> {
    this.documents.delete(projection);
    this.checkpoints.delete(projection);
    return Promise.resolve();
  }

  getDocument<T>(projection: string, id: string): Promise<T | null> {
    return Promise.resolve((structuredClone(this.documents.get(projection)?.get(id)) as T) ?? null);
  }

  async findDocuments<T>(projection: string, query: DocumentQuery = {}): Promise<T[]> {
    return (await this.findEntries<T>(projection, query)).map((entry) => entry.document);
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async findEntries<T>(projection: string, query: DocumentQuery = {}): Promise<DocumentEntry<T>[]> {
    query.omit?.forEach(assertSafeField);
    return paginate(this.matching(projection, query, query.afterId), query).map(([id, doc]) => ({
      id,
      document: withoutFields(structuredClone(doc), query.omit) as T,
    }));
  }

  /** Nothing to index in memory: a unit-test store scans. */
  ensureIndexes(_projection: string, _indexes: ProjectionIndexes): Promise<void> {
    return Promise.resolve();
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async countDocuments(projection: string, query: DocumentFilter = {}): Promise<number> {
    return this.matching(projection, query).length;
  }

  private matching(projection: string, filter: DocumentFilter, afterId?: string): [string, unknown][] {
    assertSafeFilter(filter);
    return [...(this.documents.get(projection)?.entries() ?? [])]
      .filter(([id]) => afterId === undefined || id > afterId)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .filter(([, doc]) => matchesFilter(doc, filter));
  }
}

/** One process: a lock is a name in a set. */
export class InProcessLeaderLock implements LeaderLock {
  private static readonly held = new Set<string>();
  private readonly mine = new Set<string>();

  tryAcquire(name: string): Promise<boolean> {
    if (this.mine.has(name)) return Promise.resolve(true);
    if (InProcessLeaderLock.held.has(name)) return Promise.resolve(false);
    InProcessLeaderLock.held.add(name);
    this.mine.add(name);
    return Promise.resolve(true);
  }

  release(name: string): Promise<void> {
    if (this.mine.delete(name)) InProcessLeaderLock.held.delete(name);
    return Promise.resolve();
  }

  async close(): Promise<void> {
    for (const name of [...this.mine]) await this.release(name);
  }
}

function withoutFields(document: unknown, omit: readonly string[] | undefined): unknown {
  if (omit === undefined || typeof document !== 'object' || document === null) return document;
  const record = document as Record<string, unknown>;
  for (const field of omit) delete record[field];
  return record;
}
