import { romanize } from 'es-hangul';
import { pinyin } from 'pinyin-pro';
import { transliterate } from 'transliteration';
import ToJyutping from 'to-jyutping';
import addressWordsData from './data/address-words.json';
import arabicScriptData from './data/arabic-script.json';
import corporateWordsData from './data/corporate-words.json';
import legalFormsData from './data/legal-forms.json';
import greekData from './data/greek.json';
import hebrewScriptData from './data/hebrew-script.json';
import industryWordsData from './data/industry-words.json';
import stopWordsData from './data/stop-words.json';
import wadeGilesData from './data/wade-giles.json';
import { jaroWinkler, jaroWinklerUpperBound, osaSimilarity, withinOneEdit } from './string-similarity';

/**
 * Party names and addresses reduced to comparable tokens, and the similarity of two of them.
 *
 * Pipeline (the same for both sides, so any choice made here cancels out in a comparison):
 *  1. Unicode NFKC (full-width and presentation forms to their plain letters); Arabic and Persian
 *     script to a consonant skeleton (data/arabic-script.json), hyphenated Wade-Giles to pinyin
 *     (data/wade-giles.json); then transliteration to ASCII by the `transliteration` package
 *     (Cyrillic, Greek, Chinese characters, accents).
 *  2. Lower case; `&` and `+` become `and`; dotted abbreviations are closed up (S.p.A. → spa,
 *     L.L.C. → llc, Α.Ε. → ae); everything that is not a letter or digit separates tokens.
 *  3. Each token is folded (see {@link foldToken}) so that the usual romanisations of one Cyrillic
 *     spelling meet: Spetstekhnika, Spectehnika and Spezteсhnika all fold to `spectehnika`.
 *  4. Common corporate words are mapped to one stem across languages (Technologies, Tekhnologii,
 *     Τεχνολογίες → `technologi`), because otherwise they are the words that differ most.
 *  5. Legal forms (GmbH, Ltd, OOO, Общество с ограниченной ответственностью, ...) and stop words
 *     (and, und, et, the, de, ...) are dropped wherever they stand; if that leaves nothing, the
 *     tokens are kept as they were (a company may be called "The Company"). The kinds of legal form
 *     a name carries are kept apart (legalFormsOf), since two kinds name two legal persons.
 * Every word list is a data file in data/, with its source.
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
export const ABBREVIATION_SIMILARITY = 0.9;
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
export const LEGAL_FORMS: readonly string[] = legalFormsData.forms;

const STOP_WORDS: readonly string[] = stopWordsData.words;

/** Words that name a kind of place in an address rather than the place: dropped from addresses. */
const ADDRESS_NOISE_WORDS: readonly string[] = [...STOP_WORDS, ...addressWordsData.noiseWords];

/** Endonyms and variant spellings of cities that appear in end-user addresses, to one name. */
const PLACE_NAMES: readonly { readonly name: string; readonly variants: readonly string[] }[] = addressWordsData.places;

type TokenClass = 'distinctive' | 'descriptive' | 'filler';

/**
 * Corporate words mapped to one stem across languages and romanisations, as whole words (or whole
 * phrases, such as pinyin syllables written apart: ji shu) only: a prefix rule would also swallow
 * compound names (Electronmash, Telecomstroy) and make different firms look alike. Data:
 * data/corporate-words.json, and the translated industry words of data/industry-words.json (光电
 * guangdian = Optoelectronic, Lazernye = Laser, Jeongmil = Precision), each with its source.
 */
const CORPORATE_WORDS: readonly {
  readonly stem: string;
  readonly kind: string;
  readonly words: readonly string[];
}[] = [...corporateWordsData.words, ...industryWordsData.words];

/** How much two tokens count as one when one was written in Arabic or Persian script and their consonants agree. */
export const ARABIC_SCRIPT_SIMILARITY = 0.95;
/** How much two different Latin words with the same consonants count (Khalid/Khaled); see consonantKey. */
export const CONSONANT_SIMILARITY = 0.9;
/** Consonant keys shorter than this are not compared between Latin words (bin/ben, nur/nar). */
export const MIN_CONSONANT_KEY_LENGTH = 3;
/** The name similarity of an initialism and the name it abbreviates (ATS, Advanced Technical Solutions). */
export const INITIALISM_SIMILARITY = 0.85;
/**
 * How much two distinctive words count whose phonetic keys agree (Jaro-Winkler at the token threshold
 * on the keys, see {@link phoneticKey}): Vektor and Vector, Rostekh and Rostech, Mpakalis and Bakalis.
 */
export const PHONETIC_SIMILARITY = 0.9;
/** Two words of this many letters or more one edit apart (a typo, an OCR l for i) count at least {@link TYPO_SIMILARITY}. */
export const MIN_TYPO_TOKEN_LENGTH = 8;
export const TYPO_SIMILARITY = 0.92;
/** A distinctive word written short, cut after four letters or more (Viet, Vietnam): below an abbreviation from the list. */
export const TRUNCATION_SIMILARITY = 0.85;
/** An Arabic name with its article written solid (AlNoor, Elgamal) against the name without it. */
export const SOLID_ARTICLE_SIMILARITY = 0.95;
/** An unknown word this close (Jaro-Winkler) to a corporate word is taken for a misspelling of it (Tecnical). */
export const MISSPELT_CORPORATE_WORD_SIMILARITY = 0.95;
/**
 * A word in Hebrew script against a Latin word with the same consonants, read loosely (see
 * {@link hebrewKey}): below the Arabic-script skeleton, because the key merges more letters.
 */
export const HEBREW_SCRIPT_SIMILARITY = 0.9;
/**
 * Syllables in Hangul against a Latin word that spells them another way (see {@link koreanKey}):
 * Revised Romanization, McCune-Reischauer and the spellings firms registered (Samsung, Hyundai).
 */
export const HANGUL_KEY_SIMILARITY = 0.9;
/**
 * Two distinctive Latin words that are one Korean word in two romanisations (McCune-Reischauer
 * Taesŏng, Kwangju, Pitsori; the Revised Romanization's Daeseong, Gwangju, Bitsori): equal by the
 * loose {@link koreanKey}, in keys of four letters or more; below a phonetic match, as the key merges
 * voiced and voiceless stops that other languages keep apart.
 */
export const KOREAN_ROMANISATION_SIMILARITY = 0.85;
const MIN_KOREAN_KEY_LENGTH = 4;
/**
 * Two Japanese romanisations of one word (Hepburn with or without macrons, Kunrei-shiki, the
 * spellings firms registered: Ōno = Oono = Ohno, Kōki = Kouki, Sibata Tyûô = Shibata Chuo) count
 * as one word, as the Korean ones do: same {@link japaneseKey}, three letters or more.
 */
export const JAPANESE_ROMANISATION_SIMILARITY = 0.85;
export const MIN_JAPANESE_KEY_LENGTH = 3;
/**
 * Two long words with the same {@link compoundKey} (Ischtechenergomasch = Ижтехэнергомаш,
 * Qarağandykenmaş = Karagandykenmash) count as one, as two Arabic romanisations with the same
 * consonants do. Only words of MIN_COMPOUND_TOKEN_LENGTH letters or more (folded): the Soviet-style
 * compound names whose romanisations differ in several places at once, where a short word with
 * these consonants could be any word.
 */
export const COMPOUND_ROMANISATION_SIMILARITY = 0.9;
export const MIN_COMPOUND_TOKEN_LENGTH = 10;

// Scripts whose names and addresses rarely meet their Latin forms word for word (Hebrew, Arabic,
// Persian, Chinese, Japanese, Korean): an address in one of them against a Latin one says little either way.
const OTHER_SCRIPT =
  /[\u0590-\u05ff\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]/;

// Words that say the party is a branch of the firm named: a branch is not a separate legal person.
// Folded already (succursale → sucursale, niederlassung → niederlasung): this table is read before FOLDS exists.
const BRANCH_WORDS: ReadonlySet<string> = new Set([
  'filial',
  'filiale',
  'branch',
  'sucursal',
  'sucursale',
  'niederlasung',
  // Turkish şube / şubesi, Russian and Kazakh representation (Predstavitelstvo AO ... v g. Almaty).
  'sube',
  'subesi',
  'predstavitelstvo',
  'predstavnictvo',
  // Serbian and Macedonian predstavništvo / претставништво, Bulgarian клон, Greek υποκατάστημα
  // (ELOT ypokatastima), Albanian dega, German Zweigniederlassung, English representative (office).
  'predstavnishtvo',
  'prectavnishtvo',
  'klon',
  'ipokatastima',
  'dega',
  'zveigniederlasung',
  'representative',
]);

// A branch or representative *office*: the word after the branch word belongs to it.
const BRANCH_OFFICE = 'ofice';

// Branches written in characters or Hangul, where the romanised syllables would leave a stray
// syllable (分公司 fen gong si, with gong si a legal form): 分公司 and 分厂 (branch company, branch
// plant), 支店 and 支社 (Japanese branch), 지점 and 지사 (Korean branch).
const BRANCH_MARKS = /分公司|分厂|分廠|支店|支社|지점|지사/u;

/** The tokens of a party name, normalised (see the module comment); in the order written. */
export function partyNameTokens(name: string): readonly string[] {
  return nameTokens(name).map((token) => token.text);
}

/**
 * A party name normalised to its tokens joined by single spaces; idempotent. A name in Chinese
 * characters or Hangul is written in Latin letters with the syllables of each run together (长安 →
 * changan), and that Latin form normalised once more: read again as Latin, a syllable standing alone
 * could be an article (an) and a run written together a legal form (사에 → sae), so the normal form
 * is the one its own Latin reading gives.
 */
export function normalisePartyName(name: string): string {
  const tokens = nameTokens(name);
  if (!tokens.some((token) => token.syllable !== undefined)) return tokens.map((token) => token.text).join(' ');
  const words: string[] = [];
  let previous: WeightedToken | undefined;
  for (const token of tokens) {
    const last = words.length - 1;
    if (token.syllable !== undefined && previous?.syllable === token.syllable && last >= 0) {
      words[last] = foldToken(`${words[last] ?? ''}${token.text}`);
    } else words.push(token.text);
    previous = token;
  }
  return partyNameTokens(words.join(' ')).join(' ');
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
  /** For an address: the known cities it names (data/address-words.json), each by its canonical name. */
  readonly cities?: readonly string[];
  /** For a name: the kinds of legal form it carries (data/legal-forms.json `classes`), sorted; empty if none. */
  readonly legalForms?: readonly string[];
  /** For a name: true when it names a branch (Filial, Branch, Sucursal) of the firm it names. */
  readonly branch?: boolean;
  /** True when the text was written (in part) in a script other than Latin, Cyrillic or Greek (Arabic, Chinese). */
  readonly otherScript?: boolean;
  /** For an address: the numbers it contains (house numbers, postcodes, 3rd → 3), sorted. */
  readonly numbers?: readonly string[];
  /** Runs of two to four short distinctive tokens written together (see {@link alignJoined}). */
  readonly joins?: readonly TokenJoin[];
  /** The texts of the distinctive tokens, for looking a join up in the other side. */
  readonly distinctiveTexts?: ReadonlySet<string>;
}

/** Adjacent tokens written together: the tokens from `start`, `length` of them, as one folded word. */
export interface TokenJoin {
  readonly start: number;
  readonly length: number;
  readonly text: string;
  /** For a run of Hangul syllables: its {@link koreanKey}. */
  readonly key?: string;
  /** For a run of syllables in Chinese characters: its Cantonese reading's {@link cantoneseKey}. */
  readonly cantonese?: string;
  /**
   * For a run of words in Arabic script (the parts of a Persian compound, ریخته‌گران): their skeletons
   * written together, met by a Latin word with those consonants (Rikhtegaran).
   */
  readonly arabic?: string;
}

/** One normalised token and how much it counts in a similarity. */
export interface WeightedToken {
  readonly text: string;
  readonly weight: number;
  /** For an abbreviation such as `tech`: the stem it may stand for (`technologi`). */
  readonly abbreviates?: string;
  /** For an abbreviation of several words: the stems it stands for besides {@link abbreviates}. */
  readonly alsoAbbreviates?: readonly string[];
  /** The token's consonants (see {@link consonantKey}), for comparison with a token written in Arabic script. */
  readonly consonants?: string;
  /** True for a token written in Arabic or Persian script: its text is already a consonant skeleton. */
  readonly arabicScript?: boolean;
  /** For a distinctive Latin token: its phonetic key (see {@link phoneticKey}). */
  readonly phonetic?: string;
  /** For a distinctive Latin token: its {@link koreanKey}, for Korean romanisations against each other. */
  readonly korean?: string;
  /** For a distinctive Latin token: its {@link japaneseKey}, for Japanese romanisations against each other. */
  readonly japanese?: string;
  /**
   * For a distinctive Latin token: the consonants of its phonetic key, for two Latin spellings of an
   * Arabic name that differ in vowels and in how ج is written at once (Jabal = Gebel).
   */
  readonly phoneticConsonants?: string;
  /**
   * For a Latin token with a g: its consonants with the g left out, as Egyptian romanisation writes
   * ج (Gabal, Hegazy), which the script skeleton leaves out as it leaves out the j of Jabal.
   */
  readonly egyptianConsonants?: string;
  /** For a long distinctive Latin token: its {@link compoundKey}, for romanisations of a Slavic compound. */
  readonly compound?: string;
  /** True for a token written in Hebrew script: its text is a consonant key (see {@link hebrewKey}). */
  readonly hebrewScript?: boolean;
  /**
   * For one syllable of a name written in Chinese characters or Hangul, romanised: never taken
   * for a stop word (安 an, 德 de and 라 ra are syllables of a name, not an article).
   */
  readonly syllable?: 'han' | 'hangul';
  /** True when the token stands for a run of syllables met by a romanisation key, not letter for letter. */
  readonly approximate?: boolean;
  /** For a syllable of a name in Chinese characters: its Cantonese reading as Hong Kong spells it, folded (see {@link cantoneseKey}). */
  readonly cantonese?: string;
}

