import { derivedId } from './derived-ids';
import type { EventStore, NewEvent, StoredEvent } from './event-store.port';
import type { ChainProblem, StreamHead } from './hash-chain';
import { ChainVerifier, HASH_ALGORITHM, merkleRoot } from './hash-chain';

/** The event type and stream category of the daily Merkle root over stream heads. */
export const DAILY_ROOT_EVENT = 'AuditRootSealed';
export const DAILY_ROOT_CATEGORY = 'auditroot';

export interface DailyRootData {
  /** The UTC day sealed (YYYY-MM-DD): the root covers every event up to coveredUpTo, recorded by then. */
  readonly day: string;
  readonly coveredUpTo: number;
  readonly streams: number;
  readonly root: string;
  readonly algorithm: string;
  readonly legacyUpTo: number;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly eventsChecked: number;
  readonly streams: number;
  readonly legacyEvents: number;
  readonly legacyUpTo: number;
  readonly rootsChecked: number;
  readonly problems: readonly ChainProblem[];
}

export interface VerifyOptions {
  /** How many of the newest daily roots to re-derive (each costs one pass over the stream heads). */
  readonly roots?: number;
  readonly batchSize?: number;
}

/**
 * Recomputes every chain in the store and names each altered, removed, inserted or reordered event;
 * then re-derives the newest daily roots from the stream heads as they stood at each root's position
 * (a root that no longer matches means history before it was rewritten, including a suffix rewritten
 * with recomputed hashes or an event removed from a stream's end).
 *
 * Reads the store once in global order; keeps a small record per event, not the events.
 */
export async function verifyEventStore(store: EventStore, options: VerifyOptions = {}): Promise<VerifyReport> {
  const legacyUpTo = (await store.legacyUpTo?.()) ?? 0;
  const verifier = new ChainVerifier(legacyUpTo);
  const rootsToCheck = options.roots ?? 30;
  const timeline: { position: number; streamId: string; version: number; hash: string | null }[] = [];
  const roots: { event: StoredEvent; data: DailyRootData }[] = [];
  const batchSize = options.batchSize ?? 2000;
  for (let after = 0; ;) {
    const batch = await store.readAll({ after, maxCount: batchSize });
    for (const event of batch) {
      verifier.add(event);
      timeline.push({
        position: event.globalPosition,
        streamId: event.streamId,
        version: event.streamVersion,
        hash: event.hash ?? null,
      });
      if (event.type === DAILY_ROOT_EVENT && isDailyRootData(event.data)) roots.push({ event, data: event.data });
    }
    if (batch.length < batchSize) break;
    after = (batch.at(-1) as StoredEvent).globalPosition;
  }
  const problems = [...verifier.findings(), ...checkRoots(timeline, roots.slice(-rootsToCheck))];
  return {
    ok: problems.length === 0,
    eventsChecked: verifier.eventsChecked,
    streams: verifier.streamCount,
    legacyEvents: verifier.legacyEvents,
    legacyUpTo,
    rootsChecked: Math.min(roots.length, rootsToCheck),
    problems,
  };
}

function checkRoots(
  timeline: readonly { position: number; streamId: string; version: number; hash: string | null }[],
  roots: readonly { event: StoredEvent; data: DailyRootData }[],
): ChainProblem[] {
  const problems: ChainProblem[] = [];
  const sortedTimeline = [...timeline].sort((a, b) => a.position - b.position);
  const sortedRoots = [...roots].sort((a, b) => a.data.coveredUpTo - b.data.coveredUpTo);
  const heads = new Map<string, StreamHead>();
  let index = 0;
  for (const { event, data } of sortedRoots) {
    for (; index < sortedTimeline.length && (sortedTimeline[index]?.position ?? 0) <= data.coveredUpTo; index++) {
      const entry = sortedTimeline[index] as (typeof sortedTimeline)[number];
      const current = heads.get(entry.streamId);
      if (!current || current.streamVersion < entry.version) {
        heads.set(entry.streamId, { streamId: entry.streamId, streamVersion: entry.version, hash: entry.hash });
      }
    }
    const recomputed = merkleRoot([...heads.values()]);
    if (recomputed !== data.root) {
      problems.push({
        kind: 'altered',
        streamId: event.streamId,
        streamVersion: event.streamVersion,
        globalPosition: event.globalPosition,
        eventId: event.eventId,
        detail: `the daily root of ${data.day} (${data.root.slice(0, 12)}…) no longer matches the stream heads up to position ${data.coveredUpTo} (now ${recomputed.slice(0, 12)}…): history before it was rewritten`,
      });
    }
  }
  return problems;
}

