import { DelegatingEventStore } from './delegating-event-store';
import { streamCategory } from './event-store.port';
import type {
  AppendResult,
  EventStore,
  ExpectedVersion,
  NewEvent,
  ReadAllOptions,
  StoredEvent,
} from './event-store.port';

/** Events read unfiltered from the head for all subscribers at once; a reader further back reads alone. */
export const SHARED_TAIL_PAGE = 256;

/**
 * How long a page read from the head answers other readers. The readers one append wakes ask within a
 * few milliseconds of each other; a reader polling on its own (a relay or reactor in a process that
 * never appends) asks every 100 ms or more, so it always reads the log again and sees what another
 * process appended.
 */
export const SHARED_TAIL_FRESH_MS = 25;

export interface SharedTailOptions {
  /** How long a read answers other readers (default SHARED_TAIL_FRESH_MS). */
  readonly freshForMs?: number;
  /** Milliseconds; injectable for tests. */
  readonly clock?: () => number;
}

/** One unfiltered read of the log after `after`, complete up to `upTo` (every event in (after, upTo] is in it). */
interface TailPage {
  readonly after: number;
  readonly upTo: number;
  readonly events: readonly StoredEvent[];
  /** When the read was sent: the page shows the log as it was then, or later. */
  readonly readAt: number;
}

/**
 * One read of each new batch for every subscriber of this process (issue 12). An append wakes a dozen
 * projection runners and reactors, which all ask for the events after the same position, each filtered
 * by its own types: a dozen queries (and a dozen decryptions above) for one submission. Near the head
 * this store reads the log once, unfiltered, and answers each of those reads from that page, filtered
 * in memory exactly as the adapter would filter it; concurrent readers share one query in flight.
 *
 * Why a reader never misses an event: a page is used only when it is complete up to every head this
 * store has seen (its appends, their notifications and every headPosition() it answered). A projection
 * runner reads the head first and, when the filtered read comes back short, moves its position to that
 * head; the page it is answered from holds every event up to that head, so the short answer is as
 * complete as the adapter's. A reader far behind the head (a rebuild, a restart) reads from the adapter
 * directly, with the adapter's own filtered query.
 *
 * Why a reader that never asks for the head still sees another process's appends: a page answers only
 * for SHARED_TAIL_FRESH_MS after its read was sent. Without that bound a poller in a process that never
 * appends (the gateway's Kafka relay) was answered from the same page forever, its known head never
 * moving; a fresh-clone CI run caught it. An answer is thus never older than the bound, which is what
 * any read already is by the time its caller acts on it.
 *
 * It sits directly on the adapter, below crypto-shredding: the page holds what the adapter stores
 * (ciphertext), so erasure still reads as erased from the next read on.
 */
export class SharedTailEventStore extends DelegatingEventStore {
  /** The highest position known to be final: every event at or below it is visible. */
  private knownHead = 0;
  private page: TailPage | undefined;
  private inFlight: Promise<TailPage> | undefined;
  private inFlightAfter = 0;
  private inFlightHead = 0;
  private inFlightAt = 0;
  private readonly freshForMs: number;
  private readonly clock: () => number;

  constructor(inner: EventStore, options: SharedTailOptions = {}) {
    super(inner);
    this.freshForMs = options.freshForMs ?? SHARED_TAIL_FRESH_MS;
    this.clock = options.clock ?? Date.now;
  }

  override async append(
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedVersion,
  ): Promise<AppendResult> {
    const result = await this.inner.append(streamId, events, expected);
    this.seeHead(result.lastGlobalPosition);
    return result;
  }

  override async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const after = options.after ?? 0;
    const maxCount = options.maxCount;
    if (maxCount !== undefined && maxCount <= 0) return this.inner.readAll(options);
    if (this.knownHead - after > SHARED_TAIL_PAGE) return this.inner.readAll(options);
    const page = await this.tailFrom(after);
    if (page === undefined) return this.inner.readAll(options);
    const types = options.eventTypes ? new Set(options.eventTypes) : undefined;
    const categories = options.categories ? new Set(options.categories) : undefined;
    const result: StoredEvent[] = [];
    for (const event of page.events) {
      if (event.globalPosition <= after) continue;
      if (types && !types.has(event.type)) continue;
      if (categories && !categories.has(streamCategory(event.streamId))) continue;
      result.push(event);
      if (maxCount !== undefined && result.length >= maxCount) break;
    }
    return result;
  }

  /**
   * A page complete up to the known head that starts at or before `after`: the kept one, the one in
   * flight, or a new read. Undefined when the log after `after` is longer than a page (read directly).
   */
  private async tailFrom(after: number): Promise<TailPage | undefined> {
    const askedAt = this.clock();
    const fresh = (readAt: number): boolean => askedAt - readAt <= this.freshForMs;
    for (let attempt = 0; attempt < 3; attempt++) {
      const kept = this.page;
      if (kept !== undefined && fresh(kept.readAt) && this.answers(kept, after)) return kept;
      // A read in flight answers us if it started from our position or before, recently, and after the
      // newest head we know of.
      const pending =
        this.inFlight !== undefined &&
        this.inFlightAfter <= after &&
        this.inFlightHead >= this.knownHead &&
        fresh(this.inFlightAt)
          ? this.inFlight
          : this.readPage(after);
      const page = await pending;
      if (page.events.length >= SHARED_TAIL_PAGE) return undefined;
      if (this.answers(page, after)) return page;
    }
    return undefined;
  }

  /** The page holds every event after `after` up to every head this store has seen. */
  private answers(page: TailPage, after: number): boolean {
    return page.after <= after && after <= page.upTo && page.upTo >= this.knownHead;
  }

  private readPage(after: number): Promise<TailPage> {
    const headAtStart = this.knownHead;
    const readAt = this.clock();
    const read = this.inner.readAll({ after, maxCount: SHARED_TAIL_PAGE }).then((events) => {
      // A short page holds every event visible when it was read: all of them up to any head seen before.
      const last = events.at(-1)?.globalPosition ?? after;
      const page: TailPage = {
        after,
        upTo: events.length < SHARED_TAIL_PAGE ? Math.max(last, headAtStart) : last,
        events,
        readAt,
      };
      this.seeHead(page.upTo);
      if (events.length < SHARED_TAIL_PAGE && (this.page === undefined || page.upTo >= this.page.upTo)) {
        this.page = page;
      }
      return page;
    });
    this.inFlight = read;
    this.inFlightAfter = after;
    this.inFlightHead = headAtStart;
    this.inFlightAt = readAt;
    const clear = (): void => {
      if (this.inFlight === read) this.inFlight = undefined;
    };
    read.then(clear, clear);
    return read;
  }

  private seeHead(position: number): void {
    if (position > this.knownHead) this.knownHead = position;
  }

  override async headPosition(): Promise<number> {
    const head = await this.inner.headPosition();
    this.seeHead(head);
    return head;
  }
}
