import { createHash } from 'node:crypto';
import stringify from 'safe-stable-stringify';
import type { NewEvent, StoredEvent } from './event-store.port';

/**
 * The hash chain of the event log: pure functions shared by every adapter, the verify CLI, the audit
 * endpoint and the boot check, so there is exactly one definition of what an event's hash is.
 *
 * hash(e) = sha256(canonical(e)), where canonical(e) is the stable JSON (keys sorted) of the event's
 * identity and content *and the hash of its predecessor in the stream*: changing any event breaks its
 * own hash, and replacing a whole suffix consistently needs every later hash recomputed, which the
 * daily Merkle root (merkleRoot below) published to other authorities makes detectable.
 *
 * Not covered by the hash: the global position and the recording instant. Both are assigned by the
 * database inside the INSERT (PostgreSQL's identity and now()), after the hash was computed; hashing
 * them would need a second round trip. Within a stream, global positions are checked for order.
 */

/** What is hashed. eventId and schemaVersion are included too: an edited id would break idempotency unseen. */
export interface HashedContent {
  readonly eventId: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly prevHash: string | null;
}

/** Algorithm tag, so a future change of hash can coexist with old chains. */
export const HASH_ALGORITHM = 'sha256';

/**
 * Stable JSON of the hashed content. Values go through JSON first so that what a store returns after a
 * JSON/JSONB round trip (undefined dropped, Dates as strings, key order lost) encodes the same.
 */
export function canonicalEncoding(content: HashedContent): string {
  const plain = JSON.parse(
    JSON.stringify({
      data: content.data ?? null,
      eventId: content.eventId.toLowerCase(),
      metadata: content.metadata,
      prevHash: content.prevHash,
      schemaVersion: content.schemaVersion,
      streamId: content.streamId,
      streamVersion: content.streamVersion,
      type: content.type,
    }),
  ) as unknown;
  return stringify(plain) as string;
}

export function eventHash(content: HashedContent): string {
  return createHash(HASH_ALGORITHM).update(canonicalEncoding(content), 'utf8').digest('hex');
}

export interface ChainedHashes {
  readonly prevHash: string | null;
  readonly hash: string;
}

/**
 * The hashes of a batch about to be appended at firstVersion, after a stream head whose hash is
 * headHash (null for a new stream, or when the head is a legacy row written before hashing began).
 */
export function chainBatch(
  streamId: string,
  firstVersion: number,
  headHash: string | null,
  events: readonly NewEvent[],
): ChainedHashes[] {
  let prevHash = firstVersion === 0 ? null : headHash;
  return events.map((event, index) => {
    const hash = eventHash({
      eventId: event.eventId,
      streamId,
      streamVersion: firstVersion + index,
      type: event.type,
      schemaVersion: event.schemaVersion ?? 1,
      data: event.data,
      metadata: event.metadata,
      prevHash,
    });
    const chained = { prevHash, hash };
    prevHash = hash;
    return chained;
  });
}

/** Recomputes the hash a stored event should carry, from its stored content and stored prevHash. */
export function recomputedHash(event: StoredEvent, streamVersion = event.streamVersion): string {
  return eventHash({
    eventId: event.eventId,
    streamId: event.streamId,
    streamVersion,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    prevHash: event.prevHash ?? null,
  });
}

export type ChainProblemKind = 'altered' | 'removed' | 'inserted' | 'reordered';

/** One finding of a verification, naming the stream and version concerned. */
export interface ChainProblem {
  readonly kind: ChainProblemKind;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly globalPosition?: number;
  readonly eventId?: string;
  readonly detail: string;
}

/** The part of a stored event verification needs once its own hash has been checked. */
interface ChainLink {
  readonly eventId: string;
  readonly streamVersion: number;
  readonly globalPosition: number;
  readonly hash: string | null;
  readonly prevHash: string | null;
  /** Stored hash equals the recomputed one. */
  readonly selfValid: boolean;
  /** When the hash is valid only at another version: that version (the row was moved). */
  readonly writtenAtVersion?: number;
  readonly legacy: boolean;
}

