import { transliterate } from 'transliteration';
import { jaroWinkler, jaroWinklerUpperBound, osaSimilarity } from './string-similarity';

/**
 * Party names and addresses reduced to comparable tokens, and the similarity of two of them.
 *
 * Pipeline (the same for both sides, so any choice made here cancels out in a comparison):
 *  1. Unicode NFKC (full-width and presentation forms to their plain letters), then transliteration
 *     to ASCII by the `transliteration` package (Cyrillic, Greek, accents; Arabic only roughly).
 *  2. Lower case; `&` and `+` become `and`; dotted abbreviations are closed up (S.p.A. → spa,
 *     L.L.C. → llc, Α.Ε. → ae); everything that is not a letter or digit separates tokens.
 *  3. Each token is folded (see {@link foldToken}) so that the usual romanisations of one Cyrillic
 *     spelling meet: Spetstekhnika, Spectehnika and Spezteсhnika all fold to `spectehnika`.
 *  4. Common corporate words are mapped to one stem across languages (Technologies, Tekhnologii,
 *     Τεχνολογίες → `technologi`), because otherwise they are the words that differ most.
 *  5. Legal forms (GmbH, Ltd, OOO, Общество с ограниченной ответственностью, ...) and stop words
 *     (and, und, et, the, de, ...) are dropped wherever they stand; if that leaves nothing, the
 *     tokens are kept as they were (a company may be called "The Company").
 * Word order is kept in the normalised text but ignored by the similarity, which compares token sets.
 */

/** Weight of a distinctive token in the name similarity. */
export const DISTINCTIVE_TOKEN_WEIGHT = 1;
/** Weight of a descriptive industry word (systems, technologies, electronics, security, ...). */
export const DESCRIPTIVE_TOKEN_WEIGHT = 0.5;
/** Weight of a filler word that companies add and drop freely (international, group, holding, trading). */
export const FILLER_TOKEN_WEIGHT = 0.2;
/**
 * How much an abbreviation counts against the word it may stand for (tech ~ technologies): less
 * than an equal word, because "Alpha Tech" and "Alpha Technologies" may be different firms; with
 * the default thresholds such a pair matches on the name alone only when the rest of the name is
 * equal and distinctive, otherwise it needs the address as well.
 */
export const ABBREVIATION_SIMILARITY = 0.6;
/** Default per-token Jaro-Winkler similarity at or above which two different tokens count as one. */
export const DEFAULT_TOKEN_SIMILARITY_THRESHOLD = 0.92;
/** Tokens shorter than this must be equal: on three letters one typo is a different word. */
export const MIN_FUZZY_TOKEN_LENGTH = 4;
/**
 * Default similarity of the names written without spaces at or above which the names count as that
 * similar even when the tokens differ (Spets Tekhnika vs Spetstekhnika).
 */
export const DEFAULT_COMPACT_SIMILARITY_THRESHOLD = 0.9;