/** Tunables of the text similarity; every field has a documented default. */
export interface TextSimilarityOptions {
  readonly tokenSimilarityThreshold?: number;
  readonly compactSimilarityThreshold?: number;
}

/** A name similarity with the evidence behind it. */
export interface NameEvidence {
  readonly similarity: number;
  /** The summed similarity of the distinctive words (weight 1) that the two names share. */
  readonly distinctiveMatched: number;
  /** True when one name's distinctive words all appear in the other (or the names are equal). */
  readonly distinctiveContained: boolean;
  /**
   * The weight of the words of either name left without a counterpart, filler words (group,
   * international) aside: a name with an extra distinctive or descriptive word (Lazertekh-Prom,
   * Pars Electronic Industries Trading) is often a sister firm, not the firm.
   */
  readonly unmatchedWeight: number;
}

/** Prepares a party name once, for comparing it with many others. */
export function preparePartyName(name: string): PreparedText {
  const marked = BRANCH_MARKS.test(name);
  const all = nameTokens(marked ? name.replace(new RegExp(BRANCH_MARKS.source, 'gu'), ' ') : name);
  const branchAt = marked ? all.length : all.findIndex((token) => BRANCH_WORDS.has(token.text));
  // "Filial OOO Tekhnoprom v g. Kazani": the branch word and what follows "v" (in) name the place of
  // the branch, not the firm.
  const tokens =
    branchAt < 0
      ? all
      : all
          .filter(
            (token, index) => !BRANCH_WORDS.has(token.text) && !(index > branchAt && token.text === BRANCH_OFFICE),
          )
          .filter(
            (_, index, rest) =>
              index < rest.findIndex((token) => token.text === 'v') || !rest.some((t) => t.text === 'v'),
          );
  // Folded again: joining can bring letters together that folding merges (kvant+telecom → kvantelecom).
  return {
    tokens,
    compact: foldToken(tokens.map((token) => token.text).join('')),
    legalForms: legalFormsOf(name),
    branch: marked || branchAt >= 0,
    otherScript: OTHER_SCRIPT.test(name),
    ...joinIndex(tokens),
  };
}

// A word of a name split in syllables (Chinese characters romanised one syllable each: 恒泰 → heng
// tai; Kordon Boyu, Ha Noi) is at most this long per part.
const MAX_JOIN_PART_LENGTH = 7;
/** The fewest consonants a run of words in Arabic script must have to be met as one Latin word. */
const MIN_ARABIC_JOIN_LENGTH = 3;

function isJoinable(token: WeightedToken): boolean {
  return (
    token.weight === DISTINCTIVE_TOKEN_WEIGHT &&
    token.arabicScript !== true &&
    token.hebrewScript !== true &&
    token.text.length <= MAX_JOIN_PART_LENGTH
  );
}

function joinIndex(tokens: readonly WeightedToken[]): Pick<PreparedText, 'joins' | 'distinctiveTexts'> {
  const joins: TokenJoin[] = [];
  for (let start = 0; start < tokens.length; start++) {
    // A syllable alone is looked up by its key too: Hong Kong writes every syllable as a word (Wah Kwong).
    const keyed = tokens[start]?.syllable === 'hangul' || tokens[start]?.cantonese !== undefined;
    for (let length = keyed ? 1 : 2; length <= 4 && start + length <= tokens.length; length++) {
      const parts = tokens.slice(start, start + length);
      if (!parts.every(isJoinable)) break;
      const text = foldToken(parts.map((token) => token.text).join(''));
      const hangul = parts.every((token) => token.syllable === 'hangul');
      const cantonese = parts.every((token) => token.cantonese !== undefined)
        ? cantoneseKey(foldToken(parts.map((token) => token.cantonese ?? '').join('')))
        : undefined;
      if (length > 1 || hangul || cantonese !== undefined) {
        joins.push({
          start,
          length,
          text,
          ...(hangul ? { key: koreanKey(text) } : {}),
          ...(cantonese === undefined ? {} : { cantonese }),
        });
      }
    }
  }
  // Words in Arabic script side by side, as one Latin word may write them (a Persian compound
  // written solid): two or three, together long enough to be a word of their own.
  for (let start = 0; start < tokens.length; start++) {
    for (let length = 2; length <= 3 && start + length <= tokens.length; length++) {
      const parts = tokens.slice(start, start + length);
      if (!parts.every((token) => token.arabicScript === true && token.weight === DISTINCTIVE_TOKEN_WEIGHT)) break;
      const arabic = parts.map((token) => token.text).join('');
      if (arabic.length >= MIN_ARABIC_JOIN_LENGTH) joins.push({ start, length, text: arabic, arabic });
    }
  }
  // Longest first, so that heng tai ci ye tries hengtaiciye before hengtai.
  joins.sort((x, y) => y.length - x.length || x.start - y.start);
  return {
    joins,
    distinctiveTexts: new Set(
      tokens.filter((token) => token.arabicScript !== true && token.hebrewScript !== true).map((token) => token.text),
    ),
  };
}

/**
 * The distinctive Latin word of `b` that a run of Hangul or Chinese syllables spells by its key
 * ({@link koreanKey}, {@link cantoneseKey}), if any. Keys are computed here, for the few names in
 * those scripts, rather than kept for every prepared name.
 */
function keyedTarget(join: TokenJoin, b: PreparedText): WeightedToken | undefined {
  if (join.arabic !== undefined) {
    // A Latin word with those consonants, or one word in the script written solid (موجکاوان against
    // موج‌کاوان: a compound with or without its non-joiner).
    return b.tokens.find(
      (token) =>
        token.weight === DISTINCTIVE_TOKEN_WEIGHT &&
        token.hebrewScript !== true &&
        token.syllable === undefined &&
        token.consonants === join.arabic,
    );
  }
  if (join.key === undefined && join.cantonese === undefined) return undefined;
  return b.tokens.find(
    (token) =>
      token.weight === DISTINCTIVE_TOKEN_WEIGHT &&
      token.arabicScript !== true &&
      token.hebrewScript !== true &&
      token.syllable === undefined &&
      ((join.key !== undefined && koreanKey(token.text) === join.key) ||
        (join.cantonese !== undefined && cantoneseKey(token.text) === join.cantonese)),
  );
}

/**
 * The tokens of `a`, with each run of adjacent tokens that is written together as one token of `b`
 * replaced by that token (heng tai → hengtai when the other name has Hengtai): syllables of a
 * romanised Chinese name, and words split or joined differently, meet one to one. Exact after
 * folding only; the runs do not overlap.
 */
function alignJoined(a: PreparedText, b: PreparedText): readonly WeightedToken[] {
  const joins = a.joins ?? [];
  const targets = b.distinctiveTexts;
  if (joins.length === 0 || targets === undefined || targets.size === 0) return a.tokens;
  // Made only when a run meets a word: most comparisons have none, and this runs for each of them.
  let replaced: Map<number, { readonly length: number; readonly token: WeightedToken }> | undefined;
  let used: Set<number> | undefined;
  for (const join of joins) {
    const keyed = targets.has(join.text) ? undefined : keyedTarget(join, b);
    if (!targets.has(join.text) && keyed === undefined) continue;
    const span = Array.from({ length: join.length }, (_, offset) => join.start + offset);
    if (used !== undefined && span.some((index) => used?.has(index) === true)) continue;
    const exact = b.tokens.find((candidate) => candidate.text === join.text);
    // Met by the key only: the syllables stand for the Latin word, a little below the word itself.
    const token = exact ?? (keyed === undefined ? undefined : { ...keyed, approximate: true });
    if (token === undefined) continue;
    const taken = (used ??= new Set());
    span.forEach((index) => taken.add(index));
    (replaced ??= new Map()).set(join.start, { length: join.length, token });
  }
  if (replaced === undefined) return a.tokens;
  const tokens: WeightedToken[] = [];
  for (let index = 0; index < a.tokens.length; index++) {
    const join = replaced.get(index);
    const token = a.tokens[index];
    if (join !== undefined) {
      tokens.push(join.token);
      index += join.length - 1;
    } else if (token !== undefined) tokens.push(token);
  }
  return tokens;
}

/** True when both names carry a legal form and no form of one is of a kind of the other's. */
export function legalFormsDiffer(a: PreparedText, b: PreparedText): boolean {
  const left = a.legalForms ?? [];
  const right = b.legalForms ?? [];
  return left.length > 0 && right.length > 0 && !left.some((kind) => right.includes(kind));
}

/**
 * Prepares an address once, for comparing it with many others. Given the party's country (ISO 3166
 * alpha-2), only the cities listed for that country count as cities the address names: a street or
 * a word that reads as a city elsewhere (Tigran Mets Avenue, Меца, is not Meca; al-Sharqiya is not
 * Sharjah) is no evidence that two addresses are in different places. A country without a list keeps
 * every city.
 */
export function prepareAddress(address: string, country?: string): PreparedText {
  const tokens = addressTokens(address);
  const cities = citiesIn(tokens);
  const ofCountry = country === undefined ? undefined : CITIES_BY_COUNTRY.get(country.trim().toUpperCase());
  return {
    tokens,
    compact: tokens.map((token) => token.text).join(''),
    cities: ofCountry === undefined ? cities : cities.filter((city) => ofCountry.has(city)),
    otherScript: OTHER_SCRIPT.test(address),
    numbers: [...new Set(tokens.flatMap((token) => /^[0-9]+/.exec(token.text)?.[0] ?? []))].sort(),
    ...joinIndex(tokens),
  };
}

/** True when both addresses contain numbers and share none (another house, another plot). */
export function numbersDiffer(a: PreparedText, b: PreparedText): boolean {
  const left = a.numbers ?? [];
  const right = b.numbers ?? [];
  return left.length > 0 && right.length > 0 && !left.some((number) => right.includes(number));
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
  return nameEvidence(a, b, options).similarity;
}

/** {@link nameSimilarity} with the distinctive-word evidence the party score also uses. */
export function nameEvidence(
  a: string | PreparedText,
  b: string | PreparedText,
  options: TextSimilarityOptions = {},
): NameEvidence {
  const left = typeof a === 'string' ? preparePartyName(a) : a;
  const right = typeof b === 'string' ? preparePartyName(b) : b;
  const overlap = softTokenOverlap(
    alignJoined(left, right),
    alignJoined(right, left),
    options.tokenSimilarityThreshold,
  );
  const jaccard = overlap.total === 0 ? 0 : overlap.matched / (overlap.total - overlap.matched);
  const evidence = (similarity: number, compactEqual = false): NameEvidence => ({
    similarity: clamp(similarity),
    distinctiveMatched: compactEqual ? Math.max(1, overlap.distinctiveMatched) : overlap.distinctiveMatched,
    distinctiveContained: compactEqual || overlap.distinctiveContained,
    unmatchedWeight: compactEqual ? 0 : overlap.unmatchedWeight,
  });
  if (jaccard < INITIALISM_SIMILARITY && (isInitialismOf(left, right) || isInitialismOf(right, left))) {
    return { similarity: INITIALISM_SIMILARITY, distinctiveMatched: 1, distinctiveContained: true, unmatchedWeight: 0 };
  }
  const compactThreshold = options.compactSimilarityThreshold ?? DEFAULT_COMPACT_SIMILARITY_THRESHOLD;
  // Only for names split or joined differently: on names with as many tokens the token measure has
  // already compared every word, and one letter in a long compact string would hide a different word.
  // Nor for a name in Hangul: its syllables are aligned with the other name's words already, and
  // written together they run into the next word (대선광학 daeseon+gwanghak = daeseong+gwanghak).
  if (
    left.compact === '' ||
    right.compact === '' ||
    left.tokens.length === right.tokens.length ||
    left.tokens.some((token) => token.syllable === 'hangul') ||
    right.tokens.some((token) => token.syllable === 'hangul')
  )
    return evidence(jaccard);
  // The length difference alone bounds the similarity from above: skip the quadratic work when it must fail.
  const longer = Math.max(left.compact.length, right.compact.length);
  if (Math.abs(left.compact.length - right.compact.length) > (1 - compactThreshold) * longer) return evidence(jaccard);
  const compact = osaSimilarity(left.compact, right.compact);
  return compact >= compactThreshold && compact > jaccard ? evidence(compact, true) : evidence(jaccard);
}

