import fc from 'fast-check';
import type { Party } from '../licensing/application.content';
import { DenialIndex } from './denial-index';
import type { DenialInForce, ScreeningCandidate } from './screening';
import { reviewTransaction, screenTransaction } from './screening';

const kvant: Party = { name: 'Kvant Telecom LLC', address: 'Prospekt Mira 12, Moscow', country: 'RU' };

function denial(denialId: string, overrides: Partial<DenialInForce> = {}): DenialInForce {
  return {
    denialId,
    issuingMemberState: 'FR',
    controlEntries: ['5A001.j'],
    destinationCountry: 'RU',
    endUser: kvant,
    consignee: null,
    grounds: ['HUMAN_RIGHTS'],
    notifiedAt: '2024-01-15',
    ...overrides,
  };
}

const candidate: ScreeningCandidate = {
  issuingMemberState: 'DE',
  controlEntries: ['5A001.j'],
  destinationCountry: 'RU',
  endUser: kvant,
  consignee: null,
};

const ids = (denials: readonly DenialInForce[]): string[] => denials.map((d) => d.denialId).sort();

describe('the denial index (destination, then control-entry head)', () => {
  it('offers denials to the same destination that share the entry head, parents and children included', () => {
    const index = new DenialIndex([
      denial('same'),
      denial('parent', { controlEntries: ['5A001'] }),
      denial('sibling', { controlEntries: ['5A001.f'] }),
      denial('other-head', { controlEntries: ['5A002.a'] }),
      denial('other-destination', { destinationCountry: 'BY' }),
    ]);
    // The sibling shares the head: the index narrows, the screening decides.
    expect(ids(index.candidatesFor(candidate))).toEqual(['parent', 'same', 'sibling']);
  });

  it('finds denials whatever the spelling of the codes (el/gr, 5a001.J)', () => {
    const index = new DenialIndex([denial('d', { destinationCountry: 'gr', controlEntries: ['5a001.J.'] })]);
    expect(ids(index.candidatesFor({ destinationCountry: 'EL', controlEntries: ['5A001'] }))).toEqual(['d']);
  });

  it('offers each denial once even when several entries share its head', () => {
    const index = new DenialIndex([denial('d', { controlEntries: ['5A001.j', '5A001.f'] })]);
    expect(index.candidatesFor({ ...candidate, controlEntries: ['5A001.j', '5A001.f', '5A001'] })).toHaveLength(1);
  });

  it('stops offering a removed denial (revoked or lapsed)', () => {
    const index = new DenialIndex([denial('d')]);
    expect(index.remove('d')).toBe(true);
    expect(index.remove('d')).toBe(false);
    expect(index.candidatesFor(candidate)).toEqual([]);
    expect(index.size).toBe(0);
  });

  it('replaces a denial added again under the same id (an amended denial)', () => {
    const index = new DenialIndex([denial('d')]);
    index.add(denial('d', { controlEntries: ['4A005'] }));
    expect(index.size).toBe(1);
    expect(index.candidatesFor(candidate)).toEqual([]);
    expect(ids(index.candidatesFor({ ...candidate, controlEntries: ['4A005'] }))).toEqual(['d']);
  });

  it('offers a denial without parseable entries (a catch-all denial) to every candidate to its destination', () => {
    const index = new DenialIndex([
      denial('catch-all', { controlEntries: [] }),
      denial('bad', { controlEntries: ['X'] }),
      denial('catch-all-elsewhere', { controlEntries: [], destinationCountry: 'BY' }),
      denial('other-head', { controlEntries: ['4A005'] }),
    ]);
    expect(index.size).toBe(4);
    expect(ids(index.candidatesFor(candidate))).toEqual(['bad', 'catch-all']);
  });

  it('offers every denial to the destination to a candidate without parseable entries', () => {
    const index = new DenialIndex([
      denial('listed'),
      denial('catch-all', { controlEntries: [] }),
      denial('elsewhere', { destinationCountry: 'BY' }),
    ]);
    expect(ids(index.candidatesFor({ ...candidate, controlEntries: [] }))).toEqual(['catch-all', 'listed']);
  });

  it('stops offering a removed catch-all denial', () => {
    const index = new DenialIndex([denial('catch-all', { controlEntries: [] })]);
    index.remove('catch-all');
    expect(index.candidatesFor(candidate)).toEqual([]);
  });

  it('screens to the same matches as a scan of every denial', () => {
    const entries = fc.constantFrom('5A001', '5A001.j', '5A001.f', '5A004.a', '4A005', '4D004', '5D001.e', 'bad');
    const parties = fc.constantFrom<Party>(
      kvant,
      { name: 'КВАНТ-ТЕЛЕКОМ ООО', address: 'пр. Мира 12, Москва', country: 'RU' },
      { name: 'Novator CJSC', address: 'Gagarina 17, Yekaterinburg', country: 'RU' },
      { name: 'Kvant Telecom LLP', address: 'Dostyk 5, Almaty', country: 'KZ' },
    );
    const denials = fc.uniqueArray(
      fc.record({
        denialId: fc.string({ minLength: 1, maxLength: 6 }),
        issuingMemberState: fc.constantFrom('FR', 'DE', 'EL'),
        controlEntries: fc.array(entries, { maxLength: 3 }),
        destinationCountry: fc.constantFrom('RU', 'BY', 'ru'),
        endUser: parties,
        consignee: fc.option(parties, { nil: null }),
        grounds: fc.constant(['HUMAN_RIGHTS' as const]),
        notifiedAt: fc.constant('2024-01-15'),
      }),
      { selector: (d) => d.denialId, maxLength: 25 },
    );
    const candidates = fc.record({
      issuingMemberState: fc.constantFrom('DE', 'GR'),
      controlEntries: fc.array(entries, { maxLength: 3 }),
      destinationCountry: fc.constantFrom('RU', 'BY'),
      endUser: parties,
      consignee: fc.option(parties, { nil: null }),
    });
    fc.assert(
      fc.property(denials, candidates, (all, screened) => {
        expect(new DenialIndex(all).screen(screened)).toEqual(screenTransaction(screened, all));
      }),
      { numRuns: 200 },
    );
  });

  describe('a run of Hangul syllables that spells a Latin word of the other name only by its romanisation key', () => {
    // 태림 (tae rim) is Tairim by the Korean key (koreanKey: ae and ai one vowel), though neither syllable
    // meets the word alone: the matcher puts the word in place of the run (alignJoined), which
    // changes the words compared and their total, so the index must compare such a name in full.
    // Made-up firms; the others share only the word electronics with the candidate and score a little.
    const register = (tairim: Party): DenialInForce[] => [
      ...['Alvero', 'Brisko', 'Cendra', 'Dovalt', 'Emmerin', 'Fastor', 'Gorvan', 'Hillex', 'Ivrana', 'Jostel'].map(
        (word, at) =>
          denial(`a-${at}`, {
            destinationCountry: 'KR',
            controlEntries: ['3A001.a'],
            endUser: { name: `${word} Electronics Ltd.`, address: `${word}-ro ${at + 1}, Busan`, country: 'KR' },
          }),
      ),
      ...['Kelvora', 'Lunetra', 'Marvosk', 'Nordelk', 'Orsanti', 'Pelvaro', 'Quintar', 'Rosvalk'].map((word, at) =>
        denial(`b-${at}`, {
          destinationCountry: 'KR',
          controlEntries: ['3A001.a'],
          endUser: { name: `${word} Holdings`, address: `${word}-gil ${at + 1}, Daegu`, country: 'KR' },
        }),
      ),
      // Another item, so that it is a near miss (NO_ITEM_OVERLAP), not a match; its id sorts last.
      denial('z-tairim', {
        destinationCountry: 'KR',
        controlEntries: ['5A002.a'],
        endUser: tairim,
      }),
    ];
    const screened = (endUser: Party): ScreeningCandidate => ({
      issuingMemberState: 'DE',
      controlEntries: ['3A001.a'],
      destinationCountry: 'KR',
      endUser,
      consignee: null,
    });
    const hangul: Party = { name: '서울태림전자', address: 'Seoul', country: 'KR' };
    const latin: Party = { name: 'Tairim Electronics Precision Machinery', address: 'Seoul', country: 'KR' };

    it('is offered for review when the candidate writes the syllables, and listed as the scan lists it', () => {
      const all = register(latin);
      const review = new DenialIndex(all).review(screened(hangul));
      expect(review.nearMisses.map((miss) => miss.denialId)).toContain('z-tairim');
      expect(review).toEqual(reviewTransaction(screened(hangul), all));
    });

    it('is offered for review when the denial writes the syllables, and listed as the scan lists it', () => {
      const all = register(hangul);
      const review = new DenialIndex(all).review(screened(latin));
      expect(review.nearMisses.map((miss) => miss.denialId)).toContain('z-tairim');
      expect(review).toEqual(reviewTransaction(screened(latin), all));
    });

    it('is reviewed as possibly related, as the scan reviews it, when its item overlaps', () => {
      const all = register({ ...latin, name: 'Tairim Electronics Precision Co., Ltd.' }).map((d) =>
        d.denialId === 'z-tairim' ? { ...d, controlEntries: ['3A001.a'] } : d,
      );
      const candidate = screened({ ...hangul, name: '태림전자 주식회사' });
      const review = new DenialIndex(all).review(candidate);
      expect(review.related.map((related) => related.denialId)).toEqual(['z-tairim']);
      expect(review).toEqual(reviewTransaction(candidate, all));
      expect(new DenialIndex(all).screen(candidate)).toEqual(screenTransaction(candidate, all));
    });
  });
});
