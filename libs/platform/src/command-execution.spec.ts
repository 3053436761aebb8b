import type { Principal } from '@dul/auth';
import type { Command, Decider, DomainEvent } from '@dul/domain';
import { DomainError } from '@dul/domain';
import { InMemoryEventStore, StreamCategory } from '@dul/event-store';
import type { Aggregate } from './command-execution';
import { CommandExecution, ownedBy } from './command-execution';

// A counter owned by a member state: Open creates it, Add adds, Noop decides nothing.
type CounterCommand =
  Command<'Open', { owner: string }> | Command<'Add', { by: number }> | Command<'Noop', Record<string, never>>;
type CounterEvent = DomainEvent<'Opened', { owner: string }> | DomainEvent<'Added', { by: number }>;
type CounterState = { owner: string | null; total: number };

const decider: Decider<CounterCommand, CounterEvent, CounterState> = {
  initialState: () => ({ owner: null, total: 0 }),
  evolve: (state, event) =>
    event.type === 'Opened' ? { ...state, owner: event.data.owner } : { ...state, total: state.total + event.data.by },
  decide: (command) => {
    switch (command.type) {
      case 'Open':
        return [{ type: 'Opened', data: command.data }];
      case 'Add':
        return [{ type: 'Added', data: command.data }];
      case 'Noop':
        return [];
    }
  },
};
const counter: Aggregate<CounterCommand, CounterEvent, CounterState> = {
  category: new StreamCategory('counter'),
  decider,
  mayAct: ownedBy<CounterCommand, CounterState>((state) => state.owner, 'Open'),
};
const de: Principal = { sub: 'alice', ms: 'DE', roles: ['caseworker'] };
const fr: Principal = { sub: 'bruno', ms: 'FR', roles: ['caseworker'] };

function setUp() {
  const store = new InMemoryEventStore();
  const runner = new CommandExecution(store, { now: () => new Date('2026-03-02T10:00:00Z') });
  const byDe = (command: Omit<CounterCommand, 'metadata'>, ifMatch?: number) =>
    runner.run(counter, 'c1', {
      by: 'principal',
      principal: de,
      correlationId: 'corr',
      command: command as never,
      ifMatch,
    });
  return { store, runner, byDe };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('CommandExecution (the aggregate runner)', () => {
  it("another member state's aggregate answers not-found, exactly like a missing one", async () => {
    const { runner, byDe } = setUp();
    await byDe({ type: 'Open', data: { owner: 'DE' } });
    const write = { by: 'principal', principal: fr, correlationId: 'c' } as const;
    const foreign = await refusal(runner.run(counter, 'c1', { ...write, command: { type: 'Add', data: { by: 1 } } }));
    const missing = await refusal(runner.run(counter, 'c2', { ...write, command: { type: 'Add', data: { by: 1 } } }));
    expect([foreign.code, foreign.rule]).toEqual(['NOT_FOUND', 'counter-not-found']);
    expect([missing.code, missing.rule]).toEqual([foreign.code, foreign.rule]);
  });

  it('a stale If-Match answers precondition-failed naming if-match; the current one writes', async () => {
    const { byDe } = setUp();
    await byDe({ type: 'Open', data: { owner: 'DE' } });
    await byDe({ type: 'Add', data: { by: 1 } });
    const stale = await refusal(byDe({ type: 'Add', data: { by: 1 } }, 0));
    expect([stale.code, stale.rule]).toEqual(['PRECONDITION_FAILED', 'if-match']);
    await expect(byDe({ type: 'Add', data: { by: 1 } }, 1)).resolves.toMatchObject({ version: 2, appended: 1 });
  });

  it("a command that appends nothing answers the stream's real last position, never 0", async () => {
    const { store, byDe } = setUp();
    await store.append(
      'other-x',
      [{ eventId: crypto.randomUUID(), type: 'X', data: {}, metadata: { actor: 'x', correlationId: 'x' } }],
      'no-stream',
    );
    const opened = await byDe({ type: 'Open', data: { owner: 'DE' } });
    const noop = await byDe({ type: 'Noop', data: {} });
    expect(opened.position).toBeGreaterThan(0);
    expect(noop).toEqual({ id: 'c1', version: 0, position: opened.position, appended: 0 });
  });

  it('records who, when, the correlation and the roles on every event of a principal write', async () => {
    const { store, byDe } = setUp();
    await byDe({ type: 'Open', data: { owner: 'DE' } });
    const [event] = await store.readStream('counter-c1');
    expect(event?.metadata).toMatchObject({
      actor: 'alice',
      memberState: 'DE',
      correlationId: 'corr',
      roles: ['caseworker'],
    });
  });

  it('a process write derives its event ids from the causing event, so a replay appends nothing twice', async () => {
    const { store, runner } = setUp();
    const command = {
      type: 'Open',
      data: { owner: 'DE' },
      metadata: { actor: 'system:test', now: new Date(), correlationId: 'c', causationId: 'cause-1' },
    } as const;
    const first = await runner.run(counter, 'c9', { by: 'process', command, eventIdsFrom: 'cause-1' });
    const [event] = await store.readStream('counter-c9');
    const again = setUp();
    await again.runner.run(counter, 'c9', { by: 'process', command, eventIdsFrom: 'cause-1' });
    const [replayed] = await again.store.readStream('counter-c9');
    expect(first.appended).toBe(1);
    expect(replayed?.eventId).toBe(event?.eventId);
    expect(event?.metadata.causationId).toBe('cause-1');
  });

  it('a process write records its extra metadata (such as the inbound topic) on every event', async () => {
    const { store, runner } = setUp();
    const command = {
      type: 'Open',
      data: { owner: 'FR' },
      metadata: { actor: 'fr-desk', memberState: 'FR', now: new Date(), correlationId: 'c' },
    } as const;
    await runner.run(counter, 'c10', { by: 'process', command, extraMetadata: { via: 'eu.dual-use.inbound.fr' } });
    const [event] = await store.readStream('counter-c10');
    expect(event?.metadata).toMatchObject({ via: 'eu.dual-use.inbound.fr', actor: 'fr-desk', memberState: 'FR' });
  });
});