/**
 * True when `short` is a single word of two to five letters that spells the initials of the words of
 * `long` (ATS FZE and Advanced Technical Solutions FZE): firms are registered and invoiced under
 * such initials. Weaker than the words themselves (INITIALISM_SIMILARITY), and the address decides.
 */
function isInitialismOf(short: PreparedText, long: PreparedText): boolean {
  const only = short.tokens.length === 1 ? short.tokens[0] : undefined;
  if (only === undefined || only.arabicScript === true || !/^[a-z]{2,5}$/.test(only.text)) return false;
  // Initials are folded as the short word was (ATS → ac, as ts → c).
  return long.tokens.length >= 2 && foldToken(long.tokens.map((token) => token.text[0]).join('')) === only.text;
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
  const overlap = softTokenOverlap(
    alignJoined(left, right),
    alignJoined(right, left),
    options.tokenSimilarityThreshold,
  );
  return overlap.total === 0 ? 0 : clamp((2 * overlap.matched) / overlap.total);
}

/**
 * True when each address has a house, plot or unit number (up to four digits) that the other lacks,
 * once their words are aligned: another house on the same street (10001 Sk. No: 9 against No: 7).
 * One side adding detail (a postcode of five or six digits, a floor) is no contradiction. Words are
 * not compared so: a street word one side lacks is as often a romanisation the alignment missed
 * (Obvodnogo kanala, Obvodny Canal) as another street, and on the evaluation set counting it cost
 * far more matches than it saved false ones.
 */
export function houseNumbersConflict(a: PreparedText, b: PreparedText, options: TextSimilarityOptions = {}): boolean {
  const overlap = softTokenOverlap(a.tokens, b.tokens, options.tokenSimilarityThreshold);
  const houseNumber = (token: WeightedToken | undefined): boolean => /^[0-9]{1,4}$/.test(token?.text ?? '');
  return (
    overlap.unmatchedA.some((index) => houseNumber(a.tokens[index])) &&
    overlap.unmatchedB.some((index) => houseNumber(b.tokens[index]))
  );
}

/**
 * True when both addresses name a known city and no city of one is a city of the other: evidence
 * that a similar name belongs to another firm. An address that names no known city says nothing.
 */
export function citiesDiffer(a: PreparedText, b: PreparedText): boolean {
  const left = a.cities ?? [];
  const right = b.cities ?? [];
  return left.length > 0 && right.length > 0 && !left.some((city) => right.includes(city));
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
): {
  readonly matched: number;
  readonly total: number;
  readonly distinctiveMatched: number;
  readonly distinctiveContained: boolean;
  readonly unmatchedWeight: number;
  /** The indices of the tokens of each side left without a counterpart. */
  readonly unmatchedA: readonly number[];
  readonly unmatchedB: readonly number[];
} {
  const total = sumWeights(a) + sumWeights(b);
  // Plain loops and reused flags: this runs for every name and address a screening compares, and
  // its closures, pair keys and Sets were a third of what a dry run allocated (sampling heap profile).
  const pairs: TokenPair[] = [];
  for (let i = 0; i < a.length; i++) {
    const left = a[i] as WeightedToken;
    for (let j = 0; j < b.length; j++) {
      const right = b[j] as WeightedToken;
      const similarity = weightedTokenSimilarity(left, right, threshold);
      if (similarity <= 0) continue;
      const leftFirst = left.text < right.text;
      pairs.push({
        i,
        j,
        similarity,
        low: leftFirst ? left.text : right.text,
        high: leftFirst ? right.text : left.text,
      });
    }
  }
  if (pairs.length > 1) pairs.sort(comparePairs);
  const usedA = flagsFor(0, a.length);
  const usedB = flagsFor(1, b.length);
  let matched = 0;
  let distinctiveMatched = 0;
  for (const pair of pairs) {
    if (usedA[pair.i] === 1 || usedB[pair.j] === 1) continue;
    usedA[pair.i] = 1;
    usedB[pair.j] = 1;
    const left = a[pair.i]?.weight ?? 0;
    const right = b[pair.j]?.weight ?? 0;
    matched += (pair.similarity * (left + right)) / 2;
    if (left === DISTINCTIVE_TOKEN_WEIGHT && right === DISTINCTIVE_TOKEN_WEIGHT) distinctiveMatched += pair.similarity;
  }
  return {
    matched,
    total,
    distinctiveMatched,
    distinctiveContained: allDistinctiveUsed(a, usedA) || allDistinctiveUsed(b, usedB),
    unmatchedWeight: unmatchedWeightOf(a, usedA) + unmatchedWeightOf(b, usedB),
    unmatchedA: unusedIndices(a.length, usedA),
    unmatchedB: unusedIndices(b.length, usedB),
  };
}

interface TokenPair {
  readonly i: number;
  readonly j: number;
  readonly similarity: number;
  /** The pair's two texts in order, for the tie-break. */
  readonly low: string;
  readonly high: string;
}

// Best pairs first; a tie is broken by the pair's texts joined by a space ("low high"), compared
// as the joined strings would be without building them.
function comparePairs(x: TokenPair, y: TokenPair): number {
  return y.similarity - x.similarity || compareJoined(x.low, x.high, y.low, y.high);
}

function compareJoined(a1: string, a2: string, b1: string, b2: string): number {
  const lengthA = a1.length + 1 + a2.length;
  const lengthB = b1.length + 1 + b2.length;
  for (let at = 0; at < lengthA && at < lengthB; at++) {
    const difference = joinedCharAt(a1, a2, at) - joinedCharAt(b1, b2, at);
    if (difference !== 0) return difference < 0 ? -1 : 1;
  }
  return lengthA === lengthB ? 0 : lengthA < lengthB ? -1 : 1;
}

function joinedCharAt(first: string, second: string, at: number): number {
  return at < first.length ? first.charCodeAt(at) : at === first.length ? 32 : second.charCodeAt(at - first.length - 1);
}

// The used flags of softTokenOverlap's two sides, reused across calls: the function neither
// recurses nor yields, and the flags are read only before it returns.
const usedFlags: Uint8Array[] = [new Uint8Array(32), new Uint8Array(32)];

function flagsFor(side: 0 | 1, length: number): Uint8Array {
  let flags: Uint8Array = usedFlags[side] as Uint8Array;
  if (flags.length < length) {
    flags = new Uint8Array(length * 2);
    usedFlags[side] = flags;
  }
  flags.fill(0, 0, length);
  return flags;
}

function allDistinctiveUsed(tokens: readonly WeightedToken[], used: Uint8Array): boolean {
  let any = false;
  for (let index = 0; index < tokens.length; index++) {
    if ((tokens[index] as WeightedToken).weight !== DISTINCTIVE_TOKEN_WEIGHT) continue;
    if (used[index] !== 1) return false;
    any = true;
  }
  return any;
}

function unmatchedWeightOf(tokens: readonly WeightedToken[], used: Uint8Array): number {
  let sum = 0;
  for (let index = 0; index < tokens.length; index++) {
    const weight = (tokens[index] as WeightedToken).weight;
    if (used[index] !== 1 && weight > FILLER_TOKEN_WEIGHT) sum += weight;
  }
  return sum;
}

const NO_INDICES: readonly number[] = Object.freeze([]);

function unusedIndices(length: number, used: Uint8Array): readonly number[] {
  let unused: number[] | undefined;
  for (let index = 0; index < length; index++) if (used[index] !== 1) (unused ??= []).push(index);
  return unused ?? NO_INDICES;
}

/**
 * How much two tokens count as one in {@link softTokenOverlap}, in [0, 1]. A rule added here must be
 * admitted by mayBeSimilarTokens (token-bounds.ts): the denial index skips token pairs it rules out.
 */
export function weightedTokenSimilarity(a: WeightedToken, b: WeightedToken, threshold: number): number {
  if (a.text === b.text) return a.approximate === true || b.approximate === true ? HANGUL_KEY_SIMILARITY : 1;
  // Hebrew script writes few vowels and one letter for b/v, k/kh, p/f: compared by its loose key.
  if (a.hebrewScript === true || b.hebrewScript === true) {
    const [script, other] = a.hebrewScript === true ? [a, b] : [b, a];
    return other.hebrewScript !== true &&
      other.arabicScript !== true &&
      script.text.length >= 2 &&
      // Latin c is כ or ק (Carmel) as often as the ts/tz of צ folded to c (Tsur): either reading.
      // The article ה, which Latin forms write joined to the word (HaAmakim), the script may leave out.
      [other.text, ...(/^ha.{3}/.test(other.text) ? [other.text.slice(2)] : [])].some(
        (text) =>
          script.text === foldedHebrewKey(hebrewKey(text)) ||
          script.text === foldedHebrewKey(hebrewKey(text).replace(/c/g, 'k')),
      )
      ? HEBREW_SCRIPT_SIMILARITY
      : 0;
  }
  // Arabic script does not write short vowels: such a token is compared by its consonants only.
  if (a.arabicScript === true || b.arabicScript === true) return arabicScriptMeets(a, b) ? ARABIC_SCRIPT_SIMILARITY : 0;
  const abbreviation =
    abbreviatesWord(a, b.text) ||
    abbreviatesWord(b, a.text) ||
    (a.abbreviates !== undefined && a.abbreviates === b.abbreviates);
  if (abbreviation) return ABBREVIATION_SIMILARITY;
  const similarity = tokenSimilarity(a.text, b.text, threshold);
  if (similarity > 0) return similarity;
  // An Arabic article is a Latin spelling: never read into syllables of Hangul or characters (알 al, 엘 el).
  if (
    a.syllable === undefined &&
    b.syllable === undefined &&
    (hasSolidArticle(a.text, b.text) || hasSolidArticle(b.text, a.text))
  ) {
    return SOLID_ARTICLE_SIMILARITY;
  }
  if (
    a.phonetic !== undefined &&
    b.phonetic !== undefined &&
    (truncates(a.text, b.text) || truncates(b.text, a.text))
  ) {
    return TRUNCATION_SIMILARITY;
  }
  if (
    a.phonetic !== undefined &&
    b.phonetic !== undefined &&
    (a.phonetic === b.phonetic || tokenSimilarity(a.phonetic, b.phonetic, threshold) > 0)
  ) {
    return PHONETIC_SIMILARITY;
  }
  if (a.korean !== undefined && a.korean.length >= MIN_KOREAN_KEY_LENGTH && a.korean === b.korean) {
    return KOREAN_ROMANISATION_SIMILARITY;
  }
  if (a.japanese !== undefined && a.japanese.length >= MIN_JAPANESE_KEY_LENGTH && a.japanese === b.japanese) {
    return JAPANESE_ROMANISATION_SIMILARITY;
  }
  if (a.compound !== undefined && a.compound === b.compound) return COMPOUND_ROMANISATION_SIMILARITY;
  return consonantsMeet(a, b) ? CONSONANT_SIMILARITY : 0;
}

/**
 * True when a token in Arabic script and another token have the same consonants: the other's, or
 * the other's without an Egyptian g (Gabal = جبل, whose ج the skeleton leaves out). Shared with the
 * denial index's bound (token-bounds.ts), which must admit exactly these pairs.
 */
export function arabicScriptMeets(a: WeightedToken, b: WeightedToken): boolean {
  const [script, other] = a.arabicScript === true ? [a, b] : [b, a];
  return (
    script.consonants !== undefined &&
    script.consonants.length >= 2 &&
    (script.consonants === other.consonants || script.consonants === other.egyptianConsonants)
  );
}

/**
 * True when two distinctive Latin words are one name written with other vowels: romanisations of
 * Arabic and Persian names differ mostly in their vowels (Khalid/Khaled, Tose'e/Towsee), in how ج is
 * written (El-Magd = Al Majd, Egyptian g against a dropped j) and in both at once (Jabal = Gebel, by
 * the consonants of the phonetic key). Shared with the denial index's bound (token-bounds.ts).
 */
export function consonantsMeet(a: WeightedToken, b: WeightedToken): boolean {
  const same =
    (a.consonants !== undefined && a.consonants.length >= MIN_CONSONANT_KEY_LENGTH && a.consonants === b.consonants) ||
    (a.egyptianConsonants !== undefined && a.egyptianConsonants.length >= 2 && a.egyptianConsonants === b.consonants) ||
    (b.egyptianConsonants !== undefined && b.egyptianConsonants.length >= 2 && b.egyptianConsonants === a.consonants) ||
    (a.phoneticConsonants !== undefined &&
      a.phoneticConsonants.length >= MIN_CONSONANT_KEY_LENGTH &&
      a.phoneticConsonants === b.phoneticConsonants);
  return same && a.weight === DISTINCTIVE_TOKEN_WEIGHT && b.weight === DISTINCTIVE_TOKEN_WEIGHT;
}

