import fc from 'fast-check';
import type { Party } from '../licensing/application.content';
import { art16Notification } from '../licensing/art16-notification';
import type { DenialInForce, ScreeningCandidate } from './screening';
import {
  ADDRESS_SUPPORT_THRESHOLD,
  PARTY_MATCH_THRESHOLD,
  assessDenial,
  compareParties,
  denialFromNotification,
  reviewTransaction,
  screenTransaction,
  screeningCandidateFromApplication,
} from './screening';

const spetstekhnika: Party = { name: 'OOO Spetstekhnika', address: 'ul. Lenina 5, 125009 Moscow', country: 'RU' };
const emirates: Party = {
  name: 'Emirates Tech Distribution FZE',
  address: 'Jebel Ali Free Zone, LOB 15, Office 201, Dubai',
  country: 'AE',
};
const unrelated: Party = { name: 'Uralskie Sistemy Svyazi', address: 'Malysheva 51, Yekaterinburg', country: 'RU' };

function candidate(overrides: Partial<ScreeningCandidate> = {}): ScreeningCandidate {
  return {
    issuingMemberState: 'DE',
    controlEntries: ['5A001.j'],
    destinationCountry: 'RU',
    endUser: spetstekhnika,
    consignee: null,
    ...overrides,
  };
}

function denial(overrides: Partial<DenialInForce> = {}): DenialInForce {
  return {
    denialId: 'FR-2024-0001',
    issuingMemberState: 'FR',
    controlEntries: ['5A001.j'],
    destinationCountry: 'RU',
    endUser: spetstekhnika,
    consignee: null,
    grounds: ['END_USE_AND_DIVERSION'],
    notifiedAt: '2024-03-14',
    ...overrides,
  };
}

function matches(c: ScreeningCandidate, d: DenialInForce): boolean {
  return screenTransaction(c, [d]).length === 1;
}