/** Legal forms as companies write them; every one is dropped from names wherever it stands. */
export const LEGAL_FORMS: readonly string[] = [
  // German-speaking
  'GmbH',
  'mbH',
  'gGmbH',
  'AG',
  'KG',
  'KGaA',
  'OHG',
  'GbR',
  'UG',
  'e.V.',
  'GmbH & Co. KG',
  'Aktiengesellschaft',
  'Kommanditgesellschaft',
  'Gesellschaft mit beschränkter Haftung',
  // English-speaking
  'Ltd',
  'Ltd.',
  'Limited',
  'LLC',
  'L.L.C.',
  'LLP',
  'LP',
  'PLC',
  'Inc',
  'Inc.',
  'Incorporated',
  'Corp',
  'Corp.',
  'Corporation',
  'Co.',
  'Company',
  'Co., Ltd.',
  'Pty',
  'Pty Ltd',
  'Pte',
  'Pte. Ltd.',
  'Pvt',
  'Pvt. Ltd.',
  'Private Limited',
  'Public Limited Company',
  'Limited Liability Company',
  'Limited Liability Partnership',
  'Joint Stock Company',
  'Closed Joint Stock Company',
  'Open Joint Stock Company',
  'Public Joint Stock Company',
  // Romance languages
  'SA',
  'S.A.',
  'SAS',
  'SASU',
  'SARL',
  'S.à r.l.',
  'EURL',
  'SNC',
  'SCA',
  'Cie',
  'SpA',
  'S.p.A.',
  'SRL',
  'S.r.l.',
  'SL',
  'S.L.',
  'SE',
  'Ltda',
  'SA de CV',
  'S.A. de C.V.',
  'S. de R.L.',
  'SAC',
  'Société Anonyme',
  'Société à responsabilité limitée',
  'Société par actions simplifiée',
  'Sociedad Anónima',
  'Sociedad Limitada',
  'Società per azioni',
  'Società a responsabilità limitata',
  // Benelux, Nordic, Baltic, Central and Eastern Europe
  'BV',
  'B.V.',
  'NV',
  'N.V.',
  'VOF',
  'Besloten Vennootschap',
  'Naamloze Vennootschap',
  'AB',
  'A/S',
  'ApS',
  'ASA',
  'Oy',
  'Oyj',
  'OÜ',
  'SIA',
  'UAB',
  'Kft',
  'Zrt',
  'Nyrt',
  's.r.o.',
  'spol. s r.o.',
  'a.s.',
  'Sp. z o.o.',
  'd.o.o.',
  'd.d.',
  'EOOD',
  'OOD',
  'EAD',
  // Russian, Ukrainian, Belarusian, Kazakh, in Latin and Cyrillic script
  'OOO',
  'ООО',
  'OAO',
  'ОАО',
  'ZAO',
  'ЗАО',
  'PAO',
  'ПАО',
  'AO',
  'АО',
  'NAO',
  'НАО',
  'ChAO',
  'ЧАО',
  'JSC',
  'CJSC',
  'OJSC',
  'PJSC',
  'TOO',
  'ТОО',
  'TOV',
  'ТОВ',
  'PrAT',
  'ПрАТ',
  'ОДО',
  'Общество с ограниченной ответственностью',
  'Закрытое акционерное общество',
  'Открытое акционерное общество',
  'Публичное акционерное общество',
  'Непубличное акционерное общество',
  'Акционерное общество',
  'Товариство з обмеженою відповідальністю',
  // Greek, Turkish, Middle East, Asia
  'Α.Ε.',
  'ΑΕ',
  'Ε.Π.Ε.',
  'Ι.Κ.Ε.',
  'Ανώνυμη Εταιρεία',
  'Εταιρεία Περιορισμένης Ευθύνης',
  'A.Ş.',
  'Ltd. Şti.',
  'Anonim Şirketi',
  'Limited Şirketi',
  'FZE',
  'FZCO',
  'FZC',
  'FZ-LLC',
  'DMCC',
  'WLL',
  'W.L.L.',
  'SPC',
  'Sdn Bhd',
  'Bhd',
  'Berhad',
  'PT',
  'Tbk',
  'KK',
  'K.K.',
  'Kabushiki Kaisha',
  // Organisational forms of state and research enterprises, written before or after the name
  'NPP',
  'НПП',
  'NPO',
  'НПО',
  'FGUP',
  'ФГУП',
  'GUP',
  'ГУП',
  'JP',
  'ЈП',
  'Research and Production Enterprise',
  'Scientific Production Enterprise',
  'Scientific and Production Enterprise',
  'Research and Production Association',
  'Scientific and Production Association',
  'Научно-производственное предприятие',
  'Научно-производственное объединение',
];

const STOP_WORDS = [
  'the',
  'of',
  'and',
  'und',
  'et',
  'e',
  'y',
  'i',
  've',
  'och',
  'og',
  'en',
  'for',
  'fur',
  'fuer',
  'zu',
  'de',
  'du',
  'des',
  'la',
  'le',
  'les',
  'd',
  'l',
  'der',
  'die',
  'das',
  'den',
  'von',
  'van',
  'di',
  'del',
  'della',
  'da',
  'do',
  'dos',
  'al',
  'el',
];