/** True when the token is an abbreviation of the word (stemmed): its first meaning or another listed. */
export function abbreviatesWord(token: WeightedToken, word: string): boolean {
  return token.abbreviates === word || (token.alsoAbbreviates?.includes(word) ?? false);
}

/** 1 for equal tokens; Jaro-Winkler for two long-enough alphabetic tokens at or above the threshold; else 0. */
export function tokenSimilarity(a: string, b: string, threshold: number = DEFAULT_TOKEN_SIMILARITY_THRESHOLD): number {
  if (a === b) return 1;
  if (a.length < MIN_FUZZY_TOKEN_LENGTH || b.length < MIN_FUZZY_TOKEN_LENGTH) return 0;
  if (jaroWinklerUpperBound(a.length, b.length) < threshold) return 0;
  if (/[0-9]/.test(a) || /[0-9]/.test(b)) return 0;
  const similarity = jaroWinkler(a, b);
  if (similarity >= threshold) return similarity;
  // Jaro-Winkler counts a substituted letter in a long word as more than one error (Mlcrosystems).
  return Math.min(a.length, b.length) >= MIN_TYPO_TOKEN_LENGTH && withinOneEdit(a, b) ? TYPO_SIMILARITY : 0;
}

/**
 * A folded Latin token as it sounds, for words that romanisations spell apart even after folding:
 * English c and Russian/Greek kh written ch are k and h (Vector = Vektor, Rostech = Rostekh,
 * Chatzi = Hatzi); Greek μπ, ντ, γκ at the start of a word are b, d, g, and μπ inside is b
 * (Mpakalis = Bakalis, Nampi = Nabi, Ntaniel = Daniel); an Arabic ج at the start, written j, dj or
 * (Egyptian) g, is one sound (Jamal = Djamal = Gamal). Only compared between distinctive words.
 */
export function phoneticKey(folded: string): string {
  return (
    folded
      .replace(/^d?i(?=[aeou])/, 'g')
      .replace(/^mp/, 'b')
      .replace(/^nt/, 'd')
      .replace(/^gk/, 'g')
      // A z that begins a word is ts in German and Hebrew romanisation (Zentr = Tsentr, Zafon = Tzafon; ts is folded c).
      .replace(/^z/, 'c')
      .replace(/m[pb]/g, 'b')
      // OCR reads cl as d (Darion for Clarion).
      .replace(/cl/g, 'd')
      .replace(/ch/g, 'h')
      .replace(/c/g, 'k')
      // Thai, Hindi and Greek ph is an aspirated p, which English spellings drop (Phraya, Praya), as Persian
      // writes Pars for Fars: folded ph is f, so f and p are one sound here.
      .replace(/f/g, 'p')
      // OCR and typing read rn as m (Kamaphuli for Karnaphuli).
      .replace(/rn/g, 'm')
      .replace(/([a-z])\1+/g, '$1')
  );
}

// A distinctive word cut short (Viet for Vietnam, Intl for International aside, which are listed):
// four letters or more, and at least two letters left off.
function truncates(short: string, long: string): boolean {
  return short.length >= 4 && long.length >= short.length + 2 && long.startsWith(short) && !/[0-9]/.test(short);
}

// The article written solid before the name (AlNoor, Elgamal), or, in Urdu and Malay names, the
// -ul joined to the word before it (Nurul Haq = Noor ul Haq; Shamsul, Badrul).
function hasSolidArticle(long: string, short: string): boolean {
  return (
    short.length >= 3 &&
    long.length === short.length + 2 &&
    ((/^[ae]l/.test(long) && long.endsWith(short)) || (long.endsWith('ul') && long.startsWith(short)))
  );
}

/**
 * Folds a lower-case ASCII token so that the usual romanisations of one spelling meet: x → ks,
 * Polish szcz/sz/cz → shch/sh/ch, shch/sch → sh, tsch/tch → ch, kh → h, ts/tz → c, zh → z, ck → k, ph → f, q → k, w → v, y/j → i,
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
  // Pinyin ü is written v where the keyboard has no ü (Lvyuan = Lǜyuán, Nvshen = Nǚshén): lv and nv at
  // the start of a word before a consonant or y, where no Slavic word has them (Lviv keeps its v).
  [/^([ln])v(?=[^aeiouv]|$)/, '$1u'],
  // Wade-Giles hs (Hsinhua, Hsu) is pinyin x; no other romanisation starts a word with hs.
  [/^hs/, 'x'],
  [/x/g, 'ks'],
  // Polish romanisation of Cyrillic (and Polish names) write ш, щ and ч as sz, szcz and cz
  // (Czastotomiery = Chastotomery): the English digraphs, folded as those are.
  [/szcz/g, 'shch'],
  [/sz/g, 'sh'],
  [/cz/g, 'ch'],
  [/shch/g, 'sh'],
  [/tsch/g, 'ch'],
  [/sch/g, 'sh'],
  [/tch/g, 'ch'],
  // Persian and Arabic ق and غ are written gh, q or k (Ghods, Qods): one letter.
  [/gh/g, 'k'],
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

/**
 * A folded romanisation of Korean as it sounds, so that Revised Romanization (what Hangul is
 * romanised to here), McCune-Reischauer and the spellings firms registered decades ago meet:
 * eo and eu (ㅓ, ㅡ) are the u of Samsung, Hyundai and Kumho; ae and ai (ㅐ) one vowel; hw and wh
 * (화: Hanwha, hwa) one w, and w before u or o silent (Daewoo, 대우 daeu); ch (McCune-Reischauer
 * for ㅈ, folded j) as j; g/k, d/t, b/p as one letter each (the plain stops are voiced between
 * vowels and the romanisations disagree on them: Kumho, 금호 geumho); r and l one liquid.
 * Compared only against syllables written in Hangul, never between two Latin names.
 */
export function koreanKey(folded: string): string {
  return folded
    .replace(/e[ou]/g, 'u')
    .replace(/a[ei]/g, 'a')
    .replace(/hv|vh/g, 'v')
    .replace(/v(?=[uo])/g, '')
    .replace(/ch/g, 'i')
    .replace(/sh/g, 's')
    .replace(/g/g, 'k')
    .replace(/d/g, 't')
    .replace(/b/g, 'p')
    .replace(/r/g, 'l')
    .replace(/([a-z])\1+/g, '$1');
}

/**
 * The consonants of a long folded word with the letters the romanisations of Cyrillic write apart
 * merged: ж, ш and щ (zh, sh, German sch, French j, and the s that Turkish and Kazakh ş lose in
 * ASCII) are one s, with z and s; х and ч (kh, h, German ch, English ch) are one h; vowels and
 * i/y/j dropped. German Ischtechenergomasch, BGN Izhtekhenergomash and ISO 9 Ižtehènergomaš meet.
 */
export function compoundKey(folded: string): string {
  return folded
    .replace(/[sz]h|ch|[sz]/g, (pair) => (pair === 'ch' ? 'h' : 's'))
    .replace(/[aeiouy]/g, '')
    .replace(/([a-z])\1+/g, '$1');
}

/**
 * A folded romanisation of Japanese as it sounds, so that Hepburn, Kunrei-shiki and the registered
 * spellings of one word meet: a long vowel written with a macron, doubled, as ou or with an h
 * (ō, oo, ou, oh: folded o or u) is its short vowel, and o and u are one vowel here because folding
 * has already made ou and oo a u; Kunrei si, ti, tu, hu, zi and sy, ty, zy before a vowel are Hepburn
 * shi, chi, tsu, fu, ji and sh, ch, j (folded: s, t, c, f, i; ji folds to i). Compared only between two Latin words.
 */
export function japaneseKey(folded: string): string {
  return (
    folded
      .replace(/oh(?![aeiou])/g, 'o')
      // ん before b, p and m is m in traditional Hepburn, n in revised Hepburn and Kunrei (Dempa = Denpa).
      .replace(/m(?=[bpm])/g, 'n')
      .replace(/sh/g, 's')
      .replace(/ch/g, 't')
      .replace(/([st])i(?=[aou])/g, '$1')
      .replace(/zi/g, 'i')
      .replace(/c/g, 't')
      .replace(/f/g, 'h')
      .replace(/u/g, 'o')
      .replace(/([a-z])\1+/g, '$1')
  );
}

/**
 * A Cantonese syllable in Jyutping (what `to-jyutping` reads a character as) spelt the way the Hong
 * Kong government romanisation writes names: 華光 waa gwong → Wa Kwong, 德信 dak seon → Tak Shun,
 * 張 zoeng → Cheung. Before folding; {@link cantoneseKey} then merges what the spellings still vary on.
 */
export function hongKongSpelling(jyutping: string): string {
  return jyutping
    .toLowerCase()
    .replace(/[0-9]/g, '')
    .replace(/oeng/g, 'eung')
    .replace(/oek/g, 'euk')
    .replace(/un$/, 'oon')
    .replace(/eon/g, 'un')
    .replace(/eot/g, 'ut')
    .replace(/eoi/g, 'ui')
    .replace(/yu/g, 'u')
    .replace(/ou$/, 'o')
    .replace(/aa/g, 'a')
    .replace(/^gw/, 'kw')
    .replace(/^[zc]/, 'ch')
    .replace(/^j/, 'y');
}

/**
 * A folded Latin token as a Cantonese name could be spelt: Hong Kong writes the aspirated and plain
 * stops alike (Tak for d and t), ch or ts for Jyutping z and c, sh or s, and an h after an open
 * vowel (Wah). Compared only against syllables written in Chinese characters, never between two Latin names.
 */
export function cantoneseKey(folded: string): string {
  return folded
    .replace(/h$/, '')
    .replace(/sh/g, 's')
    .replace(/ch|z/g, 'c')
    .replace(/ei$/, 'e')
    .replace(/b/g, 'p')
    .replace(/d/g, 't')
    .replace(/(?<!n)g/g, 'k')
    .replace(/([a-z])\1+/g, '$1');
}

/**
 * A folded Latin token as unvocalised Hebrew script writes it, for comparison with a word in that
 * script (data/hebrew-script.json): vowels dropped (the script writes few, and א ע ו י stand for
 * vowels inside a word); one letter each for what Hebrew writes with one letter: b/v (ב), p/f
 * (פ), k/kh/ch/h (כ, ח; ה too, since Latin h stands for any of them), s/sh (ש), c for ts/tz (צ);
 * th and t one t (ת). A final h is the vowel ה (Tova, Hadasah). Loose, hence {@link HEBREW_SCRIPT_SIMILARITY}.
 */
export function hebrewKey(folded: string): string {
  return folded
    .replace(/th/g, 't')
    .replace(/ch|sh/g, (pair) => (pair === 'ch' ? 'k' : 's'))
    .replace(/h$/, '')
    .replace(/[aeiouy]/g, '')
    .replace(/[vw]/g, 'b')
    .replace(/f/g, 'p')
    .replace(/[hq]/g, 'k')
    .replace(/([a-z])\1+/g, '$1');
}

// A Hebrew key read again as Latin text must stay itself (normalisation is idempotent): folded as
// Latin words are (ת ש, t s, would fold to c; צ is c already), on both sides of a comparison.
function foldedHebrewKey(key: string): string {
  return foldToken(key);
}

/**
 * The consonants of a folded Latin token, as Arabic script would write them: th → s, dh → z,
 * gh → g, then vowels dropped, and a final h (a Persian final -e, an Arabic -ah) dropped. Reading:
 * ALA-LC romanisation, folded the way {@link foldToken} folds Latin spellings.
 */
export function consonantKey(folded: string): string {
  return (
    folded
      .replace(/th/g, 's')
      .replace(/dh/g, 'z')
      .replace(/gh/g, 'g')
      // v and w as vowels too: Persian و between vowels is written v in Latin (Noavaran) and not at all in the script.
      .replace(/[aeiouvw]/g, '')
      // Arabic ق is q, k or (in the Gulf and Egypt) g, and غ gh or g: one consonant (Qudra / Gudra, Barq / Barg).
      .replace(/g/g, 'k')
      .replace(/([a-z])\1+/g, '$1')
      .replace(/(.)h$/, '$1')
  );
}

// Arabic and Persian letters (with presentation forms), the zero-width non-joiner Persian writes
// inside words, and the tatweel and vowel marks, which are dropped.
const ARABIC_WORD = /[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff\u200c]+/g;
const ARABIC_MARKS = /[\u064b-\u065f\u0670\u0640\u200c]/g;
const ARABIC_LETTERS: ReadonlyMap<string, string> = new Map(Object.entries(arabicScriptData.letters));
const ARABIC_VOWEL_LETTERS: ReadonlySet<string> = new Set(arabicScriptData.vowelLetters);
const ARABIC_WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries(arabicScriptData.words).map(([word, stem]) => [word.replace(ARABIC_MARKS, ''), stem] as const),
);

interface RawToken {
  readonly text: string;
  readonly arabicScript: boolean;
  readonly hebrewScript?: boolean;
  readonly syllable?: 'han' | 'hangul';
  readonly cantonese?: string;
}

