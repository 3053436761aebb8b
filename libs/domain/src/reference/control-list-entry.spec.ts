import fc from 'fast-check';
import { DomainError } from '../domain.errors';
import controlList from '../../../../test/fixtures/control-list-sample.json';
import { entriesOverlap, normaliseControlEntry, parseControlEntry } from './control-list-entry';

function problemWith(raw: string): DomainError {
  const parsed = parseControlEntry(raw);
  if (parsed.ok) throw new Error(`expected '${raw}' to be refused, got ${parsed.value.code}`);
  return parsed.error;
}

describe('Annex I control list entries', () => {
  describe('parsing', () => {
    it('parses a head-only entry into category, sub-category and head', () => {
      const parsed = parseControlEntry('5A001');
      expect(parsed).toEqual({
        ok: true,
        value: { code: '5A001', category: 5, subCategory: 'A', head: '5A001', path: [] },
      });
    });

    it('parses a dotted path of letters and digits', () => {
      const parsed = parseControlEntry('5D002.c.3.a');
      expect(parsed.ok && parsed.value.path).toEqual(['c', '3', 'a']);
    });

    it('accepts every entry of the shared control-list sample unchanged', () => {
      for (const { entry, category } of controlList.entries) {
        const parsed = parseControlEntry(entry);
        expect(parsed.ok && { code: parsed.value.code, category: parsed.value.category }).toEqual({
          code: entry,
          category,
        });
      }
    });
  });

  describe('normalisation', () => {
    it('upper-cases the head and lower-cases the path (5a001.J -> 5A001.j)', () => {
      expect(normaliseControlEntry('5a001.J')).toBe('5A001.j');
      expect(normaliseControlEntry('5d002.C.3.A')).toBe('5D002.c.3.a');
    });

    it('drops a trailing dot (5A001.b.5. -> 5A001.b.5)', () => {
      expect(normaliseControlEntry('5A001.b.5.')).toBe('5A001.b.5');
      expect(normaliseControlEntry('5A001.')).toBe('5A001');
    });

    it('trims surrounding whitespace', () => {
      expect(normaliseControlEntry('  4E001.c \t')).toBe('4E001.c');
    });

    it('throws the INVALID refusal when asked to normalise a malformed entry', () => {
      expect(() => normaliseControlEntry('5X001')).toThrow(DomainError);
    });
  });

  describe('refusals say what is wrong', () => {
    it.each([
      ['', /is empty/],
      ['   ', /is empty/],
      ['A5001', /category digit 0-9/],
      ['5F001', /sub-category letter A-E/],
      ['5A01', /exactly three digits/],
      ['5A0011', /exactly three digits/],
      ['5A001..j', /segment 1 is empty/],
      ['5A001.b5', /'b5' must be letters only or digits only/],
      ['5A001.j-1', /'j-1' must be letters only or digits only/],
      ['5A001 .j', /exactly three digits/],
    ])('refuses %j as INVALID', (raw, message) => {
      const error = problemWith(raw);
      expect(error).toMatchObject({ code: 'INVALID', rule: 'control-entry-format' });
      expect(error.message).toMatch(message);
    });
  });

  describe('overlap', () => {
    it('treats an entry as overlapping itself, whatever the spelling', () => {
      expect(entriesOverlap('5A001.j', '5a001.J.')).toBe(true);
    });

    it('treats a parent as covering its children (5A001 covers 5A001.j and 5A001.b.5)', () => {
      expect(entriesOverlap('5A001', '5A001.j')).toBe(true);
      expect(entriesOverlap('5A001.b', '5A001.b.5')).toBe(true);
    });

    it('does not treat siblings as overlapping (5A001.j and 5A001.f)', () => {
      expect(entriesOverlap('5A001.j', '5A001.f')).toBe(false);
    });

    it('compares by segment, not by characters (5A001.b.5 vs 5A001.b.55, 5A001 vs 5A0011)', () => {
      expect(entriesOverlap('5A001.b.5', '5A001.b.55')).toBe(false);
      expect(entriesOverlap('5A001', '5A0011')).toBe(false);
      expect(entriesOverlap('5A00', '5A001')).toBe(false);
    });

    it('does not treat different heads as overlapping (5A001 and 5A002)', () => {
      expect(entriesOverlap('5A001', '5A002')).toBe(false);
      expect(entriesOverlap('5A001', '5D001')).toBe(false);
    });
  });

  describe('properties', () => {
    const head = fc
      .tuple(
        fc.integer({ min: 0, max: 9 }),
        fc.constantFrom('A', 'B', 'C', 'D', 'E', 'a', 'e'),
        fc.constantFrom('001', '002'),
      )
      .map(([category, sub, digits]) => `${category}${sub}${digits}`);
    const segment = fc.oneof(fc.constantFrom('a', 'b', 'J', 'c', 'aa'), fc.constantFrom('1', '3', '55'));
    const rawEntry = fc
      .tuple(
        fc.constantFrom('', ' ', '\t'),
        head,
        fc.array(segment, { maxLength: 3 }),
        fc.boolean(),
        fc.constantFrom('', ' '),
      )
      .map(
        ([before, h, path, trailingDot, after]) =>
          `${before}${[h, ...path].join('.')}${trailingDot ? '.' : ''}${after}`,
      );
    // Few distinct heads and segments so that generated pairs often share ancestry.
    const smallEntry = fc
      .tuple(fc.constantFrom('5A001', '5A002'), fc.array(fc.constantFrom('a', 'b', '1'), { maxLength: 3 }))
      .map(([h, path]) => [h, ...path].join('.'));

    it('normalisation is idempotent', () => {
      fc.assert(
        fc.property(rawEntry, (raw) => {
          const once = normaliseControlEntry(raw);
          expect(normaliseControlEntry(once)).toBe(once);
        }),
      );
    });

    it('normalisation is idempotent for any string that parses at all', () => {
      fc.assert(
        fc.property(fc.string(), (raw) => {
          const parsed = parseControlEntry(raw);
          if (parsed.ok) expect(normaliseControlEntry(parsed.value.code)).toBe(parsed.value.code);
        }),
      );
    });

    it('overlap is symmetric', () => {
      fc.assert(fc.property(smallEntry, smallEntry, (a, b) => entriesOverlap(a, b) === entriesOverlap(b, a)));
    });

    it('overlap is reflexive, and an entry overlaps each of its ancestors', () => {
      fc.assert(
        fc.property(smallEntry, (entry) => {
          const segments = entry.split('.');
          return segments.every((_, index) => entriesOverlap(segments.slice(0, index + 1).join('.'), entry));
        }),
      );
    });
  });
});
