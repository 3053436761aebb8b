import { afterIdOf, nextCursorOf } from './page-query.dto';
import type { DocumentFilter, ProjectionStore } from '@dul/projections';

/** One page of a list as every list endpoint answers it. */
export interface ListPage<T> {
  readonly items: readonly T[];
  readonly total: number;
  readonly limit: number;
  readonly offset: number;
  /** The cursor of the next page (keyset paging), null on the last page. */
  readonly nextCursor: string | null;
}

/** Counts kept per read-model store, per filter: how many filters one process remembers. */
export const KEPT_COUNTS = 1_000;

/** A count and the checkpoint of the read model it was counted at. */
interface KeptCount {
  readonly checkpoint: number;
  readonly total: number;
}

const keptCounts = new WeakMap<ProjectionStore, Map<string, KeptCount>>();

/**
 * Reads one page of a read model and the count of everything matching: from the cursor if one is
 * given (keyset paging), then skipping `offset`. Each document becomes an item through `toItem` (a
 * summary, usually without the embedded aggregate state, which `omit` keeps out of the read).
 *
 * The count is counted again only when the read model has moved (issue 12: counting 10,000 of an
 * authority's cases was a fifth of a list request). A read model changes only in a commit that moves
 * its checkpoint, or in a reset that drops it to 0, so a count taken while the checkpoint stood at P
 * (read before and after counting) is the count for as long as the checkpoint is still P.
 */
export async function readPage<TDocument, TItem>(
  readModels: ProjectionStore,
  projection: string,
  filter: DocumentFilter,
  page: {
    readonly limit: number;
    readonly offset: number;
    readonly cursor?: string;
    readonly omit?: readonly string[];
  },
  toItem: (document: TDocument) => TItem,
): Promise<ListPage<TItem>> {
  const [entries, total] = await Promise.all([
    readModels.findEntries<TDocument>(projection, {
      ...filter,
      limit: page.limit,
      offset: page.offset,
      afterId: afterIdOf(page.cursor),
      omit: page.omit,
    }),
    countOf(readModels, projection, filter),
  ]);
  return {
    items: entries.map((entry) => toItem(entry.document)),
    total,
    limit: page.limit,
    offset: page.offset,
    nextCursor: nextCursorOf(entries, page.limit),
  };
}

async function countOf(readModels: ProjectionStore, projection: string, filter: DocumentFilter): Promise<number> {
  let counts = keptCounts.get(readModels);
  if (counts === undefined) {
    counts = new Map();
    keptCounts.set(readModels, counts);
  }
  const key = `${projection}\u0000${JSON.stringify(filter)}`;
  const before = await readModels.checkpoint(projection);
  const kept = counts.get(key);
  if (kept !== undefined && kept.checkpoint === before) return kept.total;
  const total = await readModels.countDocuments(projection, filter);
  const after = await readModels.checkpoint(projection);
  if (after === before) {
    counts.delete(key);
    if (counts.size >= KEPT_COUNTS) counts.delete(counts.keys().next().value as string);
    counts.set(key, { checkpoint: before, total });
  }
  return total;
}