/**
 * One word in Arabic script as Latin text: a known corporate word as its stem (or nothing, for a
 * legal form), otherwise its consonant skeleton without the article (al-, lil-, wal-, bil-), so that
 * النور and Al Noor both come to n-r. Not a transliteration: vowels cannot be recovered, so the
 * skeleton is compared only by its consonants.
 */
function arabicWord(word: string): RawToken[] {
  // An Abd name written solid keeps no article: عبدالرحمن is Abd + Rahman, as the Latin forms are
  // read (Abdulrahman, Abd al-Rahman → abdrahman).
  const bare = word.replace(ARABIC_MARKS, '').replace(/^عبد ?ال(?=..)/, 'عبد');
  const known = ARABIC_WORDS.get(bare);
  if (known !== undefined) return known === '' ? [] : [{ text: known, arabicScript: false }];
  // A lone letter is an abbreviation (ذ.م.م, a legal form): nothing to compare.
  if ([...bare].length < 2) return [];
  const article = arabicScriptData.prefixes.find(
    (prefix) => bare.startsWith(prefix) && bare.length > prefix.length + 1,
  );
  const stem = article === undefined ? bare : bare.slice(article.length);
  const knownStem = ARABIC_WORDS.get(stem);
  if (knownStem !== undefined) return knownStem === '' ? [] : [{ text: knownStem, arabicScript: false }];
  // Every letter is folded apart from its neighbours: the Latin form writes a vowel between most of
  // them, and two letters side by side must not fold into the digraph of a third (سپاهان is s-p-h-n as
  // Sepahan is, not sfn; کهکشان is k-h-k-sh-n as Kahkeshan is, not the kh of خ; ریخته is r-h-t-h, not th).
  const pieces = [...stem].map((letter, index) =>
    // Waw and ya are long vowels inside a word, consonants (w, y) at its start.
    ARABIC_VOWEL_LETTERS.has(letter) && index > 0 ? '' : (ARABIC_LETTERS.get(letter) ?? ''),
  );
  const text = consonantKey(pieces.map(foldToken).join('-'))
    .replace(/-/g, '')
    .replace(/([a-z])\1+/g, '$1');
  return text === '' ? [] : [{ text, arabicScript: true }];
}

/** Raw tokens before folding: transliterated, lower-cased, abbreviations closed up. */
const WG_INITIALS: readonly (readonly [string, string])[] = wadeGilesData.initials
  .map(([initial, pinyin]) => [initial ?? '', pinyin ?? ''] as const)
  .sort((x, y) => y[0].length - x[0].length);
const WG_PALATALS: ReadonlyMap<string, string> = new Map(wadeGilesData.palatalInitials as [string, string][]);
const WG_FINALS: ReadonlyMap<string, string> = new Map(wadeGilesData.finals as [string, string][]);

/** One Wade-Giles syllable in pinyin (k'ung → kong), or undefined if it is not one. */
function pinyinOfWadeGiles(syllable: string): string | undefined {
  for (const [initial, pinyin] of WG_INITIALS) {
    if (!syllable.startsWith(initial)) continue;
    const final = WG_FINALS.get(syllable.slice(initial.length));
    if (final === undefined) continue;
    // ch and ch' before i or ü are pinyin j and q (Ch'ing → qing), elsewhere zh and ch.
    const palatal = /^[iü]/.test(final) ? WG_PALATALS.get(initial) : undefined;
    return `${palatal ?? pinyin}${final}`;
  }
  return undefined;
}

