import type { ProjectionStore } from '@dul/projections';
import { CheckpointMovedError } from '@dul/projections';

export interface ProjectionStoreUnderTest {
  readonly store: ProjectionStore;
  readonly teardown: () => Promise<void>;
}

/** The behaviour every read-model store shares; each adapter's spec calls this with a factory. */
export function projectionStoreContract(name: string, factory: () => Promise<ProjectionStoreUnderTest>): void {
  describe(`ProjectionStore contract: ${name}`, () => {
    let store: ProjectionStore;
    let teardown: () => Promise<void>;
    beforeEach(async () => {
      ({ store, teardown } = await factory());
    });
    afterEach(async () => {
      await teardown();
    });

    it('writes documents and moves the checkpoint together', async () => {
      expect(await store.checkpoint('cases')).toBe(0);
      await store.commit('cases', 0, 5, async (tx) => {
        await tx.put('cases', 'a', { id: 'a', status: 'SUBMITTED' });
        expect(await tx.get('cases', 'a')).toEqual({ id: 'a', status: 'SUBMITTED' });
      });
      expect(await store.checkpoint('cases')).toBe(5);
      expect(await store.getDocument('cases', 'a')).toEqual({ id: 'a', status: 'SUBMITTED' });
    });

    it('a commit whose work throws leaves neither documents nor checkpoint changed', async () => {
      await expect(
        store.commit('cases', 0, 3, async (tx) => {
          await tx.put('cases', 'a', { id: 'a' });
          throw new Error('projection bug');
        }),
      ).rejects.toThrow('projection bug');
      expect(await store.checkpoint('cases')).toBe(0);
      expect(await store.getDocument('cases', 'a')).toBeNull();
    });

    it('refuses a commit from a stale checkpoint: another instance applied those events first', async () => {
      await store.commit('cases', 0, 4, async (tx) => tx.put('cases', 'a', { n: 1 }));
      await expect(store.commit('cases', 0, 4, async (tx) => tx.put('cases', 'a', { n: 2 }))).rejects.toBeInstanceOf(
        CheckpointMovedError,
      );
      expect(await store.getDocument('cases', 'a')).toEqual({ n: 1 });
    });

    it('deletes documents, filters on top-level fields, paginates in id order and counts', async () => {
      await store.commit('cases', 0, 1, async (tx) => {
        await tx.put('cases', 'c', { id: 'c', status: 'OPEN', overdue: true, priority: 2 });
        await tx.put('cases', 'a', { id: 'a', status: 'OPEN', overdue: false, priority: 1 });
        await tx.put('cases', 'b', { id: 'b', status: 'DECIDED', overdue: false, priority: 2 });
        await tx.put('cases', 'd', { id: 'd', status: 'OPEN', overdue: false, priority: 3 });
        await tx.put('other', 'a', { id: 'other-a', status: 'OPEN' });
      });
      await store.commit('cases', 1, 2, async (tx) => tx.delete('cases', 'd'));
      const ids = (docs: { id: string }[]): string[] => docs.map((d) => d.id);
      expect(ids(await store.findDocuments('cases'))).toEqual(['a', 'b', 'c']);
      expect(ids(await store.findDocuments('cases', { where: { status: 'OPEN' } }))).toEqual(['a', 'c']);
      expect(ids(await store.findDocuments('cases', { where: { overdue: true } }))).toEqual(['c']);
      expect(ids(await store.findDocuments('cases', { where: { priority: 2 } }))).toEqual(['b', 'c']);
      expect(ids(await store.findDocuments('cases', { limit: 1, offset: 1 }))).toEqual(['b']);
      expect(await store.countDocuments('cases', { where: { status: 'OPEN' } })).toBe(2);
      expect(await store.countDocuments('cases')).toBe(3);
    });

    it('pages by keyset: afterId gives the documents after that id, in id order, with the filter', async () => {
      await store.commit('cases', 0, 1, async (tx) => {
        for (const id of ['e', 'a', 'd', 'b', 'c'])
          await tx.put('cases', id, { id, status: id === 'c' ? 'DECIDED' : 'OPEN' });
        await tx.put('other', 'z', { id: 'z', status: 'OPEN' });
      });
      const ids = (docs: { id: string }[]): string[] => docs.map((d) => d.id);
      expect(ids(await store.findDocuments('cases', { afterId: 'b', limit: 2 }))).toEqual(['c', 'd']);
      expect(ids(await store.findDocuments('cases', { afterId: 'b', where: { status: 'OPEN' } }))).toEqual(['d', 'e']);
      expect(ids(await store.findDocuments('cases', { afterId: 'e' }))).toEqual([]);
      expect(ids(await store.findDocuments('cases', { afterId: '' }))).toEqual(['a', 'b', 'c', 'd', 'e']);
    });

    it('returns each document with its id, so the last id of a page is the cursor of the next', async () => {
      await store.commit('cases', 0, 1, async (tx) => {
        for (const id of ['c', 'a', 'b']) await tx.put('cases', id, { status: 'OPEN', n: id });
      });
      const first = await store.findEntries<{ n: string }>('cases', { limit: 2 });
      expect(first).toEqual([
        { id: 'a', document: { status: 'OPEN', n: 'a' } },
        { id: 'b', document: { status: 'OPEN', n: 'b' } },
      ]);
      expect(await store.findEntries('cases', { afterId: first.at(-1)?.id, limit: 2 })).toEqual([
        { id: 'c', document: { status: 'OPEN', n: 'c' } },
      ]);
    });

    it('leaves the omitted top-level fields out of each returned document, while filters still see them', async () => {
      await store.commit('cases', 0, 1, async (tx) => {
        await tx.put('cases', 'a', { status: 'OPEN', state: { big: [1, 2, 3] }, note: 'x' });
        await tx.put('cases', 'b', { status: 'OPEN', note: 'y' });
        await tx.put('cases', 'c', { status: 'CLOSED', state: { big: [] } });
      });
      expect(await store.findEntries('cases', { where: { status: 'OPEN' }, omit: ['state'] })).toEqual([
        { id: 'a', document: { status: 'OPEN', note: 'x' } },
        { id: 'b', document: { status: 'OPEN', note: 'y' } },
      ]);
      expect(await store.findDocuments('cases', { where: { status: 'OPEN' }, omit: ['state', 'note'] })).toEqual([
        { status: 'OPEN' },
        { status: 'OPEN' },
      ]);
      expect(await store.findDocuments('cases', { where: { status: 'CLOSED' } })).toEqual([
        { status: 'CLOSED', state: { big: [] } },
      ]);
      await expect(store.findDocuments('cases', { omit: ["state') --"] })).rejects.toThrow(
        /Unsupported document field/,
      );
    });

    it('creating the indexes twice, or for two projections on one field, changes no result', async () => {
      await store.commit('cases', 0, 1, async (tx) => {
        for (const id of ['a', 'b', 'c'])
          await tx.put('cases', id, { authority: id === 'b' ? 'FR' : 'DE', members: [id] });
      });
      const before = await store.findEntries('cases', { where: { authority: 'DE' }, contains: { members: 'c' } });
      await store.ensureIndexes('cases', { equality: ['authority'], membership: ['members'] });
      await store.ensureIndexes('cases', { equality: ['authority'], membership: ['members'] });
      await store.ensureIndexes('other', { equality: ['authority'] });
      expect(await store.findEntries('cases', { where: { authority: 'DE' }, contains: { members: 'c' } })).toEqual(
        before,
      );
      expect(await store.countDocuments('cases', { where: { authority: 'DE' } })).toBe(2);
      expect(before.map((entry) => entry.id)).toEqual(['c']);
    });

    it('finds documents whose string field is strictly before a bound, in code-point order', async () => {
      await store.commit('timers', 0, 1, async (tx) => {
        await tx.put('timers', 'a', { id: 'a', dueAt: '2026-03-01T00:00:00.000Z', pending: true });
        await tx.put('timers', 'b', { id: 'b', dueAt: '2026-03-02T00:00:00.000Z', pending: true });
        await tx.put('timers', 'c', { id: 'c', dueAt: '2026-02-28T23:59:59.999Z', pending: false });
        await tx.put('timers', 'd', { id: 'd', dueAt: null, pending: true });
        await tx.put('timers', 'e', { id: 'e', pending: true });
      });
      const ids = (docs: { id: string }[]): string[] => docs.map((d) => d.id);
      expect(ids(await store.findDocuments('timers', { before: { dueAt: '2026-03-02T00:00:00.000Z' } }))).toEqual([
        'a',
        'c',
      ]);
      expect(
        ids(
          await store.findDocuments('timers', {
            before: { dueAt: '2026-03-02T00:00:00.000Z' },
            where: { pending: true },
          }),
        ),
      ).toEqual(['a']);
      expect(await store.countDocuments('timers', { before: { dueAt: '2026-03-01T00:00:00.000Z' } })).toBe(1);
    });

    it('finds documents after a bound and documents whose array field holds a value', async () => {
      await store.commit('inbox', 0, 1, async (tx) => {
        await tx.put('inbox', 'a', { id: 'a', lapsesAt: '2029-01-01T00:00:00.000Z', recipients: ['DE', 'FR'] });
        await tx.put('inbox', 'b', { id: 'b', lapsesAt: '2027-01-01T00:00:00.000Z', recipients: ['NL', 'COMMISSION'] });
        await tx.put('inbox', 'c', { id: 'c', lapsesAt: '2030-01-01T00:00:00.000Z', recipients: 'FR' });
        await tx.put('inbox', 'd', { id: 'd', recipients: ['FRA'] });
      });
      const ids = (docs: { id: string }[]): string[] => docs.map((d) => d.id);
      expect(ids(await store.findDocuments('inbox', { after: { lapsesAt: '2028-01-01T00:00:00.000Z' } }))).toEqual([
        'a',
        'c',
      ]);
      expect(ids(await store.findDocuments('inbox', { contains: { recipients: 'FR' } }))).toEqual(['a']);
      expect(
        ids(
          await store.findDocuments('inbox', {
            contains: { recipients: 'FR' },
            after: { lapsesAt: '2029-06-01T00:00:00.000Z' },
          }),
        ),
      ).toEqual([]);
      expect(await store.countDocuments('inbox', { contains: { recipients: 'COMMISSION' } })).toBe(1);
    });

    it('a one-of filter finds the documents whose string field is one of the listed values, and an empty list finds none', async () => {
      await store.commit('boards', 0, 1, async (tx) => {
        await tx.put('boards', 'k1', { id: 'k1', applicationId: 'app-1', requester: 'DE' });
        await tx.put('boards', 'k2', { id: 'k2', applicationId: 'app-2', requester: 'DE' });
        await tx.put('boards', 'k3', { id: 'k3', applicationId: 'app-3', requester: 'DE' });
        await tx.put('boards', 'k4', { id: 'k4', applicationId: null, requester: 'DE' });
        await tx.put('boards', 'k5', { id: 'k5', applicationId: ['app-1'], requester: 'DE' });
        await tx.put('boards', 'k6', { id: 'k6', applicationId: 'app-1', requester: 'FR' });
      });
      const ids = (docs: { id: string }[]): string[] => docs.map((d) => d.id);
      const oneOf = { applicationId: ['app-1', 'app-3', "it's"] };
      expect(ids(await store.findDocuments('boards', { oneOf }))).toEqual(['k1', 'k3', 'k6']);
      expect(ids(await store.findDocuments('boards', { oneOf, where: { requester: 'DE' } }))).toEqual(['k1', 'k3']);
      expect(await store.countDocuments('boards', { oneOf, where: { requester: 'DE' } })).toBe(2);
      expect(await store.findDocuments('boards', { oneOf: { applicationId: [] } })).toEqual([]);
      await expect(store.findDocuments('boards', { oneOf: { "x') OR 1=1 --": ['y'] } })).rejects.toThrow(
        'Unsupported document field',
      );
    });

    it('reset drops one projection and its checkpoint so it can rebuild from zero', async () => {
      await store.commit('cases', 0, 9, async (tx) => tx.put('cases', 'a', { id: 'a' }));
      await store.commit('other', 0, 9, async (tx) => tx.put('other', 'a', { id: 'a' }));
      await store.reset('cases');
      expect(await store.checkpoint('cases')).toBe(0);
      expect(await store.countDocuments('cases')).toBe(0);
      expect(await store.countDocuments('other')).toBe(1);
    });

    it('rejects a filter field that is not a plain identifier', async () => {
      await expect(store.findDocuments('cases', { where: { "x') OR 1=1 --": 'y' } })).rejects.toThrow(
        'Unsupported document field',
      );
    });
  });
}
