import { InMemoryProjectionStore } from '@dul/projections';
import { readPage } from './read-page';

const page = { limit: 2, offset: 0 };

describe('readPage', () => {
  it('counts a filter again only after the read model moved its checkpoint, and the total is always current', async () => {
    const store = new InMemoryProjectionStore();
    const count = jest.spyOn(store, 'countDocuments');
    await store.commit('cases', 0, 1, async (tx) => {
      for (const id of ['a', 'b', 'c']) await tx.put('cases', id, { authority: 'DE', id });
    });
    const filter = { where: { authority: 'DE' } };
    expect((await readPage(store, 'cases', filter, page, (d) => d)).total).toBe(3);
    expect((await readPage(store, 'cases', filter, page, (d) => d)).total).toBe(3);
    expect(count).toHaveBeenCalledTimes(1);
    await store.commit('cases', 1, 2, async (tx) => tx.put('cases', 'd', { authority: 'DE', id: 'd' }));
    expect((await readPage(store, 'cases', filter, page, (d) => d)).total).toBe(4);
    expect(count).toHaveBeenCalledTimes(2);
    // Another filter is counted on its own.
    expect((await readPage(store, 'cases', { where: { authority: 'FR' } }, page, (d) => d)).total).toBe(0);
    expect(count).toHaveBeenCalledTimes(3);
  });

  it('leaves the omitted fields out of the documents it summarises', async () => {
    const store = new InMemoryProjectionStore();
    await store.commit('cases', 0, 1, async (tx) => tx.put('cases', 'a', { id: 'a', state: { big: true } }));
    const { items } = await readPage(store, 'cases', {}, { ...page, omit: ['state'] }, (d) => d);
    expect(items).toEqual([{ id: 'a' }]);
  });
});