/** Words that name a kind of place in an address rather than the place: dropped from addresses. */
const ADDRESS_NOISE_WORDS = [
  ...STOP_WORDS,
  'street',
  'str',
  'st',
  'strasse',
  'road',
  'rd',
  'avenue',
  'ave',
  'av',
  'avenida',
  'boulevard',
  'blvd',
  'bd',
  'lane',
  'ln',
  'drive',
  'dr',
  'way',
  'square',
  'sq',
  'place',
  'pl',
  'rue',
  'via',
  'viale',
  'piazza',
  'calle',
  'ulitsa',
  'ul',
  'prospekt',
  'prosp',
  'pr',
  'pereulok',
  'per',
  'shosse',
  'naberezhnaya',
  'nab',
  'ploshchad',
  'dom',
  'korpus',
  'korp',
  'k',
  'stroenie',
  'building',
  'bldg',
  'block',
  'blk',
  'floor',
  'fl',
  'etazh',
  'office',
  'ofis',
  'of',
  'suite',
  'ste',
  'room',
  'rm',
  'unit',
  'apt',
  'kv',
  'pom',
  'no',
  'nr',
  'number',
  'box',
  'po',
  'city',
  'g',
  'gorod',
  'oblast',
  'obl',
  'region',
  'district',
  'rayon',
  'raion',
  'mkr',
  'sankt',
  'saint',
];

/** Endonyms and variant spellings of cities that appear in end-user addresses, to one name. */
const PLACE_NAMES: readonly (readonly [string, readonly string[]])[] = [
  ['moscow', ['moskva', 'moskau', 'moscou', 'mosca', 'москва']],
  ['kyiv', ['kiev', 'kiyiv', 'kyyiv', 'київ', 'киев']],
  ['beijing', ['peking', 'pekin']],
  ['dubai', ['dubayy', 'dubaï']],
  ['damascus', ['dimashq', 'damas']],
  ['vienna', ['wien', 'vienne']],
  ['munich', ['munchen', 'muenchen']],
  ['tehran', ['teheran', 'téhéran']],
  ['istanbul', ['stambul', 'стамбул']],
  ['minsk', ['минск', 'mensk']],
];

type TokenClass = 'descriptive' | 'filler';

/**
 * Corporate words mapped to one stem across languages and romanisations, as whole words only: a
 * prefix rule would also swallow compound names (Electronmash, Telecomstroy) and make different
 * firms look alike. `tech` is deliberately not expanded: Alpha Tech and Alpha Technologies may be
 * different firms (per-token fuzzy matching still compares the words as written).
 */
