import { randomUUID } from 'node:crypto';
import type { StoredEvent } from './event-store.port';
import { canonicalEncoding, chainBatch, ChainVerifier, eventHash, merkleRoot } from './hash-chain';

function storedChain(streamId: string, count: number, firstPosition = 1): StoredEvent[] {
  const events = Array.from({ length: count }, (_, n) => ({
    eventId: randomUUID(),
    type: `Step${n}`,
    data: { n },
    metadata: { actor: 'a', correlationId: 'c' },
  }));
  const hashes = chainBatch(streamId, 0, null, events);
  return events.map((event, n) => ({
    ...event,
    streamId,
    streamVersion: n,
    globalPosition: firstPosition + n,
    schemaVersion: 1,
    recordedAt: new Date(0),
    ...hashes[n],
  }));
}

describe('hash chain (pure)', () => {
  it('the canonical encoding does not depend on key order or on a JSON round trip', () => {
    const content = {
      eventId: 'E',
      streamId: 's',
      streamVersion: 0,
      type: 'T',
      schemaVersion: 1,
      data: { b: 1, a: { d: undefined, c: new Date(0) } },
      metadata: { z: 1, y: 2 },
      prevHash: null,
    };
    const roundTripped = { ...content, data: JSON.parse(JSON.stringify({ a: { c: new Date(0) }, b: 1 })) as unknown };
    expect(canonicalEncoding(content)).toBe(canonicalEncoding(roundTripped));
    expect(eventHash(content)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('each hash covers the predecessor hash, so the first event has none and the next links to it', () => {
    const [first, second] = storedChain('s-1', 2);
    expect(first?.prevHash).toBeNull();
    expect(second?.prevHash).toBe(first?.hash);
  });

  it('unhashed legacy rows at or below the epoch are counted, not reported; above it they are inserted', () => {
    const legacy = storedChain('s-1', 3).map((event) => ({ ...event, hash: null, prevHash: null }));
    const verifier = new ChainVerifier(3);
    legacy.forEach((event) => verifier.add(event));
    expect(verifier.findings()).toEqual([]);
    expect(verifier.legacyEvents).toBe(3);

    const strict = new ChainVerifier(2);
    legacy.forEach((event) => strict.add(event));
    expect(strict.findings()).toEqual([
      expect.objectContaining({ kind: 'inserted', streamId: 's-1', streamVersion: 2 }),
    ]);
  });

  it('an event appended after legacy rows links to nothing and verifies', () => {
    const legacy = storedChain('s-1', 2).map((event) => ({ ...event, hash: null, prevHash: null }));
    const appended = { eventId: randomUUID(), type: 'New', data: {}, metadata: { actor: 'a', correlationId: 'c' } };
    const [hashes] = chainBatch('s-1', 2, null, [appended]);
    const verifier = new ChainVerifier(2);
    const stored = {
      ...appended,
      streamId: 's-1',
      streamVersion: 2,
      globalPosition: 3,
      schemaVersion: 1,
      recordedAt: new Date(0),
      ...hashes,
    };
    [...legacy, stored].forEach((event) => verifier.add(event));
    expect(verifier.findings()).toEqual([]);
  });

  it('the Merkle root is independent of the order of heads and changes with any head', () => {
    const heads = [
      { streamId: 'a', streamVersion: 1, hash: 'x' },
      { streamId: 'b', streamVersion: 0, hash: 'y' },
      { streamId: 'c', streamVersion: 4, hash: 'z' },
    ];
    expect(merkleRoot(heads)).toBe(merkleRoot([...heads].reverse()));
    expect(merkleRoot(heads)).not.toBe(merkleRoot([heads[0]!, heads[1]!, { ...heads[2]!, streamVersion: 3 }]));
    expect(merkleRoot([])).toMatch(/^[0-9a-f]{64}$/);
  });
});
