import type { Principal } from '@dul/auth';
import { EdgeRefusal } from './edge-refusal';
import { StreamSlots } from './stream-slots';

const eve: Principal = { sub: 'eve', ms: 'DE', roles: ['auditor'] };
const eveCaps: Principal = { sub: 'EVE', ms: 'DE', roles: ['auditor'] };
const bob: Principal = { sub: 'bob', ms: 'DE', roles: ['auditor'] };

describe('the concurrent stream cap per principal', () => {
  it('refuses the stream beyond the cap with 429 and Retry-After, and frees a slot on release', () => {
    const slots = new StreamSlots({ SSE_MAX_STREAMS_PER_PRINCIPAL: 2 });
    const first = slots.acquire(eve);
    slots.acquire(eve);
    let refusal: unknown;
    try {
      slots.acquire(eveCaps);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(EdgeRefusal);
    expect(refusal).toMatchObject({ status: 429, rule: 'sse-stream-cap', headers: { 'retry-after': '5' } });
    expect(() => slots.acquire(bob)).not.toThrow();
    first();
    first(); // releasing twice frees one slot, not two
    expect(slots.held(eve)).toBe(1);
    expect(() => slots.acquire(eve)).not.toThrow();
    expect(() => slots.acquire(eve)).toThrow(EdgeRefusal);
  });
});