const CORPORATE_WORDS: readonly {
  readonly stem: string;
  readonly kind: TokenClass;
  readonly words: readonly string[];
}[] = [
  {
    stem: 'technology',
    kind: 'descriptive',
    words: [
      'technologies',
      'technologie',
      'technologien',
      'technological',
      'tecnologia',
      'tecnologias',
      'tecnologie',
      'technologii',
      'tekhnologii',
      'tekhnologiya',
      'tehnologii',
      'tehnologies',
      'teknoloji',
      'technologiya',
    ],
  },
  {
    stem: 'system',
    kind: 'descriptive',
    words: [
      'systems',
      'systeme',
      'systemes',
      'sistema',
      'sistemas',
      'sistemi',
      'sistemy',
      'systemy',
      'systimata',
      'systima',
    ],
  },
  {
    stem: 'electronic',
    kind: 'descriptive',
    words: [
      'electronics',
      'electronique',
      'elektronik',
      'elektronika',
      'electronica',
      'elettronica',
      'elektroniki',
      'electronik',
    ],
  },
  {
    stem: 'engineering',
    kind: 'descriptive',
    words: [
      'engineer',
      'engineers',
      'ingenierie',
      'ingenieria',
      'ingegneria',
      'inzhiniring',
      'inzhenering',
      'ingenieurbuero',
    ],
  },
  {
    stem: 'industry',
    kind: 'descriptive',
    words: ['industries', 'industrie', 'industrial', 'industria', 'industriya', 'industriel', 'industrielle'],
  },
  {
    stem: 'communication',
    kind: 'descriptive',
    words: [
      'communications',
      'comunicaciones',
      'comunicazioni',
      'kommunikation',
      'kommunikatsii',
      'kommunikacii',
      'komunikacije',
    ],
  },
  {
    stem: 'solution',
    kind: 'descriptive',
    words: ['solutions', 'soluciones', 'soluzioni', 'resheniya', 'losungen', 'loesungen'],
  },
  {
    stem: 'service',
    kind: 'descriptive',
    words: ['services', 'servis', 'servisy', 'servicios', 'servizi', 'svc', 'svcs'],
  },
  {
    stem: 'security',
    kind: 'descriptive',
    words: [
      'securite',
      'sekuriti',
      'bezopasnost',
      'bezopasnosti',
      'sicherheit',
      'seguridad',
      'sicurezza',
      'asfaleia',
      'asfaleias',
    ],
  },
  {
    stem: 'research',
    kind: 'descriptive',
    words: ['recherche', 'recherches', 'forschung', 'issledovaniya', 'issledovatelskii', 'issledovatelskiy'],
  },
  {
    stem: 'production',
    kind: 'descriptive',
    words: [
      'products',
      'product',
      'produkt',
      'produktion',
      'produits',
      'proizvodstvo',
      'proizvodstvennoe',
      'proizvodstvennaya',
    ],
  },
  {
    stem: 'scientific',
    kind: 'descriptive',
    words: ['nauchno', 'nauchnoe', 'nauchnyi', 'nauchnyy', 'wissenschaftlich', 'scientifique'],
  },
  {
    stem: 'enterprise',
    kind: 'descriptive',
    words: ['enterprises', 'predpriyatie', 'unternehmen', 'entreprise', 'empresa', 'impresa'],
  },
  { stem: 'manufacturing', kind: 'descriptive', words: ['manufacturer', 'manufacturers', 'mfg'] },
  {
    stem: 'laboratory',
    kind: 'descriptive',
    words: ['laboratories', 'laboratoire', 'laboratoires', 'laboratorio', 'laboratoriya', 'labor', 'lab', 'labs'],
  },
  {
    stem: 'development',
    kind: 'descriptive',
    words: ['developments', 'razrabotka', 'razrabotki', 'entwicklung', 'developpement', 'desarrollo', 'sviluppo'],
  },
  { stem: 'export', kind: 'descriptive', words: ['exports', 'exporter', 'exporters', 'eksport', 'exportacion'] },
  { stem: 'import', kind: 'descriptive', words: ['imports', 'importer', 'importers'] },
  {
    stem: 'telecom',
    kind: 'descriptive',
    words: ['telekom', 'telecommunications', 'telecommunication', 'telekommunikation'],
  },
  {
    stem: 'automation',
    kind: 'descriptive',
    words: ['automatika', 'avtomatika', 'automatik', 'automatisierung', 'automatisation', 'automazione'],
  },
  {
    stem: 'equipment',
    kind: 'descriptive',
    words: ['equipments', 'oborudovanie', 'ausruestung', 'ausrustung', 'equipement', 'equipos'],
  },
  { stem: 'instrument', kind: 'descriptive', words: ['instruments', 'instrumenty', 'instrumente'] },
  { stem: 'defence', kind: 'descriptive', words: ['defense', 'defensa', 'difesa', 'verteidigung', 'oborona'] },
  { stem: 'network', kind: 'descriptive', words: ['networks', 'netzwerk', 'netzwerke', 'reseau', 'reseaux', 'seti'] },
  { stem: 'control', kind: 'descriptive', words: ['controls', 'kontrol', 'kontrolle', 'controle'] },
  { stem: 'national', kind: 'descriptive', words: ['nacional', 'nazionale', 'nationale', 'natsionalnyi', 'natl'] },
  { stem: 'centre', kind: 'descriptive', words: ['center', 'centro', 'tsentr', 'centr', 'zentrum'] },
  { stem: 'concern', kind: 'descriptive', words: ['kontsern', 'koncern', 'konzern'] },
  { stem: 'institute', kind: 'descriptive', words: ['institut', 'instituto', 'istituto', 'inst'] },
  {
    stem: 'international',
    kind: 'filler',
    words: [
      'intl',
      'internat',
      'internacional',
      'internationale',
      'internazionale',
      'mezhdunarodnyi',
      'mezhdunarodnaya',
    ],
  },
  { stem: 'group', kind: 'filler', words: ['groupe', 'gruppa', 'gruppe', 'grupo', 'gruppo', 'groep', 'grp'] },
  { stem: 'holding', kind: 'filler', words: ['holdings', 'kholding', 'hldg', 'hldgs'] },
  { stem: 'trading', kind: 'filler', words: ['trade', 'trader', 'traders', 'torgovyi', 'torgovyy'] },
  { stem: 'global', kind: 'filler', words: ['worldwide'] },
];

