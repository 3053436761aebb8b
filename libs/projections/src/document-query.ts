import type { DocumentFilter, DocumentQuery } from './projection.port';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

/** Top-level equality filters, as the SQL stores apply them with JSON extraction. */
export function matchesWhere(document: unknown, where: DocumentQuery['where']): boolean {
  if (!where) return true;
  if (typeof document !== 'object' || document === null) return false;
  const record = document as Record<string, unknown>;
  return Object.entries(where).every(([field, value]) => record[field] === value);
}

/** The whole filter (equality and before), as the SQL stores apply it. */
export function matchesFilter(document: unknown, filter: DocumentFilter): boolean {
  if (!matchesWhere(document, filter.where)) return false;
  const record = document as Record<string, unknown>;
  const isString = (value: unknown): value is string => typeof value === 'string';
  return (
    Object.entries(filter.before ?? {}).every(([field, bound]) => isString(record[field]) && record[field] < bound) &&
    Object.entries(filter.after ?? {}).every(([field, bound]) => isString(record[field]) && record[field] > bound) &&
    Object.entries(filter.contains ?? {}).every(([field, member]) => {
      const value = record[field];
      return Array.isArray(value) && value.includes(member);
    }) &&
    Object.entries(filter.oneOf ?? {}).every(([field, members]) => {
      const value = record[field];
      return isString(value) && members.includes(value);
    })
  );
}

/** Every field a filter names, checked before it reaches SQL. */
export function assertSafeFilter(filter: DocumentFilter): void {
  [filter.where, filter.before, filter.after, filter.contains, filter.oneOf]
    .flatMap((part) => Object.keys(part ?? {}))
    .forEach(assertSafeField);
}

export function pageBounds(query: DocumentQuery): { limit: number; offset: number } {
  return {
    limit: Math.min(Math.max(query.limit ?? DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE),
    offset: Math.max(query.offset ?? 0, 0),
  };
}

export function paginate<T>(items: readonly T[], query: DocumentQuery): T[] {
  const { limit, offset } = pageBounds(query);
  return items.slice(offset, offset + limit);
}

/** Field names in `where` end up in SQL JSON paths: allow plain identifiers only. */
export function assertSafeField(field: string): void {
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(field)) throw new Error(`Unsupported document field ${field}`);
}

/** The name of the index serving one field, shared by every projection that filters on it. */
export function indexNameFor(field: string, kind: 'equality' | 'membership'): string {
  assertSafeField(field);
  return kind === 'equality' ? `projection_documents_${field}` : `projection_documents_${field}_members`;
}