describe('screening for essentially identical transactions (Art 2(22), Art 16)', () => {
  describe('catch-all denials (Art 4/5): no control entry', () => {
    const catchAllDenial = denial({ controlEntries: [], catchAllGrounds: ['ART5'] });

    it('matches a catch-all denial on the end user, the destination and the catch-all ground, without a control entry', () => {
      const [match] = screenTransaction(candidate({ controlEntries: [], catchAllGrounds: ['ART5'] }), [catchAllDenial]);
      expect(match?.matchedFields).toEqual(
        expect.arrayContaining(['destination', 'catchAllGround:ART5', 'endUser.name']),
      );
      expect(match?.explanation).toContain('catch-all ground ART5');
    });

    it('does not match a catch-all denial on another catch-all ground, another destination or another end user', () => {
      expect(matches(candidate({ controlEntries: [], catchAllGrounds: ['ART4'] }), catchAllDenial)).toBe(false);
      expect(
        matches(candidate({ controlEntries: [], catchAllGrounds: ['ART5'], destinationCountry: 'BY' }), catchAllDenial),
      ).toBe(false);
      expect(
        matches(candidate({ controlEntries: [], catchAllGrounds: ['ART5'], endUser: unrelated }), catchAllDenial),
      ).toBe(false);
    });

    it('carries the catch-all ground of a notified denial into the register entry screened', () => {
      const notification = art16Notification(
        'DENIAL',
        'FR',
        {
          applicationId: 'app-fr',
          licenceId: null,
          applicationKind: 'INDIVIDUAL',
          items: [
            {
              classification: { kind: 'NOT_LISTED', catchAllGround: 'ART5' },
              description: 'Monitoring centre software',
              hsCode: '85176200',
              quantity: 1,
              unit: 'licence',
              value: 1,
              currency: 'EUR',
              memberStateWhereLocated: 'FR',
            },
          ],
          destinationCountry: 'RU',
          endUser: spetstekhnika,
          consignee: null,
        },
        { grounds: ['HUMAN_RIGHTS'], reason: null, at: new Date('2025-01-01T00:00:00Z') },
      );
      const entry = denialFromNotification('FR-CA-1', notification);
      expect(entry.catchAllGrounds).toEqual(['ART5']);
      expect(matches(candidate({ controlEntries: [], catchAllGrounds: ['ART5'] }), entry)).toBe(true);
    });
  });

  describe('items: the same or overlapping control entries', () => {
    it('matches a denial for the same entry', () => {
      expect(matches(candidate(), denial())).toBe(true);
    });

    it('matches a denial for the parent entry 5A001 when the application lists 5A001.j', () => {
      const [match] = screenTransaction(candidate(), [denial({ controlEntries: ['5A001'] })]);
      expect(match?.matchedFields).toContain('controlEntry:5A001.j~5A001');
    });

    it('matches a denial for the child entry 5A004.a when the application lists the parent 5A004', () => {
      expect(matches(candidate({ controlEntries: ['5A004'] }), denial({ controlEntries: ['5A004.a'] }))).toBe(true);
    });

    it('compares entries after normalisation (5a001.J and 5A001.j. are one entry)', () => {
      expect(matches(candidate({ controlEntries: ['5a001.J'] }), denial({ controlEntries: ['5A001.j.'] }))).toBe(true);
    });

    it('does not match sibling entries 5A001.f and 5A001.j', () => {
      const assessment = assessDenial(candidate({ controlEntries: ['5A001.f'] }), denial());
      expect(assessment).toMatchObject({ outcome: 'NO_MATCH', reason: 'NO_ITEM_OVERLAP' });
    });

    it('does not match equipment 4A005 against software 4D004', () => {
      expect(matches(candidate({ controlEntries: ['4A005'] }), denial({ controlEntries: ['4D004'] }))).toBe(false);
    });

    it('matches when any one item of several overlaps, and names every overlapping pair', () => {
      const [match] = screenTransaction(candidate({ controlEntries: ['5A002.a', '5A001.j', '4D004'] }), [
        denial({ controlEntries: ['4D004', '5A001'] }),
      ]);
      expect(match?.entryOverlaps).toEqual([
        { candidate: '5A001.j', denial: '5A001' },
        { candidate: '4D004', denial: '4D004' },
      ]);
    });

    it('does not match a catch-all denial without control entries', () => {
      expect(matches(candidate(), denial({ controlEntries: [] }))).toBe(false);
    });

    it('ignores malformed entries instead of failing the screening', () => {
      expect(matches(candidate({ controlEntries: ['5X001', '5A001.j'] }), denial())).toBe(true);
      expect(matches(candidate({ controlEntries: ['5A01.j'] }), denial())).toBe(false);
    });
  });

  describe('member state and destination', () => {
    it('ignores denials issued by the screening member state itself', () => {
      const assessment = assessDenial(candidate({ issuingMemberState: 'FR' }), denial());
      expect(assessment).toMatchObject({ outcome: 'NO_MATCH', reason: 'SAME_MEMBER_STATE' });
    });

    it('treats EL and GR as the same member state', () => {
      expect(matches(candidate({ issuingMemberState: 'GR' }), denial({ issuingMemberState: 'EL' }))).toBe(false);
      expect(matches(candidate({ issuingMemberState: 'DE' }), denial({ issuingMemberState: 'EL' }))).toBe(true);
    });

    it('does not match when the destination differs', () => {
      const assessment = assessDenial(candidate({ destinationCountry: 'BY' }), denial());
      expect(assessment).toMatchObject({ outcome: 'NO_MATCH', reason: 'DIFFERENT_DESTINATION' });
    });

    it('compares country codes after normalisation (ru is RU)', () => {
      expect(matches(candidate({ destinationCountry: ' ru ' }), denial())).toBe(true);
    });
  });

  describe('parties: the same end user or consignee', () => {
    it('matches the end user across transliteration and legal forms (ООО «Спецтехника» = Spetstekhnika LLC)', () => {
      const cyrillic: Party = { name: 'ООО «Спецтехника»', address: 'ул. Ленина, д. 5, Москва', country: 'RU' };
      const latin: Party = { name: 'Spetstekhnika LLC', address: '5 Lenina Street, Moscow', country: 'RU' };
      const [match] = screenTransaction(candidate({ endUser: cyrillic }), [denial({ endUser: latin })]);
      expect(match?.matchedFields).toEqual([
        'destination',
        'controlEntry:5A001.j~5A001.j',
        'endUser.name',
        'endUser.address',
        'endUser.country',
      ]);
    });

    it("matches the application's consignee against the denial's consignee when the end users differ", () => {
      const [match] = screenTransaction(
        candidate({ endUser: unrelated, consignee: { ...emirates, name: 'Emirates Tech Distribution F.Z.E.' } }),
        [denial({ consignee: emirates })],
      );
      expect(match?.matchedFields).toContain('consignee.name');
      expect(match?.matchedFields).not.toContain('endUser.name');
    });

    it("matches the application's end user against the denial's consignee", () => {
      const [match] = screenTransaction(candidate({ endUser: emirates }), [
        denial({ endUser: unrelated, consignee: emirates }),
      ]);
      expect(match?.matchedFields).toContain('endUser~consignee.name');
    });

    it("matches the application's consignee against the denial's end user", () => {
      const [match] = screenTransaction(candidate({ endUser: unrelated, consignee: spetstekhnika }), [denial()]);
      expect(match?.matchedFields).toContain('consignee~endUser.name');
    });

    it('does not match when neither end user nor consignee is the same', () => {
      const assessment = assessDenial(candidate({ endUser: unrelated }), denial());
      expect(assessment).toMatchObject({ outcome: 'NO_MATCH', reason: 'NO_PARTY_MATCH' });
    });

    it('does not match parties of the same name in different countries', () => {
      const namesake: Party = { ...spetstekhnika, address: 'Dostyk 5, Almaty', country: 'KZ' };
      expect(matches(candidate({ endUser: unrelated, consignee: namesake }), denial())).toBe(false);
    });

    it('lets an equal address support a weaker name match', () => {
      // A misspelt name scores below 1 on the name; the same address carries it over a strict threshold.
      const misspelt: Party = { ...spetstekhnika, name: 'OOO Spetstechnika' };
      const strict = { partyMatchThreshold: 0.985 };
      const sameAddress = compareParties(misspelt, spetstekhnika, strict);
      expect(sameAddress.nameSimilarity).toBeLessThan(0.985);
      expect(sameAddress.matches).toBe(true);
      const elsewhere = compareParties({ ...misspelt, address: '' }, spetstekhnika, strict);
      expect(elsewhere.addressSupports).toBe(false);
      expect(elsewhere.matches).toBe(false);
    });

    it('never matches on the address alone', () => {
      const neighbour: Party = { ...emirates, name: 'Desert Falcon Electronics FZE' };
      const comparison = compareParties(neighbour, emirates);
      expect(comparison.addressSimilarity).toBe(1);
      expect(comparison.matches).toBe(false);
    });

    // Changed with issue 14: identity needs the location to agree as well as the name, so the same
    // name at another address in the same city is for a caseworker to look at, not a consultation.
    it('does not match the same name at a disagreeing address in the same city, but marks it possibly related', () => {
      const moved: Party = { ...spetstekhnika, address: 'Profsoyuznaya 65, Moscow' };
      const comparison = compareParties(moved, spetstekhnika);
      expect(comparison.addressSimilarity).toBeLessThan(ADDRESS_SUPPORT_THRESHOLD);
      expect(comparison.objections).toEqual(['ADDRESS_DIFFERS']);
      expect(comparison.matches).toBe(false);
      expect(comparison.related).toBe(true);
    });

    it('does not hold a post-office box against a street address (the box says where mail is collected, not where the firm sits)', () => {
      const office: Party = {
        name: 'Jumeirah Avionics Trading L.L.C.',
        address: 'Office 1407, Al Moosa Tower 2, Sheikh Zayed Road, Dubai',
        country: 'AE',
      };
      for (const box of ['P.O. Box 118442, Dubai', 'PO Box 118442 Dubai', 'POB 118442, Dubai', 'ص.ب 118442، دبي']) {
        const comparison = compareParties({ ...office, address: box }, office);
        expect(comparison.objections).not.toContain('ADDRESS_DIFFERS');
        expect(comparison.matches).toBe(true);
      }
      // Two boxes are two addresses: another box number still disagrees.
      const otherBox = compareParties(
        { ...office, address: 'P.O. Box 52117, Sharjah' },
        { ...office, address: 'P.O. Box 118442, Dubai' },
      );
      expect(otherBox.matches).toBe(false);
    });

    it('does not match the same name at another house number on the same street, but marks it possibly related', () => {
      const atNine: Party = {
        name: 'Kartal Hidrolik Ltd. Şti.',
        address: '2048 Sk. No: 9, Bornova, İzmir',
        country: 'TR',
      };
      const atFour: Party = { ...atNine, address: '2048 Sk. No: 4, Bornova, Izmir' };
      const comparison = compareParties(atNine, atFour);
      expect(comparison.nameSimilarity).toBe(1);
      expect(comparison.objections).toEqual(['ADDRESS_DIFFERS']);
      expect(comparison.matches).toBe(false);
      expect(comparison.related).toBe(true);
      // A member state reading Art 2(22) more widely turns the address rules off.
      expect(
        compareParties(atNine, atFour, { addressAgreementThreshold: 0, addressDisagreementThreshold: 0 }).matches,
      ).toBe(true);
    });

    it('holds house numbers against each other across scripts: the same name in Hangul at another number is not a match', () => {
      const latin: Party = { name: 'Hansol Electronics Co., Ltd.', address: '77 Gongdan-ro, Gumi', country: 'KR' };
      const sameHouse: Party = { name: '한솔전자 주식회사', address: '경상북도 구미시 공단로 77', country: 'KR' };
      const otherHouse: Party = { ...sameHouse, address: '경상북도 구미시 산호대로 253' };
      expect(compareParties(sameHouse, latin).objections).toEqual([]);
      expect(compareParties(otherHouse, latin).objections).toEqual(['ADDRESS_DIFFERS']);
      expect(compareParties(otherHouse, latin).matches).toBe(false);
    });

    it('does not hold a postcode that one address adds against the other (a house number only conflicts with a house number)', () => {
      const short: Party = { name: 'Kaveri Optics Pvt Ltd', address: '14, Hosur Road, Bengaluru', country: 'IN' };
      const long: Party = { ...short, address: 'No. 14, Hosur Road, Bangalore 560068' };
      expect(compareParties(short, long).objections).toEqual([]);
      expect(compareParties(short, long).matches).toBe(true);
    });

    it('does not match namesakes in different cities, nor marks them possibly related', () => {
      const tver: Party = { name: 'OOO Promservis', address: 'ul. Lenina 10, Tver', country: 'RU' };
      const tula: Party = { ...tver, address: 'ul. Lenina 10, Tula' };
      const comparison = compareParties(tver, tula);
      expect(comparison.nameSimilarity).toBe(1);
      expect(comparison.objections).toContain('CITIES_DIFFER');
      expect(comparison.matches).toBe(false);
      expect(comparison.related).toBe(false);
    });

    it('matches a branch (Filial) of the firm wherever the branch is', () => {
      const branch: Party = {
        name: 'Filial OOO Spetstekhnika v g. Kazani',
        address: 'ul. Pushkina 20, Kazan',
        country: 'RU',
      };
      expect(compareParties(branch, spetstekhnika).matches).toBe(true);
    });

    it('does not match names whose legal forms are of different kinds (A.Ş. and Ltd. Şti.), but marks them possibly related', () => {
      const address = '10001 Sk. No: 7, Çiğli, İzmir';
      const comparison = compareParties(
        { name: 'Ege Hassas Makina A.Ş.', address, country: 'TR' },
        { name: 'Ege Hassas Makina Ltd. Şti.', address, country: 'TR' },
      );
      expect(comparison.objections).toEqual(['LEGAL_FORMS_DIFFER']);
      expect(comparison.matches).toBe(false);
      expect(comparison.related).toBe(true);
    });

    it('treats legal forms of one kind written differently as the same (ООО, OOO, LLC; ZAO, CJSC)', () => {
      expect(compareParties({ ...spetstekhnika, name: 'Spetstekhnika LLC' }, spetstekhnika).matches).toBe(true);
      expect(
        compareParties({ ...spetstekhnika, name: 'CJSC Kvant' }, { ...spetstekhnika, name: 'ZAO Kvant' }).matches,
      ).toBe(true);
    });

    it('does not match a name with an extra word (a Holding or Trading sister firm) at the same address, but marks it possibly related', () => {
      const comparison = compareParties({ ...spetstekhnika, name: 'Spetstekhnika Holding' }, spetstekhnika);
      expect(comparison.objections).toEqual(['EXTRA_NAME_WORDS']);
      expect(comparison.matches).toBe(false);
      expect(comparison.related).toBe(true);
    });

    it('does not match generic names without a distinctive word on the name alone', () => {
      const cairo: Party = {
        name: 'Technology Development Co., Ltd.',
        address: '9 Zhongguancun Street, Beijing',
        country: 'CN',
      };
      const comparison = compareParties(cairo, { ...cairo, address: '' });
      expect(comparison.distinctiveShared).toBe(false);
      expect(comparison.matches).toBe(false);
      expect(compareParties(cairo, cairo).matches).toBe(true);
    });

    it('matches an initialism against the name it abbreviates at the same address (ATS FZE)', () => {
      const address = 'Bldg 6WA, Office 219, Dubai Airport Free Zone';
      expect(
        compareParties(
          { name: 'ATS FZE', address, country: 'AE' },
          { name: 'Advanced Technical Solutions FZE', address, country: 'AE' },
        ).matches,
      ).toBe(true);
    });

    it.each([
      ['شركة النور للتجارة', 'Al Noor Trading Company'],
      ['شرکت مهندسی نوآوران صنعت', 'Noavaran Sanat Engineering Co.'],
      ['Kuang-chou Jung-ta Radar Technology Co., Ltd.', 'Guangzhou Rongda Radar Technology Co., Ltd.'],
      ['深圳市华讯电子有限公司', 'Shenzhen Huaxun Electronics Co., Ltd.'],
      ['Khalid Bin Walid Trading', 'Khaled Ben Walid Trading'],
    ])('matches a name across scripts and romanisations: %s = %s', (a, b) => {
      // Addresses in another script say nothing either way: a name-only comparison.
      expect(
        compareParties({ name: a, address: '', country: 'AE' }, { name: b, address: '', country: 'AE' }).matches,
      ).toBe(true);
    });
  });

  describe('the result', () => {
    it('reports a score in [0, 1], the matched fields and an explanation', () => {
      const [match] = screenTransaction(candidate(), [denial({ controlEntries: ['5A001'] })]);
      expect(match).toMatchObject({ denialId: 'FR-2024-0001', issuingMemberState: 'FR', score: 1 });
      expect(match?.explanation).toContain('5A001.j ~ 5A001');
      expect(match?.explanation).toContain("'OOO Spetstekhnika'");
    });

    it('returns only matching denials, best score first', () => {
      const weaker: Party = { name: 'OOO Spetstechnika', address: 'Lenina ul. 5, Moscow 125009', country: 'RU' };
      const result = screenTransaction(candidate({ endUser: weaker }), [
        denial({ denialId: 'A', endUser: unrelated }),
        denial({ denialId: 'B' }),
        denial({ denialId: 'C', endUser: weaker }),
      ]);
      expect(result.map((match) => match.denialId)).toEqual(['C', 'B']);
      expect(result[0]?.score).toBeGreaterThan(result[1]?.score ?? 1);
    });

    it('honours thresholds passed as options', () => {
      const misspelt: Party = { ...spetstekhnika, name: 'OOO Spetstechnika', address: '' };
      const c = candidate({ endUser: misspelt });
      expect(screenTransaction(c, [denial()])).toHaveLength(1);
      expect(screenTransaction(c, [denial()], { partyMatchThreshold: 0.99 })).toHaveLength(0);
      expect(PARTY_MATCH_THRESHOLD).toBeLessThan(0.99);
    });
  });

  describe('the dry run (reviewTransaction)', () => {
    const sister: Party = { ...spetstekhnika, name: 'Spetstekhnika Holding' };

    it('returns the matches screenTransaction returns', () => {
      const denials = [denial({ denialId: 'A' }), denial({ denialId: 'B', endUser: unrelated })];
      expect(reviewTransaction(candidate(), denials).matches).toEqual(screenTransaction(candidate(), denials));
    });

    it('reports a possibly related entity apart, and screenTransaction never returns it (no consultation)', () => {
      const denials = [denial({ endUser: sister })];
      const review = reviewTransaction(candidate(), denials);
      expect(review.matches).toEqual([]);
      expect(review.related).toMatchObject([{ denialId: 'FR-2024-0001', issuingMemberState: 'FR' }]);
      expect(review.related[0]?.explanation).toContain('no consultation is opened');
      expect(screenTransaction(candidate(), denials)).toEqual([]);
    });

    it('explains the nearest non-matching denials, nearest first, with the first rule each failed and its score', () => {
      const review = reviewTransaction(candidate(), [
        denial({ denialId: 'OWN', issuingMemberState: 'DE' }),
        denial({ denialId: 'SIBLING', controlEntries: ['5A001.f'] }),
        denial({ denialId: 'OTHER', endUser: unrelated }),
      ]);
      expect(review.matches).toEqual([]);
      expect(review.nearMisses.map((miss) => [miss.denialId, miss.reason])).toEqual([
        ['OWN', 'SAME_MEMBER_STATE'],
        ['SIBLING', 'NO_ITEM_OVERLAP'],
        ['OTHER', 'NO_PARTY_MATCH'],
      ]);
      expect(review.nearMisses[0]?.score).toBe(1);
      expect(review.nearMisses[1]?.explanation).toContain('First failed rule: NO_ITEM_OVERLAP');
      expect(review.nearMisses[2]?.score).toBeLessThan(0.5);
      expect(review.nearMisses[2]?.explanation).toContain("'Uralskie Sistemy Svyazi'");
    });

    it('explains at most the number of near misses asked for', () => {
      const denials = ['A', 'B', 'C'].map((denialId) => denial({ denialId, endUser: unrelated }));
      expect(reviewTransaction(candidate(), denials, { nearMisses: 2 }).nearMisses).toHaveLength(2);
    });
  });

  describe('adapters', () => {
    // Changed with issue 9: unlisted items now also carry their catch-all ground into screening.
    it('screens the listed items by control entry and the unlisted ones by catch-all ground', () => {
      const item = { description: 'x', hsCode: '85176200', quantity: 1, unit: 'pcs', value: 1, currency: 'EUR' };
      const built = screeningCandidateFromApplication('DE', {
        items: [
          { ...item, classification: { kind: 'LISTED', controlEntry: '5A001.j' }, memberStateWhereLocated: 'DE' },
          { ...item, classification: { kind: 'NOT_LISTED', catchAllGround: 'ART4' }, memberStateWhereLocated: 'DE' },
        ],
        destinationCountry: 'RU',
        endUser: spetstekhnika,
        consignee: null,
      });
      expect(built).toEqual(candidate({ catchAllGrounds: ['ART4'] }));
    });

    it('builds the register entry from the Art 16 notification the licensing decider emits', () => {
      const notification = art16Notification(
        'DENIAL',
        'FR',
        {
          applicationId: 'app-1',
          licenceId: null,
          applicationKind: 'INDIVIDUAL',
          items: [
            {
              classification: { kind: 'LISTED', controlEntry: '5A001.j' },
              description: 'IP network surveillance system',
              hsCode: '85176200',
              quantity: 1,
              unit: 'pcs',
              value: 100000,
              currency: 'EUR',
              memberStateWhereLocated: 'FR',
            },
          ],
          destinationCountry: 'RU',
          endUser: spetstekhnika,
          consignee: null,
        },
        { grounds: ['HUMAN_RIGHTS'], reason: null, at: new Date('2024-03-14T10:00:00Z') },
      );
      const entry = denialFromNotification('FR-2024-0001', notification);
      expect(entry).toMatchObject({ issuingMemberState: 'FR', controlEntries: ['5A001.j'], notifiedAt: '2024-03-14' });
      expect(matches(candidate(), entry)).toBe(true);
    });
  });

  describe('properties', () => {
    const names = fc.oneof(
      fc.string(),
      fc.constantFrom('OOO Spetstekhnika', 'ООО «Спецтехника»', 'Alpha Systems GmbH', 'Société Générale SA'),
    );
    const parties = fc.record({ name: names, address: fc.string(), country: fc.constantFrom('RU', 'ru', 'KZ') });

    it('compares parties symmetrically', () => {
      fc.assert(
        fc.property(parties, parties, (a, b) => {
          expect(compareParties(a, b)).toEqual(compareParties(b, a));
        }),
      );
    });

    it('gives every match a score in [0, 1] at or above the party threshold', () => {
      fc.assert(
        fc.property(parties, parties, (a, b) => {
          for (const match of screenTransaction(candidate({ endUser: a }), [denial({ endUser: b })])) {
            expect(match.score).toBeGreaterThanOrEqual(PARTY_MATCH_THRESHOLD - 0.0005);
            expect(match.score).toBeLessThanOrEqual(1);
          }
        }),
      );
    });
  });
});
