import { jsonDepthExceeds } from './json-depth';

describe('JSON depth limit, counted without recursion', () => {
  it('accepts a text exactly at the limit and refuses one level more', () => {
    expect(jsonDepthExceeds('{"a":{"b":[1]}}', 3)).toBe(false);
    expect(jsonDepthExceeds('{"a":{"b":[1]}}', 2)).toBe(true);
  });

  it('counts siblings once, not their sum', () => {
    expect(jsonDepthExceeds('[[1],[2],[3],{"a":[4]}]', 3)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(jsonDepthExceeds('{"a":"[[[[{{{{","b":"\\"[[[["}', 1)).toBe(false);
    expect(jsonDepthExceeds('["\\\\",[[1]]]', 2)).toBe(true);
  });

  it('answers for a million levels without overflowing the stack', () => {
    const deep = `${'['.repeat(1_000_000)}${']'.repeat(1_000_000)}`;
    expect(jsonDepthExceeds(deep, 64)).toBe(true);
  });

  it('treats scalars and empty text as depth 0', () => {
    expect(jsonDepthExceeds('1', 0)).toBe(false);
    expect(jsonDepthExceeds('', 0)).toBe(false);
  });
});
