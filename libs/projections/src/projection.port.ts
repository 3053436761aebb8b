import type { StoredEvent } from '@dul/event-store';

/**
 * A read model as a fold over events: which events it handles, which document each one changes, and
 * how. `evolve` is pure; returning null deletes the document.
 */
export interface Projection<TDocument = unknown> {
  readonly name: string;
  readonly handles: readonly string[];
  documentId(event: StoredEvent): string | null;
  // Method syntax on purpose: a Projection<Case> must fit where a Projection<unknown> is registered.
  evolve(document: TDocument | null, event: StoredEvent): TDocument | null;
  /** The fields the API filters this read model on, indexed by the SQL stores (issue 12). */
  readonly indexes?: ProjectionIndexes;
}

/**
 * Top-level document fields that lists filter on. Without an index every list and count read every
 * document of the projection (at 100,000 applications a page cost a full scan).
 */
export interface ProjectionIndexes {
  /** String fields compared with `where` equality, e.g. the owning authority. */
  readonly equality?: readonly string[];
  /** Array fields tested with `contains` (PostgreSQL GIN; SQLite cannot index json_each and scans). */
  readonly membership?: readonly string[];
}

/** A document with its id: the id of a page's last entry is the cursor of the next page. */
export interface DocumentEntry<T> {
  readonly id: string;
  readonly document: T;
}

/** Document access inside one read-model transaction. */
export interface DocumentTransaction {
  get<T>(projection: string, id: string): Promise<T | null>;
  put(projection: string, id: string, document: unknown): Promise<void>;
  delete(projection: string, id: string): Promise<void>;
  /**
   * Reads these documents in one go, so the batch's `get`s that follow answer from memory. Optional:
   * a store whose reads are in process (SQLite, memory) gains nothing from it. The PostgreSQL store
   * otherwise paid one round trip per document a batch touched (issue 12: the rebuild's bound).
   */
  prefetch?(projection: string, ids: readonly string[]): Promise<void>;
}

export interface DocumentQuery {
  readonly limit?: number;
  readonly offset?: number;
  /**
   * Keyset paging: only documents whose id sorts after this one (code-point order, the order of
   * every page). Pass the last id of the previous page; unlike `offset`, the cost of a page does not
   * grow with how deep it is.
   */
  readonly afterId?: string;
  /** Equality filters on top-level fields of the document. */
  readonly where?: Readonly<Record<string, string | number | boolean>>;
  /**
   * Strictly-before filters on top-level string fields, compared in code-point order (ISO dates and
   * instants sort correctly): `{ dueAt: now }` finds documents due before now. Missing fields never match.
   */
  readonly before?: Readonly<Record<string, string>>;
  /** Strictly-after filters, the mirror of `before`. */
  readonly after?: Readonly<Record<string, string>>;
  /** Membership filters: the top-level array field holds this string (`{ recipients: 'FR' }`). */
  readonly contains?: Readonly<Record<string, string>>;
  /**
   * One-of filters: the top-level string field equals one of these strings (`{ applicationId: ids }`),
   * so a page can fetch what belongs to its own items in one query; an empty list matches nothing.
   */
  readonly oneOf?: Readonly<Record<string, readonly string[]>>;
  /**
   * Top-level fields left out of each returned document, by the database: a list of summaries need
   * not carry and parse the aggregate state its documents embed (issue 12: parsing whole documents
   * was a fifth of a list request's CPU). Filters still see the whole document.
   */
  readonly omit?: readonly string[];
}

export type DocumentFilter = Pick<DocumentQuery, 'where' | 'before' | 'after' | 'contains' | 'oneOf'>;

/**
 * Where read models live: in the same database as the events (PostgreSQL or SQLite), so the
 * checkpoint is written in the same transaction as the documents it accounts for.
 */
export interface ProjectionStore {
  /** Global position this projection has applied up to; 0 when it never ran. */
  checkpoint(projection: string): Promise<number>;
  /**
   * Runs `work` and moves the checkpoint from `expected` to `next` in one transaction. Throws
   * CheckpointMovedError (and changes nothing) when the checkpoint is no longer at `expected`:
   * another instance applied these events first.
   */
  commit(
    projection: string,
    expected: number,
    next: number,
    work: (tx: DocumentTransaction) => Promise<void>,
  ): Promise<void>;
  /** Deletes the projection's documents and checkpoint, so it rebuilds from zero. */
  reset(projection: string): Promise<void>;
  getDocument<T>(projection: string, id: string): Promise<T | null>;
  findDocuments<T>(projection: string, query?: DocumentQuery): Promise<T[]>;
  /** As findDocuments, with each document's id (for keyset paging). */
  findEntries<T>(projection: string, query?: DocumentQuery): Promise<DocumentEntry<T>[]>;
  /** Creates the indexes if missing; idempotent, and safe when several instances call it at once. */
  ensureIndexes(projection: string, indexes: ProjectionIndexes): Promise<void>;
  countDocuments(projection: string, query?: DocumentFilter): Promise<number>;
}

/** One instance runs a given projection at a time; another takes over when the holder dies. */
export interface LeaderLock {
  tryAcquire(name: string): Promise<boolean>;
  release(name: string): Promise<void>;
  close(): Promise<void>;
}

export class CheckpointMovedError extends Error {
  constructor(
    readonly projection: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`Projection ${projection}: checkpoint is at ${actual}, expected ${expected}`);
    this.name = 'CheckpointMovedError';
  }
}

export const PROJECTION_STORE = Symbol.for('dul.ProjectionStore');
export const LEADER_LOCK = Symbol.for('dul.LeaderLock');