export interface BoundedCheckReport {
  readonly ok: boolean;
  readonly eventsChecked: number;
  readonly problems: readonly ChainProblem[];
}

/**
 * The boot check: the newest `limit` events' own hashes and their links inside the window. Cheap
 * (one read), so every boot runs it; the full check is `npm run verify`. Removed versions and broken
 * links are found only inside the window.
 */
export async function checkNewestEvents(store: EventStore, limit = 1000): Promise<BoundedCheckReport> {
  const head = await store.headPosition();
  const legacyUpTo = (await store.legacyUpTo?.()) ?? 0;
  // Positions are not contiguous on PostgreSQL, so the window may hold a few less than `limit`.
  const events = await store.readAll({ after: Math.max(0, head - limit), maxCount: limit });
  const verifier = new ChainVerifier(legacyUpTo);
  const firstInWindow = new Map<string, number>();
  for (const event of events) {
    verifier.add(event);
    const first = firstInWindow.get(event.streamId);
    if (first === undefined || event.streamVersion < first) firstInWindow.set(event.streamId, event.streamVersion);
  }
  // Versions below a stream's first event in the window are outside it, not removed.
  const problems = verifier
    .findings()
    .filter(
      (problem) =>
        !(problem.kind === 'removed' && problem.streamVersion < (firstInWindow.get(problem.streamId) ?? 0)) &&
        !(problem.detail.startsWith('does not link') && problem.streamVersion === firstInWindow.get(problem.streamId)),
    );
  return { ok: problems.length === 0, eventsChecked: events.length, problems };
}

/**
 * The daily root event for `day`: the Merkle root over every stream's head as of the store's head
 * now. Its event id and stream are derived from the day, so sealing twice appends nothing twice.
 */
export async function sealDailyRoot(
  store: EventStore,
  day: string,
  actor = 'system:daily-root',
): Promise<{ sealed: boolean; data: DailyRootData }> {
  const stream = `${DAILY_ROOT_CATEGORY}-${day}`;
  const existing = await store.readStream(stream, { maxCount: 1 });
  if (existing[0] && isDailyRootData(existing[0].data)) return { sealed: false, data: existing[0].data };
  const legacyUpTo = (await store.legacyUpTo?.()) ?? 0;
  const heads = new Map<string, StreamHead>();
  let coveredUpTo = 0;
  for (let after = 0; ;) {
    const batch = await store.readAll({ after, maxCount: 2000 });
    for (const event of batch) {
      const current = heads.get(event.streamId);
      if (!current || current.streamVersion < event.streamVersion) {
        heads.set(event.streamId, {
          streamId: event.streamId,
          streamVersion: event.streamVersion,
          hash: event.hash ?? null,
        });
      }
      coveredUpTo = event.globalPosition;
    }
    if (batch.length < 2000) break;
    after = coveredUpTo;
  }
  const data: DailyRootData = {
    day,
    coveredUpTo,
    streams: heads.size,
    root: merkleRoot([...heads.values()]),
    algorithm: `merkle-${HASH_ALGORITHM}`,
    legacyUpTo,
  };
  const event: NewEvent = {
    eventId: derivedId(`daily-root:${day}`),
    type: DAILY_ROOT_EVENT,
    data,
    metadata: { actor, correlationId: derivedId(`daily-root:${day}`) },
  };
  try {
    await store.append(stream, [event], 'no-stream');
  } catch (error) {
    // Another instance sealed the same day first: same id, same stream; answer what it stored.
    const [stored] = await store.readStream(stream, { maxCount: 1 });
    if (stored && isDailyRootData(stored.data)) return { sealed: false, data: stored.data };
    throw error;
  }
  return { sealed: true, data };
}

export function isDailyRootData(value: unknown): value is DailyRootData {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return (
    typeof record['day'] === 'string' && typeof record['root'] === 'string' && typeof record['coveredUpTo'] === 'number'
  );
}