// A capitalised syllable joined by hyphens to lower-case ones: the way Wade-Giles writes a name.
const WADE_GILES_WORD = /\b[A-Z][a-zü']*(?:-[a-zü'][a-zü']*)+/gu;

/** Rewrites hyphenated Wade-Giles names in pinyin, joined; any other hyphenated word is left as written. */
function wadeGilesToPinyin(text: string): string {
  return text.replace(WADE_GILES_WORD, (word) => {
    const syllables = word
      .toLowerCase()
      .replace(/[\u2019\u02bc\u02bb`]/g, "'")
      .split('-');
    const pinyin = syllables.map(pinyinOfWadeGiles);
    return pinyin.every((syllable) => syllable !== undefined) ? pinyin.join('') : word;
  });
}

// Arabic-Indic and Persian digits (٥, ۵) as ASCII digits: NFKC leaves them, and a house number must meet its Latin form.
function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (digit) => String((digit.codePointAt(0) ?? 0) & 0xf));
}

const GREEK_WORD = /[\u0370-\u03ff\u1f00-\u1fff]+/gu;
const GREEK_DIGRAPHS: readonly (readonly [string, string])[] = Object.entries(greekData.digraphs);
const GREEK_DIPHTHONGS: readonly (readonly [string, string])[] = Object.entries(greekData.diphthongs);

/**
 * Greek digraphs as ELOT 743 romanises them (data/greek.json): ου → ou, αυ → av/af, ευ → ev/ef,
 * γγ → ng; the rest of the word is left to the letter-by-letter transliteration.
 */
function greekDigraphs(text: string): string {
  return text.replace(GREEK_WORD, (word) => {
    let lower = word.toLowerCase();
    for (const [greek, latin] of GREEK_DIGRAPHS) lower = lower.split(greek).join(latin);
    for (const [greek, latin] of GREEK_DIPHTHONGS) {
      lower = lower.replace(new RegExp(`${greek}(.?)`, 'gu'), (_, next: string) =>
        next === '' || greekData.voicelessAfter.includes(next) ? `${latin.slice(0, -1)}f${next}` : `${latin}${next}`,
      );
    }
    return lower;
  });
}

// Hebrew letters (final forms included) and the geresh and gershayim of abbreviations (בע"מ).
const HEBREW_WORD = /[\u05d0-\u05ea\u05f3\u05f4"]+/g;
const HEBREW_LETTERS: ReadonlyMap<string, string> = new Map(Object.entries(hebrewScriptData.letters));
const HEBREW_VOWEL_LETTERS: ReadonlySet<string> = new Set(hebrewScriptData.vowelLetters);
const HEBREW_WORDS: ReadonlyMap<string, string> = new Map(
  Object.entries(hebrewScriptData.words).map(([word, stem]) => [word.replace(/\u05f4/g, '"'), stem] as const),
);

/**
 * One word in Hebrew script as Latin text: a known corporate word as its stem (or nothing, for a
 * legal form such as בע"מ), otherwise its {@link hebrewKey}: the consonants, with א ע and, inside a
 * word, ו and י read as the vowels they mostly are in unvocalised writing, and a final ה as a vowel.
 */
function hebrewWord(word: string): RawToken[] {
  const bare = word.replace(/\u05f4/g, '"').replace(/\u05f3/g, "'");
  const unprefixed = hebrewScriptData.prefixes.some((prefix) => bare.startsWith(prefix)) ? bare.slice(1) : bare;
  const known = [bare, bare.replace(/["']/g, ''), unprefixed]
    .map((form) => HEBREW_WORDS.get(form))
    .find((stem) => stem !== undefined);
  if (known !== undefined) return known === '' ? [] : [{ text: known, arabicScript: false }];
  const letters = [...bare.replace(/["']/g, '')];
  const text = letters
    .map((letter, index) => {
      if (HEBREW_VOWEL_LETTERS.has(letter) && index > 0) return '';
      if (letter === 'ה' && index === letters.length - 1) return '';
      return HEBREW_LETTERS.get(letter) ?? '';
    })
    .join('')
    .replace(/([a-z])\1+/g, '$1');
  return text === '' ? [] : [{ text: foldedHebrewKey(text), arabicScript: false, hebrewScript: true }];
}

// Chinese characters (CJK unified ideographs, extension A, compatibility forms) and Hangul syllables.
const HAN_RUN = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+/;
const HANGUL_RUN = /[\uac00-\ud7af]+/;
const EAST_ASIAN_RUNS = /([\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|[\uac00-\ud7af]+)/;

/**
 * Chinese characters as toneless pinyin syllables, by `pinyin-pro`, which reads a character by the
 * word it stands in (重庆 chong qing, 厦门 xia men, 银行 yin hang), where a character-by-character
 * table takes the commonest reading (zhong, sha, xing).
 */
function hanSyllables(run: string): string[] {
  const characters = [...run];
  return pinyin(run, { toneType: 'none', type: 'array' }).map((syllable, index) => {
    const latin = syllable.replace(/ü/g, 'u').toLowerCase();
    // A rare character pinyin-pro has no reading for comes back as itself: the table's reading then.
    return /^[a-z]+$/.test(latin)
      ? latin
      : transliterate(characters[index] ?? '')
          .toLowerCase()
          .replace(/[^a-z]/g, '');
  });
}

/**
 * The Cantonese readings of Chinese characters, by `to-jyutping`, in Hong Kong spelling and folded
 * (see hongKongSpelling): firms of Hong Kong and Macao write their names so (華光 Wah Kwong, not
 * Huaguang). One per character, or none when the reading of some character is unknown.
 */
function cantoneseSyllables(run: string): readonly string[] | undefined {
  const readings = ToJyutping.getJyutpingList(run).map(([, jyutping]) => jyutping);
  return readings.every((reading): reading is string => typeof reading === 'string' && reading !== '')
    ? readings.map((reading) => foldToken(hongKongSpelling(reading)))
    : undefined;
}

/**
 * Hangul, one syllable at a time, in the Revised Romanization of Korean by `es-hangul`. Syllable by
 * syllable, not word by word: firms spell their names syllable by syllable (Jongro, not the
 * assimilated Jongno), and the syllables then meet a Latin word of the other name as Chinese
 * syllables do (see alignJoined, koreanKey).
 */
function hangulSyllables(run: string): string[] {
  return [...run].map(romanisedSyllable).filter((syllable) => syllable !== '');
}

// Hangul has 11,172 syllables and romanising one costs more than the rest of a name's preparation:
// each is romanised once.
const ROMANISED_SYLLABLES = new Map<string, string>();

function romanisedSyllable(syllable: string): string {
  const known = ROMANISED_SYLLABLES.get(syllable);
  if (known !== undefined) return known;
  const latin = romanize(syllable)
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  ROMANISED_SYLLABLES.set(syllable, latin);
  return latin;
}

// Legal forms written in characters or Hangul, longest first.
const CJK_LEGAL_FORMS = /(股份有限公司|有限责任公司|有限責任公司|有限公司|株式会社|有限会社|주식회사|유한회사)/g;

function rawTokens(text: string): RawToken[] {
  // 市 区 省 县 (city, district, province, county) follow a place name written in Chinese and are
  // left out when it is romanised (深圳市 = Shenzhen). (주) is the abbreviation of 주식회사 (a company limited by shares).
  const normalised = asciiDigits(text.normalize('NFKC'))
    .replace(/[市区區省县縣]/g, ' ')
    // 厂 (factory, plant) ends the names of Chinese works (南京紫峰雷达元件厂 = ... Components Factory):
    // read as the word, not as the syllable chang of a name.
    .replace(/[厂廠](?=$|[\s(（]|有限|股份)/g, ' factory ')
    // A legal form written in characters or Hangul is read on its own, not with the name it follows
    // or precedes: pinyin-pro reads a run by context, and 株式会社北斗 as one run gives zhu shi hui
    // she bei dou, where she bei (设备, equipment) swallows the name's first syllable.
    .replace(CJK_LEGAL_FORMS, ' $1 ')
    // The katakana middle dot separates the words of a name written in katakana (カナメ・フォトニクス).
    .replace(/[・･]/g, ' ')
    .replace(/\(주\)/g, ' 주식회사 ');
  const arabic: RawToken[] = [];
  const latin = normalised
    .replace(ARABIC_WORD, (word) => {
      // Persian writes the parts of a compound with a zero-width non-joiner between them (کهکشان‌گستر),
      // which Latin forms write as two words (Kahkeshan Gostar): read as two words; a final ه before
      // it is the vowel -e it is at the end of a word (ریخته‌گران, Rikhte-garan).
      for (const part of word.replace(/ه\u200c/g, '\u200c').split('\u200c')) arabic.push(...arabicWord(part));
      return ' ';
    })
    .replace(HEBREW_WORD, (word) => {
      arabic.push(...hebrewWord(word));
      return ' ';
    });
  // Chinese characters and Hangul in the order written, syllable by syllable: their syllables
  // meet a Latin word of the other name as a run (see alignJoined).
  const tokens = latin.split(EAST_ASIAN_RUNS).flatMap((segment): RawToken[] => {
    const syllables = HAN_RUN.test(segment)
      ? { script: 'han' as const, texts: hanSyllables(segment) }
      : HANGUL_RUN.test(segment)
        ? { script: 'hangul' as const, texts: hangulSyllables(segment) }
        : undefined;
    if (syllables === undefined) return latinTokens(segment);
    const cantonese = syllables.script === 'han' ? cantoneseSyllables(segment) : undefined;
    const aligned = cantonese !== undefined && cantonese.length === syllables.texts.length ? cantonese : undefined;
    // A character without any reading (a rare one, or a private-use code point) is left out.
    const read = syllables.texts.flatMap((text, index) => (text === '' ? [] : [{ text, reading: aligned?.[index] }]));
    // A character alone is read as any Latin word would be: the syllables of a name of several are
    // kept whatever they spell (see dropNoise).
    return read.map(({ text, reading }): RawToken => {
      if (read.length < 2) return { text, arabicScript: false };
      return {
        text,
        arabicScript: false,
        syllable: syllables.script,
        ...(reading === undefined ? {} : { cantonese: reading }),
      };
    });
  });
  return [...tokens, ...arabic];
}

// Scientific and ISO 9 transliteration of Cyrillic writes the hushing sounds with a háček (Ščit,
// Čeljabinsk, Žukovskij) where BGN/PCGN and passports write digraphs (Shchit, Chelyabinsk,
// Zhukovskiy): read as the digraphs before the accents go, or Ščit would be Scit. Only the háček:
// Turkish ş and ç are dropped to s and c, as Turkish firms themselves write them without accents.
// ISO 9 writes щ as ŝ (Ŝëlkovo = Shchyolkovo); Esperanto's ŝ is sh, which shch folds to as well.
const HACEK_LETTERS: Readonly<Record<string, string>> = {
  š: 'sh',
  č: 'ch',
  ž: 'zh',
  ŝ: 'shch',
  Š: 'Sh',
  Č: 'Ch',
  Ž: 'Zh',
  Ŝ: 'Shch',
};

// The Kazakh letters of Cyrillic, which the transliteration library writes with an apostrophe (қ k')
// or a symbol (ә @) that split the word (Құю read as the lone iu): read as Kazakh Latin writes them.
const KAZAKH_LETTERS: Readonly<Record<string, string>> = {
  қ: 'q',
  ғ: 'gh',
  ұ: 'u',
  ү: 'u',
  ә: 'a',
  ө: 'o',
  ң: 'ng',
  һ: 'h',
  і: 'i',
  Қ: 'Q',
  Ғ: 'Gh',
  Ұ: 'U',
  Ү: 'U',
  Ә: 'A',
  Ө: 'O',
  Ң: 'Ng',
  Һ: 'H',
  І: 'I',
};

// McCune-Reischauer writes the Korean vowels ㅓ and ㅡ with a breve (Chŏngmil, Kŭmsong) where the
// Revised Romanization writes eo and eu (Jeongmil, Geumseong): read as those before the accents go.
// Not ŭ after a vowel: that is the Belarusian ŭ of Łacinka (Mahilioŭski), a w.
function mccuneReischauerVowels(text: string): string {
  return text.replace(/[ŏŎ]/g, (letter) => (letter === 'ŏ' ? 'eo' : 'Eo')).replace(/(?<![aeiouyAEIOUY])ŭ/g, 'eu');
}

// Azerbaijani Latin writes ə for a and x for kh (Xəzər = Khazar): in a word with ə, x is kh, not ks.
function azerbaijaniLetters(text: string): string {
  return text.replace(/[\p{L}]*[əƏ][\p{L}]*/gu, (word) =>
    word
      .replace(/[əƏ]/g, (letter) => (letter === 'ə' ? 'a' : 'A'))
      .replace(/[xX]/g, (letter) => (letter === 'x' ? 'kh' : 'Kh')),
  );
}

// OCR and retyping read a lower-case l as a capital I (AItiva for Altiva): a capital I between a
// capital and lower-case letters, where no word has one, is an l. An acronym before a word (AI Labs) keeps its space.
function ocrCapitalI(text: string): string {
  return text.replace(/(?<=\b\p{Lu})I(?=\p{Ll}{2})/gu, 'l');
}

function latinTokens(text: string): RawToken[] {
  const ascii = transliterate(
    mccuneReischauerVowels(azerbaijaniLetters(greekDigraphs(wadeGilesToPinyin(ocrCapitalI(text)))))
      .replace(/[šČčŠžŽŝŜ]/g, (letter) => HACEK_LETTERS[letter] ?? letter)
      .replace(/[қғұүәөңһіҚҒҰҮӘӨҢҺІ]/g, (letter) => KAZAKH_LETTERS[letter] ?? letter),
  ).toLowerCase();
  const spelled = ascii
    .replace(/\bint'l\b/g, 'intl')
    // An apostrophe inside a word marks an ayn, a hamza or an aspirate (Mu'assasat, Tose'e, Xi'an): not a word break.
    // Not after a lone letter: d'Électronique and l'Est are elisions, two words.
    .replace(/([a-z]{2})['\u2019\u02bc\u02bb`]([a-z])/g, '$1$2')
    .replace(/[&+]/g, ' and ')
    // Dotted abbreviations: S.p.A, L.L.C., A. E. → spa, llc, ae.
    .replace(/\b[a-z](?:\.\s?[a-z]\b)+\.?/g, (match) => ` ${match.replace(/[.\s]/g, '')} `);
  return spelled
    .split(/[^a-z0-9]+/)
    .filter((token) => token !== '')
    .map((token) => ({ text: token, arabicScript: false }));
}

function foldedTokens(text: string): string[] {
  return foldedRawTokens(text).map((token) => token.text);
}

function foldedRawTokens(text: string): RawToken[] {
  // A skeleton of Arabic script is folded already, letter group by letter group (see arabicWord).
  return rawTokens(text).map((token) =>
    token.arabicScript || token.hebrewScript === true ? token : { ...token, text: foldToken(token.text) },
  );
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
    for (const variant of withCompanyAbbreviated(foldedTokens(entry))) {
      const tokens = variant.map(stem);
      if (tokens.length === 1 && tokens[0] !== undefined) singles.add(tokens[0]);
      else if (tokens.length > 1) phrases.push(tokens);
    }
  }
  // Longest first, so "closed joint stock company" goes before "joint stock company".
  phrases.sort((x, y) => y.length - x.length);
  return { singles, phrases };
}

/**
 * A folded phrase, and the same with "company" written "co" when it has the word: a form of several
 * words is written either way (Public Joint Stock Company, Public Joint Stock Co.).
 */
function withCompanyAbbreviated(words: readonly string[]): readonly (readonly string[])[] {
  const company = foldToken('company');
  return words.length > 1 && words.includes(company)
    ? [words, words.map((word) => (word === company ? 'co' : word))]
    : [words];
}

/** Abbreviations that may stand for a corporate word, and that word (see ABBREVIATION_SIMILARITY). */
const ABBREVIATIONS: readonly (readonly [string, string])[] = corporateWordsData.abbreviations.map(
  (entry) => [entry.abbreviation, entry.stem] as const,
);

function stemToken(entry: { readonly stem: string; readonly kind: string }): WeightedToken {
  const text = foldedTokens(entry.stem).join('');
  const kind = entry.kind as TokenClass;
  return {
    text,
    weight:
      kind === 'filler'
        ? FILLER_TOKEN_WEIGHT
        : kind === 'distinctive'
          ? DISTINCTIVE_TOKEN_WEIGHT
          : DESCRIPTIVE_TOKEN_WEIGHT,
    consonants: consonantKey(text),
  };
}

// A map from every folded one-word variant (and the stem itself, so that stemming a stem changes
// nothing) to the folded stem and its weight; variants of several words (pinyin syllables written
// apart) are phrases, replaced before single words are looked up.
const STEMS: ReadonlyMap<string, WeightedToken> = new Map(
  CORPORATE_WORDS.flatMap((entry) =>
    [entry.stem, ...entry.words].flatMap((word) => {
      const folded = foldedTokens(word);
      return folded.length === 1 ? [[folded.join(''), stemToken(entry)] as const] : [];
    }),
  ),
);

const STEM_PHRASES: readonly { readonly words: readonly string[]; readonly stem: WeightedToken }[] =
  CORPORATE_WORDS.flatMap((entry) =>
    entry.words.flatMap((word) => {
      // Compared with tokens already stemmed one by one: torgovyi dom is trading + dom by then.
      const folded = foldedTokens(word).map((token) => STEMS.get(token)?.text ?? token);
      return folded.length > 1 ? [{ words: folded, stem: stemToken(entry) }] : [];
    }),
  ).sort((x, y) => y.words.length - x.words.length);

const PLACE_ALIASES: ReadonlyMap<string, string> = new Map(
  PLACE_NAMES.flatMap(({ name, variants }) => {
    const canonical = foldedTokens(name).join('');
    // A short key from another script (an Arabic-script skeleton such as d for جدة) would turn
    // ordinary words into cities; a short Latin variant is an abbreviation written so (HK, SPb, RAK).
    return [name, ...variants]
      .map((variant) => [foldedTokens(variant).join(''), canonical, /^[a-z .-]+$/i.test(variant)] as const)
      .filter(([variant, , latin]) => variant.length >= 4 || variant === canonical || (latin && variant.length >= 2))
      .map(([variant]) => [variant, canonical] as const);
  }),
);

// An abbreviation listed for several words (Elec. for Electric and Electronic) stands for each: the
// first listed is the one it is stemmed as, the others it also meets.
const ABBREVIATED: ReadonlyMap<string, WeightedToken> = ABBREVIATIONS.reduce((byText, [abbreviation, word]) => {
  const text = foldedTokens(abbreviation).join('');
  const stem = STEMS.get(foldedTokens(word).join(''));
  const abbreviates = stem?.text ?? word;
  const known = byText.get(text);
  if (known === undefined) {
    byText.set(text, {
      text,
      weight: stem?.weight ?? DESCRIPTIVE_TOKEN_WEIGHT,
      abbreviates,
      consonants: consonantKey(text),
    });
  } else if (known.abbreviates !== abbreviates && !(known.alsoAbbreviates ?? []).includes(abbreviates)) {
    byText.set(text, { ...known, alsoAbbreviates: [...(known.alsoAbbreviates ?? []), abbreviates] });
  }
  return byText;
}, new Map<string, WeightedToken>());

// Corporate words by first letter and length, so that looking for a misspelling scans a handful.
const STEM_VARIANTS: ReadonlyMap<string, readonly (readonly [string, WeightedToken])[]> = [...STEMS.entries()].reduce(
  (buckets, entry) => {
    const key = `${entry[0][0] ?? ''}${entry[0].length}`;
    buckets.set(key, [...(buckets.get(key) ?? []), entry]);
    return buckets;
  },
  new Map<string, (readonly [string, WeightedToken])[]>(),
);

// Legal forms are stemmed as names are, but never taken for misspellings.
const NAME_NOISE = vocabulary(
  [...LEGAL_FORMS, ...STOP_WORDS],
  (token) => STEMS.get(token)?.text ?? ABBREVIATED.get(token)?.text ?? token,
);
const ADDRESS_NOISE = vocabulary(ADDRESS_NOISE_WORDS, (token) => token);

function stemOf(token: string): WeightedToken {
  // A known city is itself, not a misspelling of a corporate word (Hongkong is not Hangkong, aviation).
  return (
    STEMS.get(token) ??
    ABBREVIATED.get(token) ??
    (CITY_WORDS.has(token) ? undefined : misspeltStem(token)) ??
    solidArticleStem(token) ??
    latinStem(token)
  );
}

/**
 * The corporate word behind the Arabic article written solid with it (Alhandasa = Al-Handasa,
 * engineering; Elkahraba = El Kahraba): the article is dropped where it stands apart, so it is here.
 * Only before a listed corporate word of five letters or more, so a name that merely starts with
 * al or el (Altech, Elvira) keeps its own word.
 */
function solidArticleStem(token: string): WeightedToken | undefined {
  const article = /^(?:al|el)(.{5,})$/.exec(token);
  return article?.[1] === undefined ? undefined : STEMS.get(article[1]);
}

function latinStem(token: string): WeightedToken {
  return {
    text: token,
    weight: DISTINCTIVE_TOKEN_WEIGHT,
    consonants: consonantKey(token),
    phonetic: phoneticKey(token),
    korean: koreanKey(token),
    japanese: japaneseKey(token),
    phoneticConsonants: consonantKey(phoneticKey(token)),
    // Always present, undefined where they do not apply: one object shape for every Latin word keeps
    // the comparisons of the denial index monomorphic (optional properties made screening a third slower).
    egyptianConsonants: token.includes('g') ? consonantKey(token.replace(/g/g, '')) : undefined,
    compound: token.length >= MIN_COMPOUND_TOKEN_LENGTH ? compoundKey(token) : undefined,
  };
}

/**
 * The corporate word an unknown word of seven letters or more is a misspelling of (Tecnical,
 * Industires, Electornics), if one is that close; names are prepared once, so the scan is cheap.
 */
function misspeltStem(token: string): WeightedToken | undefined {
  if (token.length < 7 || /[0-9]/.test(token)) return undefined;
  let best: WeightedToken | undefined;
  let bestSimilarity = MISSPELT_CORPORATE_WORD_SIMILARITY;
  const nearby = [token.length - 1, token.length, token.length + 1].flatMap(
    (length) => STEM_VARIANTS.get(`${token[0] ?? ''}${length}`) ?? [],
  );
  for (const [variant, stem] of nearby) {
    // Jaro-Winkler counts one substituted letter in a long word as more than one error (Avtamatika).
    const similarity = Math.max(
      jaroWinkler(token, variant),
      token.length >= MIN_TYPO_TOKEN_LENGTH && withinOneEdit(token, variant) ? MISSPELT_CORPORATE_WORD_SIMILARITY : 0,
    );
    if (similarity >= bestSimilarity && (best === undefined || similarity > bestSimilarity || stem.text < best.text)) {
      best = stem;
      bestSimilarity = similarity;
    }
  }
  return best;
}

function stemmedToken(token: RawToken): WeightedToken {
  // A skeleton of Arabic script is its own consonant key, a word of Hebrew script its own key;
  // neither is ever a corporate word (those are mapped from the script itself, data/arabic-script.json
  // and data/hebrew-script.json).
  if (token.arabicScript) {
    return { text: token.text, weight: DISTINCTIVE_TOKEN_WEIGHT, consonants: token.text, arabicScript: true };
  }
  if (token.hebrewScript === true) return { text: token.text, weight: DISTINCTIVE_TOKEN_WEIGHT, hebrewScript: true };
  // A syllable of a name in characters or Hangul is a whole word or part of one, never a Latin
  // abbreviation or a misspelling: 산 san (부산, Busan) is not San. (Sanayi, industry); 산업 saneop is.
  const stemmed = token.syllable === undefined ? stemOf(token.text) : (STEMS.get(token.text) ?? latinStem(token.text));
  return token.syllable !== undefined && stemmed.text === token.text
    ? { ...stemmed, syllable: token.syllable, ...(token.cantonese === undefined ? {} : { cantonese: token.cantonese }) }
    : stemmed;
}

/** The positions of the words that belong to a multi-word variant of a corporate word. */
function stemPhraseWords(texts: readonly string[]): ReadonlySet<number> {
  const covered = new Set<number>();
  if (texts.length < 2) return covered;
  const tokens = texts.map((text) => ({ text }));
  const present = new Set(texts);
  for (const phrase of STEM_PHRASES) {
    if (!present.has(phrase.words[0] ?? '')) continue;
    const at = indexOfPhrase(tokens, phrase.words);
    if (at >= 0) phrase.words.forEach((_, offset) => covered.add(at + offset));
  }
  return covered;
}

/** Replaces each multi-word variant of a corporate word (ji shu, you xian gong si) by its stem. */
function replaceStemPhrases(tokens: readonly WeightedToken[]): WeightedToken[] {
  let current = [...tokens];
  // Only the phrases whose first word the name has (a few of the hundreds): same order, same result.
  const present = new Set(current.map((token) => token.text));
  for (const phrase of STEM_PHRASES) {
    if (!present.has(phrase.words[0] ?? '')) continue;
    present.add(phrase.stem.text);
    for (let at = indexOfPhrase(current, phrase.words); at >= 0; at = indexOfPhrase(current, phrase.words)) {
      current = [...current.slice(0, at), phrase.stem, ...current.slice(at + phrase.words.length)];
    }
  }
  return current;
}

/**
 * A word of a name read by OCR or typed with a digit for a letter (Ad0nis, 0pto-Elektron, Di1mun):
 * 0 for o and 1 for l, in a word of three letters or more whose only digits are these. Names are
 * seldom written with a digit inside a word; house numbers are addresses, never names.
 */
function ocrDigits(token: RawToken): RawToken {
  if (token.arabicScript || token.hebrewScript === true || !/^[a-z]*[01][a-z01]*$/.test(token.text)) return token;
  if (token.text.replace(/[01]/g, '').length < 3) return token;
  return { ...token, text: foldToken(token.text.replace(/0/g, 'o').replace(/1/g, 'l')) };
}

// The year of incorporation Israeli (and some other) registers add to a name in parentheses
// (Shaked Avionics (1998) Ltd.): part of the registered name, but firms leave it out in trade.
const YEAR_IN_PARENTHESES = /\((?:19|20)[0-9]{2}\)/g;

function nameTokens(name: string): WeightedToken[] {
  const raw = joinArabicAbd(
    dropNoise(
      joinHanPlaces(
        replacePlacePhrases(
          foldedRawTokens(name.replace(YEAR_IN_PARENTHESES, ' ').replace(CJK_LEGAL_FORMS, ' ')).map(ocrDigits),
          NAME_PLACE_PHRASES,
        ),
      ),
      NAME_DESCRIPTORS,
    ),
  );
  // Old postal spellings of cities (Soochow, Peking) are part of many Chinese firms' names; a city
  // in a name (Ningbo Hengtai, Balkan Optronics Beograd) says where the firm is, not which it is.
  // (A legal form in characters or Hangul is left out before: its syllables would otherwise run
  // into the corporate phrases of the name next to it, 株式会社北斗 zhu shi hui [she bei] dou.)
  // A word that is part of a corporate phrase (Vietnamese vien thong, telecom) is not read as a
  // place it happens to spell (vien, Vienna's Wien folded).
  const inPhrase = stemPhraseWords(raw.map((token) => STEMS.get(token.text)?.text ?? token.text));
  const stemmed = replaceStemPhrases(
    raw.map((token, index) => {
      if (token.arabicScript || token.hebrewScript === true) return stemmedToken(token);
      const text = inPhrase.has(index)
        ? token.text
        : (PLACE_ALIASES.get(token.text) ?? cityOfAdjective(token.text) ?? token.text);
      const stemmed = stemmedToken({ ...token, text });
      return CITY_WORDS.has(text) && stemmed.weight === DISTINCTIVE_TOKEN_WEIGHT
        ? { ...stemmed, weight: FILLER_TOKEN_WEIGHT }
        : stemmed;
    }),
  );
  let kept = dropNoise(stemmed, NAME_NOISE);
  for (let acronym = acronymIndex(kept); acronym >= 0; acronym = acronymIndex(kept)) {
    kept = dropNoise([...kept.slice(0, acronym), ...kept.slice(acronym + 1)], NAME_NOISE);
  }
  return kept.length > 0 ? kept : stemmed;
}

// Descriptors dropped as written, before corporate words are stemmed (Sanayi ve Ticaret would
// otherwise become "industry trading" and take a Trading sister firm's words with it).
const NAME_DESCRIPTORS = vocabulary(stopWordsData.descriptors, (token) => token);

// Known cities and places as one folded word each (hongkong, belgrade), four letters or more.
const CITY_WORDS: ReadonlySet<string> = new Set(
  [...Object.values(addressWordsData.cities.byCountry).flat(), ...PLACE_NAMES.map((place) => place.name)]
    .map((city) => foldedTokens(city).join(''))
    .filter((city) => city.length >= 4),
);

// The cities of the places that write Chinese characters (mainland China, Hong Kong, Macau, Taiwan):
// only these are read out of a run of syllables, where 利達 li da (Po Lee Tat) is no Lida in Belarus.
const HAN_CITY_WORDS: ReadonlySet<string> = new Set(
  ['CN', 'HK', 'MO', 'TW']
    .flatMap((country) => (addressWordsData.cities.byCountry as Record<string, readonly string[]>)[country] ?? [])
    .map((city) => foldedTokens(city).join('')),
);

// Places of several words (Hong Kong, Ha Noi, Sankt Peterburg) as their one-word canonical name, so
// that they meet their abbreviations and solid spellings (HK, Hanoi).
type PlacePhrase = { readonly words: readonly string[]; readonly canonical: string };

const PLACE_PHRASES: readonly PlacePhrase[] = PLACE_NAMES.flatMap(({ name, variants }) =>
  [name, ...variants].flatMap((variant) => {
    const words = foldedTokens(variant);
    return words.length > 1 ? [{ words, canonical: foldedTokens(name).join('') }] : [];
  }),
).sort((x, y) => y.words.length - x.words.length);

// In a name, the cities of several words listed by country too (Johor Bahru, New Delhi), as one word
// each, so that a branch's city is the one filler word it is. Not in addresses: there the city list
// reads them (citiesIn), and Kish Island joined would no longer be the Kish of the other address.
const NAME_PLACE_PHRASES: readonly PlacePhrase[] = [
  ...PLACE_PHRASES,
  ...Object.values(addressWordsData.cities.byCountry as Record<string, readonly string[]>)
    .flat()
    .flatMap((city) => {
      const words = foldedTokens(city);
      return words.length > 1 ? [{ words, canonical: words.join('') }] : [];
    }),
].sort((x, y) => y.words.length - x.words.length);

/**
 * A known city written in Chinese characters, read syllable by syllable (深圳 shen zhen, 东莞 dong
 * guan), as the one word its Latin name is, so that it counts as the city it is (a filler word) and
 * not as two syllables of the firm's name: a branch in Dongguan is the firm, and a name in
 * characters that names its city has no extra words against its English form.
 */
function joinHanPlaces(tokens: readonly RawToken[]): RawToken[] {
  const joined: RawToken[] = [];
  for (let at = 0; at < tokens.length; at++) {
    const length = [3, 2].find((size) => {
      const parts = tokens.slice(at, at + size);
      if (parts.length < size || !parts.every((token) => token.syllable === 'han')) return false;
      const text = foldToken(parts.map((token) => token.text).join(''));
      return HAN_CITY_WORDS.has(PLACE_ALIASES.get(text) ?? text);
    });
    if (length === undefined) {
      const token = tokens[at];
      if (token !== undefined) joined.push(token);
      continue;
    }
    joined.push({
      text: foldToken(
        tokens
          .slice(at, at + length)
          .map((token) => token.text)
          .join(''),
      ),
      arabicScript: false,
    });
    at += length - 1;
  }
  return joined;
}

// Slavic adjective endings of a city's name, folded: Gomelskiy, Homielski, Mogilevskaya, Tomskie.
const CITY_ADJECTIVE = /^(.{3,}?)(?:en)?sk(?:ii|ie|iy|ia|aia|oe|ogo|ih|i|a|o)?$/;

/**
 * The city a Slavic adjective of place names (Gomelskiy Zavod, Homielski zavod, Tomskie pribory),
 * when its stem is a known city or a variant of one (gomel, homiel, tomsk), or that city without
 * its final vowel (Grodnenskie from Grodno): the firm is named after its city, as a city in a name is.
 */
function cityOfAdjective(text: string): string | undefined {
  const stem = CITY_ADJECTIVE.exec(text)?.[1];
  if (stem === undefined) return undefined;
  for (const candidate of [`${stem}sk`, stem]) {
    const city = PLACE_ALIASES.get(candidate) ?? (CITY_WORDS.has(candidate) ? candidate : undefined);
    if (city !== undefined) return city;
  }
  return CITY_STEMS.get(stem);
}

// Known cities without their final vowel (grodno → grodn), for adjectives formed on that stem.
const CITY_STEMS: ReadonlyMap<string, string> = new Map(
  [...CITY_WORDS]
    .filter((city) => /[aeiou]$/.test(city) && city.length >= 5)
    .map((city) => [city.slice(0, -1), city] as const),
);

function replacePlacePhrases(tokens: readonly RawToken[], phrases: readonly PlacePhrase[] = PLACE_PHRASES): RawToken[] {
  let current = [...tokens];
  // Most names hold none of the phrases' words: skip a phrase unless all its words are present.
  const present = new Set(current.map((token) => token.text));
  for (const phrase of phrases) {
    if (!phrase.words.every((word) => present.has(word))) continue;
    for (let at = indexOfPhrase(current, phrase.words); at >= 0; at = indexOfPhrase(current, phrase.words)) {
      present.add(phrase.canonical);
      current = [
        ...current.slice(0, at),
        { text: phrase.canonical, arabicScript: false },
        ...current.slice(at + phrase.words.length),
      ];
    }
  }
  return current;
}

// Arabic names with Abd (servant of): Abd al-Rahman, Abdel Rahman, Abdul Rahman and Abdulrahman are
// one name, written as abd + the rest.
const ARABIC_ARTICLES: ReadonlySet<string> = new Set([
  'al',
  'el',
  'ul',
  'ur',
  'ar',
  'as',
  'an',
  'ad',
  'ash',
  'at',
  'az',
]);
const ABD_FORMS: ReadonlySet<string> = new Set(['abd', 'abdul', 'abdel', 'abdol', 'abdur', 'abdar', 'abdal', 'abdu']);

function joinArabicAbd(tokens: readonly RawToken[]): RawToken[] {
  const joined: RawToken[] = [];
  for (let at = 0; at < tokens.length; at++) {
    const token = tokens[at];
    if (token === undefined) continue;
    if (token.arabicScript || !/^abd/.test(token.text)) {
      joined.push(token);
      continue;
    }
    if (ABD_FORMS.has(token.text)) {
      let next = at + 1;
      if (ARABIC_ARTICLES.has(tokens[next]?.text ?? '')) next++;
      const rest = tokens[next];
      if (rest !== undefined && !rest.arabicScript && rest.text.length >= 3) {
        joined.push({ text: `abd${rest.text}`, arabicScript: false });
        at = next;
        continue;
      }
    }
    const solid = /^abd(?:ul|el|ol|ur|ar|al|u)(.{3,})$/.exec(token.text);
    joined.push(solid?.[1] === undefined ? token : { text: `abd${solid[1]}`, arabicScript: false });
  }
  return joined;
}

/**
 * The index of a token that spells the initials of other words of the same name ("Iran Electronics
 * Industries (IEI)"): one side often adds it and the other not, and it says nothing new. -1 if none.
 */
function acronymIndex(tokens: readonly WeightedToken[]): number {
  return tokens.findIndex((token, index) => {
    const text = token.text;
    if (text.length < 2 || !/^[a-z]+$/.test(text) || token.arabicScript === true) return false;
    const initials = tokens
      .filter((_, other) => other !== index)
      .map((other) => other.text[0] ?? '')
      .join('');
    return initials.includes(text);
  });
}

// Ordinals as numbers: Second = 2nd = 2 (data/address-words.json), folded as address words are.
const ORDINALS: ReadonlyMap<string, string> = new Map(
  Object.entries(addressWordsData.ordinals).map(([word, number]) => [foldToken(word), number] as const),
);

function numberOf(token: string): string {
  // A house or plot number written with a leading zero (Trecho 03, No. 07) is that number; longer
  // runs of digits are postcodes, whose zeros are part of them.
  if (/^0+[1-9][0-9]?$/.test(token)) return token.replace(/^0+/, '');
  return /^([0-9]+)(?:st|nd|rd|th)$/.exec(token)?.[1] ?? token;
}

// A Chinese address is written place by place, each ended by its kind: 省 province, 市 city, 区
// district, 路 road, 号 number, ... (the characters below). Each place between them is one word in its
// Latin form (宁波市北仑区金海路66号 = No. 66 Jinhai Road, Beilun, Ningbo), so its syllables are
// written together; names have no such markers and meet by alignJoined instead.
const CHINESE_ADDRESS_MARKERS = /大道|[省市区區县縣镇鎮乡鄉村路街道巷弄号號楼樓层層室座栋棟]/g;
const CHINESE_RUN = /[\u3400-\u9fff]+/g;

function chineseAddressWords(address: string): string {
  return address.replace(CHINESE_ADDRESS_MARKERS, ' ').replace(
    CHINESE_RUN,
    (run) =>
      ` ${hanSyllables(run)
        .join('')
        .replace(/[^a-z]/g, '')} `,
  );
}

// A Roman numeral after the word for a part of an estate (Phase II, Sector IV, Block XII) is the
// number the other address may write in digits (Phase 2, Ph-4). Only there: Xi is west in pinyin, and
// a lone I or V is a letter.
const ESTATE_PARTS = 'phase|ph|sector|sec|block|blk|stage|zone|unit|part|section';
const ROMAN_PART = new RegExp(`\\b(${ESTATE_PARTS}|area)([\\s.-]+)(?=[ivx]{1,5}\\b)(x{0,3})(ix|iv|v?i{0,3})\\b`, 'gi');
const ROMAN_VALUES: Readonly<Record<string, number>> = { i: 1, v: 5, x: 10 };

// The same before the word (II Phase, IV Sector), as Indian addresses write it.
const ROMAN_BEFORE_PART = new RegExp(`\\b(?=[ivx]{1,5}\\s)(x{0,3})(ix|iv|v?i{0,3})(\\s+)(${ESTATE_PARTS})\\b`, 'gi');

function romanValue(tens: string, units: string): number | undefined {
  const numeral = `${tens}${units}`.toLowerCase();
  if (numeral === '') return undefined;
  let value = 0;
  for (let at = 0; at < numeral.length; at++) {
    const here = ROMAN_VALUES[numeral[at] ?? ''] ?? 0;
    const next = ROMAN_VALUES[numeral[at + 1] ?? ''] ?? 0;
    value += here < next ? -here : here;
  }
  return value;
}

// Numbers as one number where addresses write them in groups: a thousands point (Km 1.100, Brazil),
// a six-digit postcode in two groups of three (560 058, India), and the letter an Argentine postcode
// carries (S2013 is 2013).
function addressNumbers(address: string): string {
  return address
    .replace(/\b(\d{1,3})\.(\d{3})\b(?!\.\d)/g, '$1$2')
    .replace(/(?<!\d )\b(\d{3}) (\d{3})\b(?! \d)/g, '$1$2')
    .replace(/\b[A-Za-z](\d{4})(?:[A-Za-z]{3})?\b/g, '$1');
}

function romanParts(address: string): string {
  return addressNumbers(address)
    .replace(ROMAN_PART, (whole, part: string, gap: string, tens: string, units: string) => {
      const value = romanValue(tens, units);
      return value === undefined ? whole : `${part}${gap}${value}`;
    })
    .replace(ROMAN_BEFORE_PART, (whole, tens: string, units: string, gap: string, part: string) => {
      const value = romanValue(tens, units);
      return value === undefined ? whole : `${value}${gap}${part}`;
    });
}

function addressTokens(address: string): WeightedToken[] {
  const tokens = replacePlacePhrases(foldedRawTokens(chineseAddressWords(romanParts(regionsAsOneWord(address))))).map(
    (token): WeightedToken => {
      const text = PLACE_ALIASES.get(token.text) ?? ORDINALS.get(token.text) ?? numberOf(token.text);
      if (token.hebrewScript === true) return { text, weight: DISTINCTIVE_TOKEN_WEIGHT, hebrewScript: true };
      return token.arabicScript && text === token.text
        ? { text, weight: DISTINCTIVE_TOKEN_WEIGHT, consonants: text, arabicScript: true }
        : { text, weight: DISTINCTIVE_TOKEN_WEIGHT, consonants: consonantKey(text), phonetic: phoneticKey(text) };
    },
  );
  const kept = dropNoise(tokens, ADDRESS_NOISE);
  return kept.length > 0 ? kept : tokens;
}

// A place named just before a region word, with no comma between (Samara Region, Moskovskaya obl.,
// Hrodzienskaja voblasć), is the region, not the city: written as one word (samararegion), it stays a
// word of the address but is never read as its city. "Schukowski, Oblast Moskau" keeps its city.
const REGION_AFTER_PLACE =
  /(\p{L}[\p{L}'-]*)[ \t]+(?:region|oblast|obl\.?|province|krai|kray|voblast|voblasć|voblasts|oblysy|governorate)(?=[\s,;.)]|$)/giu;

function regionsAsOneWord(address: string): string {
  return address.replace(REGION_AFTER_PLACE, (_, place: string) => `${place}region`);
}

// Known cities as the address pipeline writes them (one or more tokens each), with the canonical
// name their variants share, longest first.
const CITIES: readonly { readonly tokens: readonly string[]; readonly canonical: string }[] = [
  ...Object.values(addressWordsData.cities.byCountry)
    .flat()
    .map((city) => ({ city, variants: [] as readonly string[] })),
  ...PLACE_NAMES.map(({ name, variants }) => ({ city: name, variants })),
]
  .flatMap(({ city, variants }) => {
    const canonical = addressTokens(city)
      .map((token) => token.text)
      .join(' ');
    return [city, ...variants].map((variant) => ({
      tokens: addressTokens(variant).map((token) => token.text),
      canonical,
    }));
  })
  .filter((city) => city.canonical !== '' && city.tokens.length > 0 && city.tokens.join('').length >= 3)
  .sort((x, y) => y.tokens.length - x.tokens.length);

// The canonical names of the cities listed for each country: a listed spelling (Gurgaon) and every
// place that spelling is a variant of (Gurugram).
const CITIES_BY_COUNTRY: ReadonlyMap<string, ReadonlySet<string>> = new Map(
  Object.entries(addressWordsData.cities.byCountry as Record<string, readonly string[]>).map(([country, cities]) => [
    country,
    new Set(
      cities.flatMap((city) => {
        const words = addressTokens(city)
          .map((token) => token.text)
          .join(' ');
        return CITIES.filter((known) => known.tokens.join(' ') === words).map((known) => known.canonical);
      }),
    ),
  ]),
);

// The positions in CITIES of the spellings that begin with each word: an address is tried only
// against the spellings whose first word it contains (trying every one was most of the cost of
// preparing an address, which every screened candidate pays).
const CITIES_BY_FIRST_WORD: ReadonlyMap<string, readonly number[]> = CITIES.reduce((byWord, city, position) => {
  const first = city.tokens[0] as string;
  byWord.set(first, [...(byWord.get(first) ?? []), position]);
  return byWord;
}, new Map<string, number[]>());

function citiesIn(tokens: readonly WeightedToken[]): readonly string[] {
  const positions = new Set<number>();
  for (const token of tokens)
    for (const position of CITIES_BY_FIRST_WORD.get(token.text) ?? []) positions.add(position);
  // In CITIES order, as a filter of the whole list would give them.
  const found = [...positions]
    .sort((x, y) => x - y)
    .map((position) => CITIES[position] as (typeof CITIES)[number])
    .filter((city) => indexOfPhrase(tokens, city.tokens) >= 0)
    .map((city) => city.canonical);
  return [...new Set(found)];
}

// Every legal form with its kind, folded; phrases longest first, so that "Sdn Bhd" is read whole
// before its "Bhd" (a public company) could be.
const LEGAL_FORM_KINDS: readonly { readonly kind: string; readonly words: readonly string[] }[] = Object.entries(
  legalFormsData.classes,
)
  .flatMap(([kind, forms]) =>
    Array.isArray(forms)
      ? (forms as readonly string[]).flatMap((form) =>
          withCompanyAbbreviated(foldedTokens(form)).map((words) => ({ kind, words })),
        )
      : [],
  )
  .filter((form) => form.words.length > 0)
  .sort((x, y) => y.words.length - x.words.length);

// The kinds each form is listed under, by its folded words.
const LEGAL_FORM_PHRASE_KINDS: ReadonlyMap<string, readonly string[]> = LEGAL_FORM_KINDS.reduce((byPhrase, form) => {
  const phrase = form.words.join(' ');
  byPhrase.set(phrase, [...new Set([...(byPhrase.get(phrase) ?? []), form.kind])]);
  return byPhrase;
}, new Map<string, string[]>());

/** The kinds of legal form a name carries, sorted: ООО and LLC are `limited`, A.Ş. and JSC `jointStock`. */
// Forms that are ordinary words elsewhere (a.d. folds to ad, the Arabic article): a form only as the last word.
const LAST_WORD_ONLY_FORMS: ReadonlySet<string> = new Set(
  legalFormsData.lastWordOnly.forms.map((form) => foldedTokens(form).join(' ')),
);

function lastWordIndex(tokens: readonly { readonly text: string }[]): number {
  let last = tokens.length - 1;
  while (last >= 0 && tokens[last]?.text === '') last--;
  return last;
}

export function legalFormsOf(name: string): readonly string[] {
  let tokens: { readonly text: string }[] = foldedTokens(name).map((text) => ({ text }));
  const kinds = new Set<string>();
  // A form of several words consumes them; one-word forms do not, so a form of two kinds counts for both.
  const present = new Set(tokens.map((token) => token.text));
  for (const form of LEGAL_FORM_KINDS) {
    if (!present.has(form.words[0] ?? '')) continue;
    const at = indexOfPhrase(tokens, form.words);
    if (at < 0) continue;
    if (LAST_WORD_ONLY_FORMS.has(form.words.join(' ')) && at !== lastWordIndex(tokens)) continue;
    // A form of several words listed under two kinds (주식회사, Ju Sik Hoe Sa) counts for both.
    for (const kind of LEGAL_FORM_PHRASE_KINDS.get(form.words.join(' ')) ?? [form.kind]) kinds.add(kind);
    if (form.words.length > 1) tokens = [...tokens.slice(0, at), { text: '' }, ...tokens.slice(at + form.words.length)];
  }
  return [...kinds].sort();
}

/**
 * Drops noise phrases and words until none is left: dropping one can bring the words of a phrase
 * together ("joint [ooo] stock company"), and stopping early would make normalising twice differ
 * from normalising once.
 */
function dropNoise<T extends { readonly text: string; readonly syllable?: string }>(
  tokens: readonly T[],
  noise: Vocabulary,
): T[] {
  let current = [...tokens];
  for (;;) {
    // Phrases before single words: "closed joint stock company" must go whole, not lose "company"
    // first and leave "closed joint stock" behind.
    // (A phrase whose first word the text lacks cannot be in it: most are skipped by a set look-up.)
    const present = new Set(current.map((token) => token.text));
    const phrase = noise.phrases.find((words) => present.has(words[0] ?? '') && indexOfPhrase(current, words) >= 0);
    if (phrase !== undefined) {
      const at = indexOfPhrase(current, phrase);
      current = [...current.slice(0, at), ...current.slice(at + phrase.length)];
      continue;
    }
    // A syllable of a name in Chinese characters or Hangul is part of the name, whatever word it spells.
    const kept = current.filter((token) => token.syllable !== undefined || !noise.singles.has(token.text));
    if (kept.length === current.length) return current;
    current = kept;
  }
}

function indexOfPhrase(tokens: readonly { readonly text: string }[], phrase: readonly string[]): number {
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