/** The tokens of a party name, normalised (see the module comment); in the order written. */
export function partyNameTokens(name: string): readonly string[] {
  return nameTokens(name).map((token) => token.text);
}

/** A party name normalised to its tokens joined by single spaces; idempotent. */
export function normalisePartyName(name: string): string {
  return partyNameTokens(name).join(' ');
}

/** An address normalised to its tokens joined by single spaces (street-type words dropped). */
export function normaliseAddress(address: string): string {
  return addressTokens(address)
    .map((token) => token.text)
    .join(' ');
}

/** A name or address ready for repeated comparison: tokens with weights, and the compact form. */
export interface PreparedText {
  readonly tokens: readonly WeightedToken[];
  /** The tokens written together without spaces, for names split or joined differently. */
  readonly compact: string;
}

/** One normalised token and how much it counts in a similarity. */
export interface WeightedToken {
  readonly text: string;
  readonly weight: number;
  /** For an abbreviation such as `tech`: the stem it may stand for (`technologi`). */
  readonly abbreviates?: string;
}

/** Tunables of the text similarity; every field has a documented default. */
export interface TextSimilarityOptions {
  readonly tokenSimilarityThreshold?: number;
  readonly compactSimilarityThreshold?: number;
}

/** Prepares a party name once, for comparing it with many others. */
export function preparePartyName(name: string): PreparedText {
  const tokens = nameTokens(name);
  // Folded again: joining can bring letters together that folding merges (kvant+telecom → kvantelecom).
  return { tokens, compact: foldToken(tokens.map((token) => token.text).join('')) };
}

/** Prepares an address once, for comparing it with many others. */
export function prepareAddress(address: string): PreparedText {
  const tokens = addressTokens(address);
  return { tokens, compact: tokens.map((token) => token.text).join('') };
}

/**
 * Name similarity in [0, 1], symmetric: the weighted soft Jaccard of the token sets (see
 * {@link softTokenOverlap}); for names with different numbers of tokens, the similarity of the compact
 * forms instead when that is at least the compact threshold and higher (Spets Tekhnika, Spetstekhnika).
 */
export function nameSimilarity(
  a: string | PreparedText,
  b: string | PreparedText,
  options: TextSimilarityOptions = {},
): number {
  const left = typeof a === 'string' ? preparePartyName(a) : a;
  const right = typeof b === 'string' ? preparePartyName(b) : b;
  const overlap = softTokenOverlap(left.tokens, right.tokens, options.tokenSimilarityThreshold);
  const jaccard = overlap.total === 0 ? 0 : overlap.matched / (overlap.total - overlap.matched);
  const compactThreshold = options.compactSimilarityThreshold ?? DEFAULT_COMPACT_SIMILARITY_THRESHOLD;
  // Only for names split or joined differently: on names with as many tokens the token measure has
  // already compared every word, and one letter in a long compact string would hide a different word.
  if (left.compact === '' || right.compact === '' || left.tokens.length === right.tokens.length) return clamp(jaccard);
  // The length difference alone bounds the similarity from above: skip the quadratic work when it must fail.
  const longer = Math.max(left.compact.length, right.compact.length);
  if (Math.abs(left.compact.length - right.compact.length) > (1 - compactThreshold) * longer) return clamp(jaccard);
  const compact = osaSimilarity(left.compact, right.compact);
  return clamp(compact >= compactThreshold ? Math.max(jaccard, compact) : jaccard);
}

