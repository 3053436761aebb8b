import { parseControlEntry } from '../reference/control-list-entry';
import type { GeneralAuthorisationVersion } from './general-authorisation.reference';
import { ANNEX_II_SECTION_I, UNION_GENERAL_AUTHORISATIONS } from './general-authorisation.reference';
import { scopeViolation } from './general-authorisation-scope';

// Each test states the scope of one Section of Annex II of Regulation (EU) 2021/821 as its text says
// (consolidated text read as cited in the fixture's source), and checks that the scope check applies it.

function gea(code: string): GeneralAuthorisationVersion {
  const found = UNION_GENERAL_AUTHORISATIONS.find((version) => version.code === code);
  if (found === undefined) throw new Error(`no ${code}`);
  return found;
}

const covered = (code: string, destinationCountry: string, ...controlEntries: string[]) =>
  scopeViolation(gea(code), { destinationCountry, controlEntries });

describe('Union general export authorisations EU001-EU008 (Annex II Sections A-H)', () => {
  it('carries all eight, each citing its Annex II Section and marked as checked against the text', () => {
    expect(UNION_GENERAL_AUTHORISATIONS.map((version) => version.code)).toEqual([
      'EU001',
      'EU002',
      'EU003',
      'EU004',
      'EU005',
      'EU006',
      'EU007',
      'EU008',
    ]);
    UNION_GENERAL_AUTHORISATIONS.forEach((version, index) => {
      expect(version.source.citation).toContain(`Annex II Section ${'ABCDEFGH'[index]} (${version.code})`);
      expect(version.source.citation).toContain('legalize-eu');
      expect(version.source.summary).toBe(false);
    });
  });

  it('lists only well-formed Annex I entries in every scope and in Section I', () => {
    const entries = UNION_GENERAL_AUTHORISATIONS.flatMap((version) => [
      ...version.scope.items.excluded,
      ...(version.scope.items.kind === 'ONLY' ? version.scope.items.entries : []),
    ]);
    expect([...ANNEX_II_SECTION_I, ...entries].filter((entry) => !parseControlEntry(entry).ok)).toEqual([]);
  });

  it('Section I excludes every Annex IV item and the entries Section I names itself, from EU001 too', () => {
    // Annex IV (all Category 0, 5A004.a cryptanalysis, 7A117 guidance sets) and Section I's own list.
    for (const entry of [
      '0B001.a',
      '0C002',
      '0E001',
      '5A004.a',
      '7A117',
      '1C351.d.4',
      '1C450.a.1',
      '9A009.a.1',
      '9A117',
    ]) {
      expect(covered('EU001', 'US', entry)?.condition).toBe(
        'Annex II Section I: items excluded from every general authorisation',
      );
    }
    // 6A001 is in Annex IV only as listed sub-entries; 1C450.a.4 (phosgene) is not in Section I.
    expect(covered('EU001', 'US', '6A001.a.1.a')).toBeNull();
    expect(covered('EU001', 'US', '6A001.a.2.b')).not.toBeNull();
    expect(covered('EU001', 'US', '1C450.a.4')).toBeNull();
  });

  it('EU001 covers all Annex I items except Section I to Australia, Canada, Iceland, Japan, New Zealand, Norway, Switzerland incl. Liechtenstein, the United Kingdom and the United States', () => {
    for (const destination of ['AU', 'CA', 'IS', 'JP', 'NZ', 'NO', 'CH', 'LI', 'UK', 'GB', 'US']) {
      expect(covered('EU001', destination, '6A003.b.4', '5D002.c.1')).toBeNull();
    }
    expect(covered('EU001', 'CN', '6A003.b.4')?.condition).toBe('Annex II Section A Part 2: destinations');
  });

  it('EU002 covers only its listed Category 1-3 entries (1A001 ... 3A001.a.3, .a.6-.a.7, .a.9-.a.12, 3A002.c-f, 3C001-3C006) to Argentina, South Africa, South Korea and Turkey', () => {
    for (const destination of ['AR', 'ZA', 'KR', 'TR']) {
      expect(covered('EU002', destination, '1C004', '3A001.a.6', '3A002.f.1', '3C006')).toBeNull();
    }
    expect(covered('EU002', 'IS', '1C004')?.condition).toBe('Annex II Section B Part 2: destinations');
    expect(covered('EU002', 'TR', '3A001.a.8')?.condition).toBe('Annex II Section B Part 1: items');
    expect(covered('EU002', 'TR', '3A001.a.4')?.condition).toBe('Annex II Section B Part 1: items');
  });

  it('EU003 covers the export of items repaired or replaced in the Union back to the country of consignment, for Annex I items except Section I, all software and technology and the listed entries, to its 21 destinations', () => {
    for (const destination of ['AL', 'BR', 'CN', 'HK', 'IN', 'KZ', 'MX', 'RS', 'SG', 'UA', 'AE', 'NC']) {
      expect(covered('EU003', destination, '6A003.b.4')).toBeNull();
    }
    expect(covered('EU003', 'RU', '6A003.b.4')?.condition).toBe('Annex II Section C Part 2: destinations');
    expect(covered('EU003', 'US', '6A003.b.4')?.condition).toBe('Annex II Section C Part 2: destinations');
    expect(covered('EU003', 'CN', '4D001')?.message).toMatch(/only sub-categories A, B, C/);
    expect(covered('EU003', 'CN', '5A001.b.5')?.message).toMatch(/excludes 5A001\.b\.5/);
    expect(covered('EU003', 'CN', '9A011')?.message).toMatch(/excludes 9A011/);
    expect(gea('EU003').scope.conditions.join(' ')).toMatch(/within 5 years/);
    expect(gea('EU003').scope.conditions.join(' ')).toMatch(/original end-user/);
  });

  it('EU004 covers the temporary export for an exhibition or fair, reimported within 120 days, of Annex I items except Section I, software and technology and the listed entries (e.g. 6A001, 1C010), to the EU003 destinations', () => {
    expect(covered('EU004', 'IN', '6A003.b.4')).toBeNull();
    expect(covered('EU004', 'IN', '6A001.a.1.a')?.message).toMatch(/excludes 6A001/);
    expect(covered('EU004', 'IN', '1C010.a')?.message).toMatch(/excludes 1C010/);
    expect(covered('EU004', 'IN', '3E001')?.message).toMatch(/only sub-categories A, B, C/);
    expect(covered('EU004', 'JP', '6A003.b.4')?.condition).toBe('Annex II Section D Part 2: destinations');
    expect(gea('EU004').scope.conditions.join(' ')).toMatch(/within 120 days/);
  });

  it('EU005 covers telecommunications items of 5A001.b.2, 5A001.c and 5A001.d, with 5B001, 5D001 and 5E001.a for them, to Argentina, China (incl. Hong Kong, Macao), India, South Africa, South Korea, Turkey and Ukraine', () => {
    for (const destination of ['AR', 'CN', 'HK', 'MO', 'IN', 'ZA', 'KR', 'TR', 'UA']) {
      expect(covered('EU005', destination, '5A001.b.2', '5A001.c', '5A001.d', '5E001.a')).toBeNull();
    }
    expect(covered('EU005', 'RU', '5A001.c')?.condition).toBe('Annex II Section E Part 2: destinations');
    expect(covered('EU005', 'CN', '5A001.b.5')?.condition).toBe('Annex II Section E Part 1: items');
    expect(covered('EU005', 'CN', '5A001.f')?.condition).toBe('Annex II Section E Part 1: items');
  });

  it('EU006 covers the listed chemicals of 1C350 and 1C450 (not 1C350.4, .23, .29 or .66 onwards, nor 1C450.a.1-3 or .b.7) to Argentina, South Korea, Turkey and Ukraine', () => {
    for (const destination of ['AR', 'KR', 'TR', 'UA']) {
      expect(covered('EU006', destination, '1C350.1', '1C350.65', '1C450.a.4', '1C450.b.8')).toBeNull();
    }
    for (const entry of ['1C350.4', '1C350.23', '1C350.29', '1C350.66', '1C450.a.2', '1C450.b.7']) {
      expect(covered('EU006', 'TR', entry)?.condition).toBe('Annex II Section F Part 1: items');
    }
    expect(covered('EU006', 'IS', '1C350.1')?.condition).toBe('Annex II Section F Part 2: destinations');
  });

  it('EU007 covers intra-group exports of Annex I software and technology only, except Section I, 4D004 and 4E001.c, to its 16 destinations', () => {
    for (const destination of [
      'AR',
      'BR',
      'CL',
      'IN',
      'ID',
      'IL',
      'JO',
      'MY',
      'MX',
      'MA',
      'PH',
      'SG',
      'ZA',
      'KR',
      'TH',
      'TN',
    ]) {
      expect(covered('EU007', destination, '3E001', '5D002.c.1')).toBeNull();
    }
    expect(covered('EU007', 'IN', '3A001.a.1')?.message).toMatch(/only sub-categories D, E/);
    expect(covered('EU007', 'IN', '4E001.c')?.message).toMatch(/excludes 4E001\.c/);
    expect(covered('EU007', 'IN', '7E104')?.message).toMatch(/excludes 7E104/);
    expect(covered('EU007', 'CN', '3E001')?.condition).toBe('Annex II Section G Part 2: destinations');
    expect(gea('EU007').scope.conditions.join(' ')).toMatch(/subsidiary/);
  });

  it('EU008 covers the listed encryption items (5A002.a.2, .a.3, 5A002.b, 5D002.a.1, .b, .c.1, 5E002.b) to every destination except the EU001 destinations and the listed countries', () => {
    for (const destination of ['BR', 'MX', 'SG', 'IN', 'ZA', 'TR']) {
      expect(covered('EU008', destination, '5A002.a.2', '5D002.c.1', '5E002.b')).toBeNull();
    }
    for (const destination of ['US', 'JP', 'CN', 'RU', 'AE', 'IL', 'KZ', 'PK']) {
      expect(covered('EU008', destination, '5A002.a.2')?.condition).toBe(
        'Annex II Section H Part 2: excluded destinations (the EU001 destinations and the listed countries)',
      );
    }
    expect(covered('EU008', 'BR', '5A002.a.1')?.condition).toBe('Annex II Section H Part 1: items');
    expect(covered('EU008', 'BR', '5A004.a')?.condition).toBe('Annex II Section H Part 1: items');
  });
});
