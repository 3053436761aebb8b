import { eventStoreContract, newEvent } from '@dul/event-store/testing';
import { InMemoryEventStore } from '../in-memory-event-store.adapter';
import { ChainVerifier } from '../hash-chain';
import { ShreddingEventStore, subjectIdOf } from './shredding-event-store';
import type { PersonalDataPolicy } from './shredding-event-store';
import { InMemorySubjectKeyStore } from './subject-key-store';

// A policy for the test: the `person` field holds personal data of the subject it names.
const policy: PersonalDataPolicy = (data) => {
  const person = (data as { person?: unknown } | null)?.person;
  return typeof person === 'string' ? [{ path: ['person'], value: person, subject: `p:${person}` }] : [];
};

eventStoreContract('shredding wrapper over in-memory', () => {
  const store = new ShreddingEventStore(new InMemoryEventStore(), new InMemorySubjectKeyStore(), policy, '[erased]');
  return Promise.resolve({ store, teardown: () => store.close() });
});

describe('crypto-shredding wrapper', () => {
  it('stores personal data encrypted, reads it decrypted, and after erasure reads the marker while the chain verifies', async () => {
    const raw = new InMemoryEventStore();
    const keys = new InMemorySubjectKeyStore();
    const store = new ShreddingEventStore(raw, keys, policy, '[erased]');
    await store.append(
      'case-1',
      [newEvent('A', { person: 'Jana', n: 1 }), newEvent('B', { person: 'Petr' })],
      'no-stream',
    );

    expect(JSON.stringify(await raw.readAll())).not.toContain('Jana');
    expect((await store.readStream('case-1')).map((event) => event.data)).toEqual([
      { person: 'Jana', n: 1 },
      { person: 'Petr' },
    ]);

    expect(await keys.erase(subjectIdOf(await keys.pepper(), 'p:Jana'))).toBe(1);
    expect((await store.readAll()).map((event) => event.data)).toEqual([
      { person: '[erased]', n: 1 },
      { person: 'Petr' },
    ]);

    const verifier = new ChainVerifier();
    (await raw.readAll()).forEach((event) => verifier.add(event));
    expect(verifier.findings()).toEqual([]);
  });

  it('a subject recorded again after erasure gets a fresh key; the old data stays erased', async () => {
    const raw = new InMemoryEventStore();
    const keys = new InMemorySubjectKeyStore();
    const store = new ShreddingEventStore(raw, keys, policy, '[erased]');
    await store.append('case-1', [newEvent('A', { person: 'Jana' })], 'no-stream');
    await keys.erase(subjectIdOf(await keys.pepper(), 'p:Jana'));
    await store.append('case-2', [newEvent('A', { person: 'Jana' })], 'no-stream');
    expect((await store.readAll()).map((event) => event.data)).toEqual([{ person: '[erased]' }, { person: 'Jana' }]);
  });
});