/**
 * Address similarity in [0, 1], symmetric: the weighted soft Dice coefficient of the token sets.
 * Dice rather than Jaccard because one side often carries more detail (a postcode, a district)
 * than the other; numbers (house numbers, postcodes) must be equal to count.
 */
export function addressSimilarity(
  a: string | PreparedText,
  b: string | PreparedText,
  options: TextSimilarityOptions = {},
): number {
  const left = typeof a === 'string' ? prepareAddress(a) : a;
  const right = typeof b === 'string' ? prepareAddress(b) : b;
  const overlap = softTokenOverlap(left.tokens, right.tokens, options.tokenSimilarityThreshold);
  return overlap.total === 0 ? 0 : clamp((2 * overlap.matched) / overlap.total);
}

/**
 * Aligns the tokens of two sets one to one, best pairs first: equal tokens score 1, two tokens of at
 * least {@link MIN_FUZZY_TOKEN_LENGTH} letters score their Jaro-Winkler similarity when it reaches
 * the threshold, anything else 0. Returns the matched weight (similarity × mean weight of the pair,
 * summed) and the total weight of both sides, so that Jaccard = matched / (total - matched) and
 * Dice = 2·matched / total. Ties are broken by the pair's text, not by side, so the result is the
 * same whichever set comes first.
 */
