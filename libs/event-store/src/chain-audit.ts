import type { DailyRootData } from '@dul/domain';
import { DAILY_ROOT_EVENT, dailyRootStream, isDailyRootData } from '@dul/domain';
import { derivedId } from './derived-ids';
import type { EventStore, NewEvent, StoredEvent } from './event-store.port';
import type { ChainProblem, StreamHead } from './hash-chain';
import { ChainVerifier, HASH_ALGORITHM, merkleRoot } from './hash-chain';

export type { DailyRootData } from '@dul/domain';
export { DAILY_ROOT_CATEGORY, DAILY_ROOT_EVENT, dailyRootStream, isDailyRootData } from '@dul/domain';

/**
 * A daily root as another authority received it (the data of eu.dual-use.audit.daily-root-sealed.v1):
 * what it holds is the evidence, whatever the store says now.
 */
export interface PublishedRoot {
  readonly day: string;
  readonly root: string;
  readonly coveredUpTo: number;
}

export interface VerifyReport {
  readonly ok: boolean;
  readonly eventsChecked: number;
  readonly streams: number;
  readonly legacyEvents: number;
  readonly legacyUpTo: number;
  readonly rootsChecked: number;
  /** Published roots given to the check (each re-derived, and compared with the stored one). */
  readonly publishedRootsChecked: number;
  readonly problems: readonly ChainProblem[];
}

export interface VerifyOptions {
  /** How many of the newest daily roots to re-derive (each costs one pass over the stream heads). */
  readonly roots?: number;
  readonly batchSize?: number;
  /**
   * Roots as published to the authorities: each is re-derived from the heads as of its coveredUpTo and
   * compared, and the store's own root of that day must be the same. This catches what the stored roots
   * cannot: an owner who rewrote history and then re-sealed (or deleted) the root events to match.
   */
  readonly publishedRoots?: readonly PublishedRoot[];
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
  const published = options.publishedRoots ?? [];
  const claims: RootClaim[] = [
    ...roots.slice(-rootsToCheck).map(({ event, data }) => ({ ...data, stored: event })),
    ...published.map((root) => ({ ...root, stored: undefined })),
  ];
  const problems = [...verifier.findings(), ...checkRoots(timeline, claims), ...compareWithStored(published, roots)];
  return {
    ok: problems.length === 0,
    eventsChecked: verifier.eventsChecked,
    streams: verifier.streamCount,
    legacyEvents: verifier.legacyEvents,
    legacyUpTo,
    rootsChecked: Math.min(roots.length, rootsToCheck),
    publishedRootsChecked: published.length,
    problems,
  };
}

/** A root to re-derive: one the store sealed (with its event), or one an authority holds as published. */
type RootClaim = PublishedRoot & { readonly stored: StoredEvent | undefined };

function checkRoots(
  timeline: readonly { position: number; streamId: string; version: number; hash: string | null }[],
  claims: readonly RootClaim[],
): ChainProblem[] {
  const problems: ChainProblem[] = [];
  const sortedTimeline = [...timeline].sort((a, b) => a.position - b.position);
  const sortedClaims = [...claims].sort((a, b) => a.coveredUpTo - b.coveredUpTo);
  const heads = new Map<string, StreamHead>();
  let index = 0;
  for (const claim of sortedClaims) {
    for (; index < sortedTimeline.length && (sortedTimeline[index]?.position ?? 0) <= claim.coveredUpTo; index++) {
      const entry = sortedTimeline[index] as (typeof sortedTimeline)[number];
      const current = heads.get(entry.streamId);
      if (!current || current.streamVersion < entry.version) {
        heads.set(entry.streamId, { streamId: entry.streamId, streamVersion: entry.version, hash: entry.hash });
      }
    }
    const recomputed = merkleRoot([...heads.values()]);
    if (recomputed === claim.root) continue;
    const which = claim.stored ? 'the daily root' : 'the published daily root';
    problems.push({
      kind: 'altered',
      streamId: claim.stored?.streamId ?? dailyRootStream(claim.day),
      streamVersion: claim.stored?.streamVersion ?? 0,
      ...(claim.stored && { globalPosition: claim.stored.globalPosition, eventId: claim.stored.eventId }),
      detail: `${which} of ${claim.day} (${claim.root.slice(0, 12)}…) no longer matches the stream heads up to position ${claim.coveredUpTo} (now ${recomputed.slice(0, 12)}…): history before it was rewritten`,
    });
  }
  return problems;
}

/** A published root must be the one the store sealed that day: else the root event itself was rewritten or removed. */
function compareWithStored(
  published: readonly PublishedRoot[],
  roots: readonly { event: StoredEvent; data: DailyRootData }[],
): ChainProblem[] {
  return published.flatMap((root): ChainProblem[] => {
    const stored = roots.find((candidate) => candidate.data.day === root.day);
    if (!stored) {
      return [
        {
          kind: 'removed',
          streamId: dailyRootStream(root.day),
          streamVersion: 0,
          detail: `a root was published for ${root.day} (${root.root.slice(0, 12)}…) but the store holds no root of that day: the root event was removed`,
        },
      ];
    }
    if (stored.data.root === root.root && stored.data.coveredUpTo === root.coveredUpTo) return [];
    return [
      {
        kind: 'altered',
        streamId: stored.event.streamId,
        streamVersion: stored.event.streamVersion,
        globalPosition: stored.event.globalPosition,
        eventId: stored.event.eventId,
        detail: `the stored root of ${root.day} (${stored.data.root.slice(0, 12)}… up to position ${stored.data.coveredUpTo}) is not the one published (${root.root.slice(0, 12)}… up to position ${root.coveredUpTo}): the root event was rewritten`,
      },
    ];
  });
}

/** The root the store sealed for a day, with where and when; undefined when that day is not sealed. */
export async function readDailyRoot(
  store: EventStore,
  day: string,
): Promise<{ readonly data: DailyRootData; readonly event: StoredEvent } | undefined> {
  const [event] = await store.readStream(dailyRootStream(day), { maxCount: 1 });
  return event && isDailyRootData(event.data) ? { data: event.data, event } : undefined;
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
  const stream = dailyRootStream(day);
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
