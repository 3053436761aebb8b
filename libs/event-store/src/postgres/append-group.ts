import type { Pool, QueryConfig } from 'pg';
import type { ChainedHashes } from '../hash-chain';
import type { NewEvent } from '../event-store.port';
import { ADVISORY_LOCK_NAMESPACE, APPEND_LOCK_KEY } from './postgres-migrations';

/** One append waiting to join a group: its stream, the version it expects to write first, its events. */
export interface GroupMember {
  readonly streamId: string;
  readonly firstVersion: number;
  readonly events: readonly NewEvent[];
  /**
   * Each event's chain link (hash-chain.ts chainBatch), from the head hash the caller knew with the
   * version: if the head moved, the version check under the lock refuses the member, so a chain never forks.
   */
  readonly hashes: readonly ChainedHashes[];
}

/**
 * What the database decided for one member, under the append lock:
 * - appended: its rows are in, the last at lastPosition;
 * - version-taken: the stream is no longer at firstVersion - 1 (another writer got in, possibly an
 *   earlier member of the same group); nothing of it was written;
 * - already-stored: one of its event ids is in the store (a retry racing its original); nothing written.
 * The caller re-reads the stream and decides, exactly as after a lost race on the unique keys.
 */
export type MemberOutcome =
  | { readonly outcome: 'appended'; readonly lastPosition: number }
  | { readonly outcome: 'version-taken' }
  | { readonly outcome: 'already-stored' };

/** Bounds one statement's size; a larger backlog simply goes in the next group. */
const MAX_GROUP_MEMBERS = 64;

/**
 * The statement of a group: one call of dul_append_group (migration 5), in autocommit, so the whole
 * group costs one round trip, one append lock, one commit and one WAL flush. The function takes the
 * append lock before any position is drawn (the guarantee of ADR 0002, unchanged) and then checks each
 * member's expected version under that lock, in order, writing the members that still hold.
 */
export function groupAppendStatement(members: readonly GroupMember[]): QueryConfig {
  const payload = members.map((member) => {
    const { hashes } = member;
    return {
      stream: member.streamId,
      first: member.firstVersion,
      events: member.events.map((event, index) => ({
        id: event.eventId,
        type: event.type,
        schemaVersion: event.schemaVersion ?? 1,
        // jsonb has no 'undefined'; stored as JSON null, as the single-append statement does.
        data: event.data ?? null,
        metadata: event.metadata,
        prevHash: hashes[index]?.prevHash ?? null,
        hash: hashes[index]?.hash ?? null,
      })),
    };
  });
  return {
    name: 'dul_append_group',
    text: 'SELECT dul_append_group($1::jsonb, $2, $3) AS outcomes',
    values: [JSON.stringify(payload), ADVISORY_LOCK_NAMESPACE, APPEND_LOCK_KEY],
  };
}

interface Waiting {
  readonly member: GroupMember;
  readonly resolve: (outcome: MemberOutcome) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * Group commit for one process: while a group statement is in flight, the appends that arrive wait
 * and then go together in the next one. An append that finds nothing in flight goes at once, alone,
 * so a quiet store pays no extra latency; under load the group grows by itself with the wait.
 *
 * A group that fails as a whole (a statement error, not a version check: those are per member) is
 * retried member by member, so one member's bad row can only fail that member.
 */
export class AppendGroupCommitter {
  private readonly queue: Waiting[] = [];
  private flushing = false;

  constructor(private readonly pool: Pool) {}

  /** Appends waiting for the group in flight to finish, to go in the next one. */
  get backlog(): number {
    return this.queue.length;
  }

  submit(member: GroupMember): Promise<MemberOutcome> {
    return new Promise<MemberOutcome>((resolve, reject) => {
      this.queue.push({ member, resolve, reject });
      if (!this.flushing) void this.flush();
    });
  }

  private async flush(): Promise<void> {
    this.flushing = true;
    try {
      while (this.queue.length > 0) {
        const group = this.queue.splice(0, MAX_GROUP_MEMBERS);
        try {
          const outcomes = await this.run(group.map((waiting) => waiting.member));
          group.forEach((waiting, index) => waiting.resolve(outcomes[index] as MemberOutcome));
        } catch (error) {
          if (group.length === 1) (group[0] as Waiting).reject(error);
          else await this.oneByOne(group);
        }
        await this.oneTurn();
      }
    } finally {
      this.flushing = false;
    }
  }

  /**
   * One event-loop turn after each group, before the next is taken: the writers the group just
   * answered append again from continuations that run after this one. Taking the queue at once sent
   * the appends that had waited and left the writers just answered for a group of their own, so
   * groups alternated between a few members and the rest (issue 12: 8 writers, 80 appends, 20 groups).
   */
  private async oneTurn(): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
  }

  private async oneByOne(group: readonly Waiting[]): Promise<void> {
    for (const waiting of group) {
      try {
        const [outcome] = await this.run([waiting.member]);
        waiting.resolve(outcome as MemberOutcome);
      } catch (error) {
        waiting.reject(error);
      }
    }
  }

  private async run(members: readonly GroupMember[]): Promise<MemberOutcome[]> {
    const { rows } = await this.pool.query<{ outcomes: Array<{ outcome: string; lastPosition?: string | number }> }>(
      groupAppendStatement(members),
    );
    const outcomes = rows[0]?.outcomes ?? [];
    if (outcomes.length !== members.length) {
      throw new Error(`dul_append_group answered ${outcomes.length} outcomes for ${members.length} members`);
    }
    return outcomes.map(toOutcome);
  }
}

function toOutcome(raw: { outcome: string; lastPosition?: string | number }): MemberOutcome {
  if (raw.outcome === 'version-taken' || raw.outcome === 'already-stored') return { outcome: raw.outcome };
  const lastPosition = Number(raw.lastPosition);
  if (raw.outcome !== 'appended' || !Number.isSafeInteger(lastPosition)) {
    throw new Error(`dul_append_group answered an unknown outcome ${JSON.stringify(raw)}`);
  }
  return { outcome: 'appended', lastPosition };
}