/**
 * Verifies a store's chains incrementally, stream by stream. Feed it every stored event (any order);
 * findings() then lists each altered, removed, inserted or reordered event. Memory: one small record
 * per event (no data is kept), so a few hundred bytes per event.
 *
 * Legacy rows: events stored before hashing began (global position <= legacyUpTo, the head when the
 * migration ran) may carry no hash; they are counted as unverifiable, not reported as damage. An
 * unhashed row above legacyUpTo was not written by the store and is reported as inserted.
 */
export class ChainVerifier {
  private readonly streams = new Map<string, ChainLink[]>();
  private checked = 0;
  private legacy = 0;

  constructor(private readonly legacyUpTo = 0) {}

  add(event: StoredEvent): void {
    this.checked++;
    const hash = event.hash ?? null;
    const legacy = hash === null && event.globalPosition <= this.legacyUpTo;
    if (legacy) this.legacy++;
    const selfValid = hash !== null && recomputedHash(event) === hash;
    const link: ChainLink = {
      eventId: event.eventId,
      streamVersion: event.streamVersion,
      globalPosition: event.globalPosition,
      hash,
      prevHash: event.prevHash ?? null,
      selfValid,
      legacy,
      ...(hash !== null && !selfValid ? movedFrom(event, hash) : {}),
    };
    const links = this.streams.get(event.streamId) ?? [];
    links.push(link);
    this.streams.set(event.streamId, links);
  }

  get eventsChecked(): number {
    return this.checked;
  }

  get legacyEvents(): number {
    return this.legacy;
  }

  get streamCount(): number {
    return this.streams.size;
  }

  /** Each stream's head (last version and its hash), for the Merkle root. */
  heads(): StreamHead[] {
    return [...this.streams.entries()].map(([streamId, links]) => {
      const last = links.reduce((a, b) => (b.streamVersion > a.streamVersion ? b : a));
      return { streamId, streamVersion: last.streamVersion, hash: last.hash };
    });
  }

  findings(): ChainProblem[] {
    const problems: ChainProblem[] = [];
    for (const [streamId, unsorted] of this.streams) problems.push(...verifyStream(streamId, unsorted));
    return problems.sort(
      (a, b) =>
        a.streamId.localeCompare(b.streamId) || a.streamVersion - b.streamVersion || a.kind.localeCompare(b.kind),
    );
  }
}

/** Streams are short (tens of events): trying each nearby version finds a moved row cheaply. */
function movedFrom(event: StoredEvent, hash: string): { writtenAtVersion?: number } {
  for (let delta = 1; delta <= 64; delta++) {
    for (const version of [event.streamVersion - delta, event.streamVersion + delta]) {
      if (version >= 0 && recomputedHash(event, version) === hash) return { writtenAtVersion: version };
    }
  }
  return {};
}

