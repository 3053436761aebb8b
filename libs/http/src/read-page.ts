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

/**
 * Reads one page of a read model and the count of everything matching, in parallel: from the
 * cursor if one is given (keyset paging), then skipping `offset`. Each document becomes an item
 * through `toItem` (a summary, usually without the embedded aggregate state).
 */
export async function readPage<TDocument, TItem>(
  readModels: ProjectionStore,
  projection: string,
  filter: DocumentFilter,
  page: { readonly limit: number; readonly offset: number; readonly cursor?: string },
  toItem: (document: TDocument) => TItem,
): Promise<ListPage<TItem>> {
  const [entries, total] = await Promise.all([
    readModels.findEntries<TDocument>(projection, {
      ...filter,
      limit: page.limit,
      offset: page.offset,
      afterId: afterIdOf(page.cursor),
    }),
    readModels.countDocuments(projection, filter),
  ]);
  return {
    items: entries.map((entry) => toItem(entry.document)),
    total,
    limit: page.limit,
    offset: page.offset,
    nextCursor: nextCursorOf(entries, page.limit),
  };
}
