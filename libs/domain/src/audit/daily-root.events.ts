// The daily root: the record's own commitment to its history, published to the other authorities.
// Defined here, not in the event store that seals it, because the published contract maps it too and
// libs/contracts must not depend on a storage library.

/** The event type and stream category (`auditroot-<day>`) of the daily Merkle root over stream heads. */
export const DAILY_ROOT_EVENT = 'AuditRootSealed';
export const DAILY_ROOT_CATEGORY = 'auditroot';

export interface DailyRootData {
  /** The UTC day sealed (YYYY-MM-DD): the root covers every event up to coveredUpTo, recorded by then. */
  readonly day: string;
  /** The store's global position of the last event the root covers (its head when sealing). */
  readonly coveredUpTo: number;
  /** How many streams (leaves) the root covers. */
  readonly streams: number;
  /** Hex Merkle root over every stream's head as of coveredUpTo. */
  readonly root: string;
  /** `merkle-sha256`. */
  readonly algorithm: string;
  /** Rows at or below this position predate the hash chain (their heads hash as empty). */
  readonly legacyUpTo: number;
}

export function isDailyRootData(value: unknown): value is DailyRootData {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record['day'] === 'string' && typeof record['root'] === 'string' && typeof record['coveredUpTo'] === 'number'
  );
}

/** The stream a day's root is sealed in. */
export function dailyRootStream(day: string): string {
  return `${DAILY_ROOT_CATEGORY}-${day}`;
}