function verifyStream(streamId: string, unsorted: readonly ChainLink[]): ChainProblem[] {
  const problems: ChainProblem[] = [];
  const links = [...unsorted].sort((a, b) => a.streamVersion - b.streamVersion);
  const name = (link: ChainLink) => ({
    streamId,
    streamVersion: link.streamVersion,
    globalPosition: link.globalPosition,
    eventId: link.eventId,
  });
  const hashes = new Set(links.flatMap((link) => (link.hash ? [link.hash] : [])));
  const linkedTo = new Set(links.flatMap((link) => (link.prevHash ? [link.prevHash] : [])));

  let expectedVersion = 0;
  let previous: ChainLink | undefined;
  for (const link of links) {
    // Versions must run 0..n-1: a hole is a removed event (or several).
    for (let missing = expectedVersion; missing < link.streamVersion; missing++) {
      problems.push({
        kind: 'removed',
        streamId,
        streamVersion: missing,
        detail: `version ${missing} is missing from the stream`,
      });
    }
    const gap = link.streamVersion > expectedVersion;
    if (previous && previous.streamVersion === link.streamVersion) {
      problems.push({ kind: 'inserted', ...name(link), detail: `a second event claims version ${link.streamVersion}` });
    }
    if (link.legacy) {
      // Written before hashing began: nothing to check but order.
    } else if (link.hash === null) {
      problems.push({
        kind: 'inserted',
        ...name(link),
        detail: 'carries no hash although it was stored after hashing began: not written by the event store',
      });
    } else if (!link.selfValid) {
      if (link.writtenAtVersion !== undefined) {
        problems.push({
          kind: 'reordered',
          ...name(link),
          detail: `stored at version ${link.streamVersion} but its hash was written for version ${link.writtenAtVersion}`,
        });
      } else {
        problems.push({
          kind: 'altered',
          ...name(link),
          detail: 'its content no longer matches its hash (data, metadata, type, id or link edited)',
        });
      }
    } else if (previous && !gap && previous.streamVersion === link.streamVersion - 1) {
      const expectedPrev = previous.hash;
      if (link.prevHash !== expectedPrev && !(previous.legacy && link.prevHash === null)) {
        // Whose fault: if the next event links past `previous`, `previous` is the stranger.
        const previousIsInserted =
          previous.selfValid && previous.prevHash !== null && !linkedTo.has(previous.hash ?? '');
        if (!previousIsInserted && !(link.prevHash !== null && hashes.has(link.prevHash))) {
          problems.push({
            kind: 'altered',
            ...name(link),
            detail: `does not link to version ${previous.streamVersion} (its predecessor hash matches no event in the stream)`,
          });
        } else if (!previousIsInserted) {
          problems.push({
            kind: 'reordered',
            ...name(link),
            detail: `links to an event other than version ${previous.streamVersion}`,
          });
        }
      }
    } else if (!previous && link.streamVersion === 0 && link.prevHash !== null) {
      problems.push({
        kind: 'altered',
        ...name(link),
        detail: 'the first event of a stream must have no predecessor hash',
      });
    }
    // An event every hash of which is right, but that no successor links to while a successor exists.
    if (link.selfValid && link.hash !== null && !linkedTo.has(link.hash)) {
      const next = links.find((other) => other.streamVersion === link.streamVersion + 1);
      if (next && next.selfValid && next.prevHash !== null && next.prevHash === link.prevHash) {
        problems.push({
          kind: 'inserted',
          ...name(link),
          detail: `the next event links past it to version ${link.streamVersion - 1}: it was not in the chain`,
        });
      }
    }
    if (previous && previous.globalPosition > link.globalPosition) {
      problems.push({
        kind: 'reordered',
        ...name(link),
        detail: `global position ${link.globalPosition} is before version ${previous.streamVersion}'s ${previous.globalPosition}`,
      });
    }
    expectedVersion = Math.max(expectedVersion, link.streamVersion + 1);
    previous = link;
  }
  return dedupe(problems);
}

function dedupe(problems: ChainProblem[]): ChainProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.kind}|${problem.streamVersion}|${problem.eventId ?? ''}|${problem.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface StreamHead {
  readonly streamId: string;
  readonly streamVersion: number;
  readonly hash: string | null;
}

/**
 * Merkle root over stream heads: leaves are sha256 of "streamId\nversion\nhash", sorted by stream id
 * (code point order), paired upwards; an odd node is carried up unchanged. An authority holding the
 * root of day D can ask for the leaves and re-derive it: any rewrite of history before D changes at
 * least one head hash and so the root. The empty set's root is sha256 of the empty string.
 */
export function merkleRoot(heads: readonly StreamHead[]): string {
  const sorted = [...heads].sort((a, b) => (a.streamId < b.streamId ? -1 : a.streamId > b.streamId ? 1 : 0));
  let level = sorted.map((head) => sha256(`${head.streamId}\n${head.streamVersion}\n${head.hash ?? ''}`));
  if (level.length === 0) return sha256('');
  while (level.length > 1) {
    const next: string[] = [];
    for (let i = 0; i < level.length; i += 2) {
      const left = level[i] as string;
      const right = level[i + 1];
      next.push(right === undefined ? left : sha256(left + right));
    }
    level = next;
  }
  return level[0] as string;
}

function sha256(text: string): string {
  return createHash(HASH_ALGORITHM).update(text, 'utf8').digest('hex');
}
