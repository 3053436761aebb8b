import { createDecipheriv } from 'node:crypto';
import type * as NodeCrypto from 'node:crypto';
import { eventStoreContract, newEvent } from '@dul/event-store/testing';
import { InMemoryEventStore } from '../in-memory-event-store.adapter';
import { ChainVerifier } from '../hash-chain';
import { ShreddingEventStore, subjectIdOf } from './shredding-event-store';
import type { PersonalDataPolicy } from './shredding-event-store';
import { InMemorySubjectKeyStore } from './subject-key-store';

// Counted, to see which reads decrypt; otherwise the real function.
jest.mock('node:crypto', () => {
  const actual = jest.requireActual<typeof NodeCrypto>('node:crypto');
  return { ...actual, createDecipheriv: jest.fn(actual.createDecipheriv) };
});

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

  it('an event read again is not decrypted again while its keys exist, and reads as erased once one is erased', async () => {
    const raw = new InMemoryEventStore();
    const keys = new InMemorySubjectKeyStore();
    const store = new ShreddingEventStore(raw, keys, policy, '[erased]');
    await store.append('case-1', [newEvent('A', { person: 'Jana' }), newEvent('B', { person: 'Petr' })], 'no-stream');
    const decipher = jest.mocked(createDecipheriv);
    decipher.mockClear();
    await store.readAll();
    expect(decipher).toHaveBeenCalledTimes(2);
    expect((await store.readAll()).map((event) => event.data)).toEqual([{ person: 'Jana' }, { person: 'Petr' }]);
    expect((await store.readStream('case-1')).map((event) => event.data)).toEqual([
      { person: 'Jana' },
      { person: 'Petr' },
    ]);
    expect(decipher).toHaveBeenCalledTimes(2);
    // Erased through the key table alone, as another process would: the kept plaintext is not used.
    await keys.erase(subjectIdOf(await keys.pepper(), 'p:Jana'));
    expect((await store.readAll()).map((event) => event.data)).toEqual([{ person: '[erased]' }, { person: 'Petr' }]);
    expect((await store.readAll()).map((event) => event.data)).toEqual([{ person: '[erased]' }, { person: 'Petr' }]);
  });

  it('a reader that changes the event it was given does not change what the next reader reads', async () => {
    const store = new ShreddingEventStore(new InMemoryEventStore(), new InMemorySubjectKeyStore(), policy, '[erased]');
    await store.append('case-1', [newEvent('A', { person: 'Jana', n: 1 })], 'no-stream');
    for (let read = 0; read < 3; read++) {
      const [event] = await store.readAll();
      expect(event?.data).toEqual({ person: 'Jana', n: 1 });
      (event?.data as { person: string; n: number }).person = 'changed';
      (event?.data as { person: string; n: number }).n = 99;
    }
  });
});