export function softTokenOverlap(
  a: readonly WeightedToken[],
  b: readonly WeightedToken[],
  threshold: number = DEFAULT_TOKEN_SIMILARITY_THRESHOLD,
): { readonly matched: number; readonly total: number } {
  const total = sumWeights(a) + sumWeights(b);
  const pairs: { i: number; j: number; similarity: number; key: string }[] = [];
  a.forEach((left, i) => {
    b.forEach((right, j) => {
      const similarity = weightedTokenSimilarity(left, right, threshold);
      if (similarity > 0) {
        const key = left.text < right.text ? `${left.text} ${right.text}` : `${right.text} ${left.text}`;
        pairs.push({ i, j, similarity, key });
      }
    });
  });
  pairs.sort((x, y) => y.similarity - x.similarity || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  let matched = 0;
  for (const pair of pairs) {
    if (usedA.has(pair.i) || usedB.has(pair.j)) continue;
    usedA.add(pair.i);
    usedB.add(pair.j);
    const weight = ((a[pair.i]?.weight ?? 0) + (b[pair.j]?.weight ?? 0)) / 2;
    matched += pair.similarity * weight;
  }
  return { matched, total };
}

function weightedTokenSimilarity(a: WeightedToken, b: WeightedToken, threshold: number): number {
  if (a.text === b.text) return 1;
  const abbreviation =
    a.abbreviates === b.text ||
    b.abbreviates === a.text ||
    (a.abbreviates !== undefined && a.abbreviates === b.abbreviates);
  return abbreviation ? ABBREVIATION_SIMILARITY : tokenSimilarity(a.text, b.text, threshold);
}

/** 1 for equal tokens; Jaro-Winkler for two long-enough alphabetic tokens at or above the threshold; else 0. */
export function tokenSimilarity(a: string, b: string, threshold: number = DEFAULT_TOKEN_SIMILARITY_THRESHOLD): number {
  if (a === b) return 1;
  if (a.length < MIN_FUZZY_TOKEN_LENGTH || b.length < MIN_FUZZY_TOKEN_LENGTH) return 0;
  if (jaroWinklerUpperBound(a.length, b.length) < threshold) return 0;
  if (/[0-9]/.test(a) || /[0-9]/.test(b)) return 0;
  const similarity = jaroWinkler(a, b);
  return similarity >= threshold ? similarity : 0;
}

/**
 * Folds a lower-case ASCII token so that the usual romanisations of one spelling meet: x → ks,
 * shch/sch → sh, tsch/tch → ch, kh → h, ts/tz → c, zh → z, ck → k, ph → f, q → k, w → v, y/j → i,
 * oo/ou → u, then doubled letters → one; in tokens of four letters or more also ae/oe/ue → a/o/u. Repeated until nothing changes, so folding is idempotent.
 */
export function foldToken(token: string): string {
  let current = token;
  for (let round = 0; round < 8; round++) {
    // German umlauts written out (Mueller, Praezision) meet the transliterated Müller → Muller; not
    // in two- and three-letter tokens, where ae/oe/ue are legal forms or whole words (Α.Ε. → ae).
    const umlauts = current.length >= 4 ? current.replace(/([aou])e/g, '$1') : current;
    const next = FOLDS.reduce((text, [pattern, replacement]) => text.replace(pattern, replacement), umlauts);
    if (next === current) return next;
    current = next;
  }
  return current;
}

const FOLDS: readonly (readonly [RegExp, string])[] = [
  [/x/g, 'ks'],
  [/shch/g, 'sh'],
  [/tsch/g, 'ch'],
  [/sch/g, 'sh'],
  [/tch/g, 'ch'],
  [/kh/g, 'h'],
  [/t[sz]/g, 'c'],
  [/zh/g, 'z'],
  [/ck/g, 'k'],
  [/o[ou]/g, 'u'],
  [/ph/g, 'f'],
  [/q/g, 'k'],
  [/w/g, 'v'],
  [/[yj]/g, 'i'],
  [/([a-z])\1+/g, '$1'],
];

/** Raw tokens before folding: transliterated, lower-cased, abbreviations closed up. */
function rawTokens(text: string): string[] {
  const ascii = transliterate(text.normalize('NFKC')).toLowerCase();
  const spelled = ascii
    .replace(/\bint'l\b/g, 'intl')
    .replace(/[&+]/g, ' and ')
    // Dotted abbreviations: S.p.A, L.L.C., A. E. → spa, llc, ae.
    .replace(/\b[a-z](?:\.\s?[a-z]\b)+\.?/g, (match) => ` ${match.replace(/[.\s]/g, '')} `);
  return spelled.split(/[^a-z0-9]+/).filter((token) => token !== '');
}

function foldedTokens(text: string): string[] {
  return rawTokens(text).map(foldToken);
}

interface Vocabulary {
  readonly singles: ReadonlySet<string>;
  readonly phrases: readonly (readonly string[])[];
}

// Noise is written as people write it and compared after the same folding (and, for names,
// stemming) as the text it is removed from.
function vocabulary(entries: readonly string[], stem: (token: string) => string): Vocabulary {
  const singles = new Set<string>();
  const phrases: string[][] = [];
  for (const entry of entries) {
    const tokens = foldedTokens(entry).map(stem);
    if (tokens.length === 1 && tokens[0] !== undefined) singles.add(tokens[0]);
    else if (tokens.length > 1) phrases.push(tokens);
  }
  // Longest first, so "closed joint stock company" goes before "joint stock company".
  phrases.sort((x, y) => y.length - x.length);
  return { singles, phrases };
}

/** Abbreviations that may stand for a corporate word, and that word (see ABBREVIATION_SIMILARITY). */
const ABBREVIATIONS: readonly (readonly [string, string])[] = [
  ['tech', 'technology'],
  ['techn', 'technology'],
  ['sys', 'system'],
  ['syst', 'system'],
  ['elec', 'electronic'],
  ['electr', 'electronic'],
  ['eng', 'engineering'],
  ['engg', 'engineering'],
  ['ind', 'industry'],
  ['inds', 'industry'],
  ['comm', 'communication'],
  ['comms', 'communication'],
  ['dev', 'development'],
  ['prod', 'production'],
  ['equip', 'equipment'],
  ['instr', 'instrument'],
];

// A map from every folded variant (and the stem itself, so that stemming a stem changes nothing) to
// the folded stem and its weight.
const STEMS: ReadonlyMap<string, WeightedToken> = new Map(
  CORPORATE_WORDS.flatMap((entry) => {
    const stem: WeightedToken = {
      text: foldedTokens(entry.stem).join(''),
      weight: entry.kind === 'filler' ? FILLER_TOKEN_WEIGHT : DESCRIPTIVE_TOKEN_WEIGHT,
    };
    return [entry.stem, ...entry.words].map((word) => [foldedTokens(word).join(''), stem] as const);
  }),
);

const PLACE_ALIASES: ReadonlyMap<string, string> = new Map(
  PLACE_NAMES.flatMap(([name, variants]) => {
    const canonical = foldedTokens(name).join('');
    return [name, ...variants].map((variant) => [foldedTokens(variant).join(''), canonical] as const);
  }),
);

const ABBREVIATED: ReadonlyMap<string, WeightedToken> = new Map(
  ABBREVIATIONS.map(([abbreviation, word]) => {
    const text = foldedTokens(abbreviation).join('');
    const stem = STEMS.get(foldedTokens(word).join(''));
    return [text, { text, weight: stem?.weight ?? DESCRIPTIVE_TOKEN_WEIGHT, abbreviates: stem?.text ?? word }] as const;
  }),
);

const NAME_NOISE = vocabulary([...LEGAL_FORMS, ...STOP_WORDS], (token) => stemOf(token).text);
const ADDRESS_NOISE = vocabulary(ADDRESS_NOISE_WORDS, (token) => token);

function stemOf(token: string): WeightedToken {
  return STEMS.get(token) ?? ABBREVIATED.get(token) ?? { text: token, weight: DISTINCTIVE_TOKEN_WEIGHT };
}

function nameTokens(name: string): WeightedToken[] {
  const stemmed = foldedTokens(name).map(stemOf);
  let kept = dropNoise(stemmed, NAME_NOISE);
  for (let acronym = acronymIndex(kept); acronym >= 0; acronym = acronymIndex(kept)) {
    kept = dropNoise([...kept.slice(0, acronym), ...kept.slice(acronym + 1)], NAME_NOISE);
  }
  return kept.length > 0 ? kept : stemmed;
}

/**
 * The index of a token that spells the initials of other words of the same name ("Iran Electronics
 * Industries (IEI)"): one side often adds it and the other not, and it says nothing new. -1 if none.
 */
function acronymIndex(tokens: readonly WeightedToken[]): number {
  return tokens.findIndex((token, index) => {
    const text = token.text;
    if (text.length < 2 || !/^[a-z]+$/.test(text)) return false;
    const initials = tokens
      .filter((_, other) => other !== index)
      .map((other) => other.text[0] ?? '')
      .join('');
    return initials.includes(text);
  });
}

function addressTokens(address: string): WeightedToken[] {
  const tokens = foldedTokens(address).map((token): WeightedToken => ({
    text: PLACE_ALIASES.get(token) ?? token,
    weight: DISTINCTIVE_TOKEN_WEIGHT,
  }));
  const kept = dropNoise(tokens, ADDRESS_NOISE);
  return kept.length > 0 ? kept : tokens;
}

/**
 * Drops noise phrases and words until none is left: dropping one can bring the words of a phrase
 * together ("joint [ooo] stock company"), and stopping early would make normalising twice differ
 * from normalising once.
 */
function dropNoise(tokens: readonly WeightedToken[], noise: Vocabulary): WeightedToken[] {
  let current = [...tokens];
  for (;;) {
    // Phrases before single words: "closed joint stock company" must go whole, not lose "company"
    // first and leave "closed joint stock" behind.
    const phrase = noise.phrases.find((words) => indexOfPhrase(current, words) >= 0);
    if (phrase !== undefined) {
      const at = indexOfPhrase(current, phrase);
      current = [...current.slice(0, at), ...current.slice(at + phrase.length)];
      continue;
    }
    const kept = current.filter((token) => !noise.singles.has(token.text));
    if (kept.length === current.length) return current;
    current = kept;
  }
}

function indexOfPhrase(tokens: readonly WeightedToken[], phrase: readonly string[]): number {
  for (let start = 0; start + phrase.length <= tokens.length; start++) {
    if (phrase.every((word, offset) => tokens[start + offset]?.text === word)) return start;
  }
  return -1;
}

function sumWeights(tokens: readonly WeightedToken[]): number {
  return tokens.reduce((sum, token) => sum + token.weight, 0);
}

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}
