import type { ControlSubCategory } from '../reference/control-list-entry';
import type { MemberStateCode } from '../reference/member-states';

/*
 * The Union general export authorisations EU001-EU008 of Annex II of Regulation (EU) 2021/821 (Sections
 * A-H), the list of Section I, and the member-state settings that govern their use (Art 12(1)(d); the
 * "conditions and requirements for use" of each Section).
 *
 * SOURCE. Checked against the text of Annex II as consolidated on EUR-Lex (ELI
 * http://data.europa.eu/eli/reg/2021/821/oj), read in the Markdown copy of the consolidated text
 * published by Legalize (github.com/legalize-dev/legalize-eu, file eu/32021R0821.md), in two editions:
 * the consolidation of 12.1.2023 (after Delegated Regulation (EU) 2023/66) and that of 21.9.2026. Annex II
 * Sections A-I read the same in both. That copy is a reformatted secondary copy of the EUR-Lex text
 * (only the Official Journal is authentic); it drops the "Part 1/2/3" headings of each Section, so the
 * Part numbers cited below follow the Annex's order (items, destinations, conditions). The original OJ L
 * 206, 11.6.2021 text was not read: version 1 below is in force from 9.9.2021 on the assumption, not
 * checked, that Annex II was not amended between that date and 12.1.2023 (the delegated acts of that
 * period replaced Annex I). A later amendment of Annex II is a new version (`version`, `validFrom`),
 * never an edit of an old one, so a use is always judged against the version in force on its export
 * date.
 *
 * WHAT THE SCOPE CHECK CAN AND CANNOT SAY. Destinations and Annex I entries are checked by machine
 * (general-authorisation-scope.ts). Conditions that depend on facts the use does not carry (an initial
 * authorisation for EU003, re-import within 120 days for EU004, an intra-group consignee for EU007,
 * published cryptographic standards for EU008, "only ... as follows" limits inside an entry) are
 * `conditions`: text the exporter must meet and the authority checks, never silently assumed met.
 */

const ANNEX_II_SOURCE =
  'EUR-Lex consolidated text of Regulation (EU) 2021/821 (ELI http://data.europa.eu/eli/reg/2021/821/oj), ' +
  'read as github.com/legalize-dev/legalize-eu eu/32021R0821.md, consolidations of 12.1.2023 and 21.9.2026';

/** Which destinations an authorisation covers. */
export type DestinationScope =
  /** Only these countries (EU001: Part 2 lists ten). */
  | { readonly kind: 'ONLY'; readonly countries: readonly string[]; readonly condition: string }
  /** Every third country except these (embargoed or otherwise listed destinations). */
  | { readonly kind: 'ALL_EXCEPT'; readonly countries: readonly string[]; readonly condition: string };

/** Which Annex I entries an authorisation covers; an entry covers its sub-entries (5A001 covers 5A001.b.5). */
export type ItemScope =
  /**
   * Every Annex I entry except these; with `subCategories`, only entries of those sub-categories
   * (EU003 and EU004 exclude software and technology, D and E; EU007 covers only D and E).
   */
  | {
      readonly kind: 'ANNEX_I_EXCEPT';
      readonly excluded: readonly string[];
      readonly condition: string;
      readonly subCategories?: readonly ControlSubCategory[];
    }
  /** Only these entries, and never the excluded ones among them. */
  | {
      readonly kind: 'ONLY';
      readonly entries: readonly string[];
      readonly excluded: readonly string[];
      readonly condition: string;
    };

/** The scope of one version of a general authorisation: what a use is judged against. */
export interface GeneralAuthorisationScope {
  readonly destinations: DestinationScope;
  readonly items: ItemScope;
  /** Conditions and requirements for use (Part 3 of each Section), as text the exporter must meet. */
  readonly conditions: readonly string[];
}

export type GeneralAuthorisationKind = 'UNION' | 'NATIONAL';

/** One version of a general authorisation (Union or national), in force from validFrom. */
export interface GeneralAuthorisationVersion {
  /** EU001..EU008, or a national code prefixed with its member state, e.g. DE-AGG12. */
  readonly code: string;
  readonly kind: GeneralAuthorisationKind;
  readonly title: string;
  /** 1, 2, ...: a new scope is a new version. */
  readonly version: number;
  /** YYYY-MM-DD, inclusive. */
  readonly validFrom: string;
  /** YYYY-MM-DD, exclusive; null while no later version replaces it. */
  readonly validUntil: string | null;
  /** National authorisations: the publishing member state; null for a Union authorisation. */
  readonly memberState: MemberStateCode | null;
  readonly scope: GeneralAuthorisationScope;
  /** Where the scope was read; `summary: true` when it was not checked against the text. */
  readonly source: { readonly citation: string; readonly summary: boolean };
}

/** The date Regulation (EU) 2021/821 applies from (Art 32): the first version of EU001-EU008. */
const REGULATION_APPLIES_FROM = '2021-09-09';

/**
 * Annex II Section I: the items no Union general authorisation of Sections A, C, D and G covers and no
 * national general authorisation may cover (Art 12(6)(a)). Section I names "all items specified in
 * Annex IV" and then 0C001, 0C002, 0D001, 0E001, 1A102, 1C351, 1C353, 1C354, 1C450.a.1, 1C450.a.2, 7E104,
 * 9A009.a and 9A117. The Annex IV entries are those of the consolidation read (see the file comment):
 * Annex IV Part I (stealth, EU strategic control, cryptanalysis, MTCR items) and Part II (Category 0 and
 * the nuclear-weapons-related items).
 *
 * READINGS (Annex II Section I, Annex IV):
 * - Annex IV includes "all Category 0" (0C003 only if for use in a nuclear reactor) and Section I adds
 *   the rest of 0C001, 0C002, 0D001 and 0E001, so every Category 0 entry is here. The entries are the
 *   Category 0 heads of Annex I in the consolidation read (0A001, 0B001-0B007, 0C001-0C005, 0D001,
 *   0E001). 0C003 is excluded whatever its use: the use record does not say whether it is for a
 *   reactor, and the cautious reading refuses rather than lets an Annex IV item through.
 * - Where Annex IV limits an entry ("in so far as it relates to", "specially designed for equipment
 *   specified in 7A117 above", a payload threshold), the whole entry is listed: the use record does not
 *   carry the fact that places an item inside or outside the limit, and the cautious reading refuses
 *   (the exporter then uses an individual or global authorisation). Where Annex IV names sub-entries
 *   (6A001 "limited to the following"), only those are listed.
 */
export const ANNEX_II_SECTION_I: readonly string[] = [
  // Category 0 (Annex IV Part II; Section I: 0C001, 0C002, 0D001, 0E001)
  '0A001',
  '0B001',
  '0B002',
  '0B003',
  '0B004',
  '0B005',
  '0B006',
  '0B007',
  '0C001',
  '0C002',
  '0C003',
  '0C004',
  '0C005',
  '0D001',
  '0E001',
  // Section I's own entries
  '1A102',
  '1C351',
  '1C353',
  '1C354',
  '1C450.a.1',
  '1C450.a.2',
  '7E104',
  '9A009.a',
  '9A117',
  // Annex IV Part I: stealth technology
  '1C001',
  '1C101',
  '1D103',
  '1E101',
  '1E102',
  '6B008',
  '6B108',
  // Annex IV Part I: EU strategic control
  '1A007',
  '1C239',
  '1E201',
  '3A229',
  '3A232',
  '3E201',
  '6A001.a.1.b',
  '6A001.a.2.a.2',
  '6A001.a.2.a.3',
  '6A001.a.2.a.6',
  '6A001.a.2.b',
  '6A001.a.2.c',
  '6A001.a.2.e',
  '6A001.a.2.f',
  '6D003.a',
  '8A002.o.3.b',
  '8E002.a',
  // Annex IV Part I: cryptanalysis
  '5A004.a',
  '5D002.a.3.a',
  '5D002.c.3.a',
  '5E002.a',
  // Annex IV Part I: MTCR technology
  '7A117',
  '7B001',
  '7B003',
  '7B103',
  '7D101',
  '7E001',
  '7E002',
  '7E101',
  '9A004',
  '9A005',
  '9A007.a',
  '9A008.d',
  '9A104',
  '9A105.a',
  '9A106.c',
  '9A108.c',
  '9A116',
  '9A119',
  '9B115',
  '9B116',
  '9D101',
  '9E001',
  '9E002',
  '9E101',
  '9E102',
  // Annex IV Part II (besides Category 0 and 1C351.d.4-5, which 1C351 covers)
  '1B226',
  '1B231',
  '1B233',
  '1C012.b',
  '1C233',
  '1C235',
  '1E001',
  '3A228',
  '3A231',
  '6A203',
  '6A225',
  '6A226',
];

const SECTION_I = 'Annex II Section I: items excluded from every general authorisation';

/** Annex II Section A Part 2: the EU001 destinations (the United Kingdom as GB). */
const EU001_DESTINATIONS: readonly string[] = ['AU', 'CA', 'IS', 'JP', 'NZ', 'NO', 'CH', 'LI', 'GB', 'US'];

/**
 * "French overseas territories" (EU003, EU004): read as the French overseas countries and territories
 * outside the customs territory of the Union (French Polynesia, New Caledonia, Wallis and Futuna,
 * Saint Pierre and Miquelon, the French Southern and Antarctic Lands, Saint Barthélemy). A reading: the
 * Annex does not list them; the outermost regions (Guadeloupe, Martinique, ...) are in the customs
 * territory and need no export authorisation.
 */
const FRENCH_OVERSEAS_TERRITORIES: readonly string[] = ['PF', 'NC', 'WF', 'PM', 'TF', 'BL'];

/** Annex II Sections C and D, Part 2: the same list for EU003 and EU004. */
const REPAIR_AND_EXHIBITION_DESTINATIONS: readonly string[] = [
  'AL',
  'AR',
  'BA',
  'BR',
  'CL',
  'CN',
  'HK',
  'MO',
  ...FRENCH_OVERSEAS_TERRITORIES,
  'IN',
  'KZ',
  'MX',
  'ME',
  'MA',
  'MK',
  'RS',
  'SG',
  'ZA',
  'KR',
  'TN',
  'TR',
  'UA',
  'AE',
];

/** EU003 Part 1 paragraph 2(c) and EU004 Part 1(d) share most entries; each lists a few of its own. */
const REPAIR_EXCLUDED_ENTRIES: readonly string[] = [
  '1A002.a',
  '1C012.a',
  '1C227',
  '1C228',
  '1C229',
  '1C230',
  '1C231',
  '1C236',
  '1C237',
  '1C240',
  '1C350',
  '1C450',
  '5A001.b.5',
  '5A002.c',
  '5A002.d',
  '5A002.e',
  '5A003.a',
  '5A003.b',
  '6A001.a.2.a.1',
  '6A001.a.2.a.5',
  '6A002.a.1.c',
  '8A001.b',
  '8A001.c.1',
  '9A011',
];

const EXHIBITION_EXCLUDED_ENTRIES: readonly string[] = [
  '1A002.a',
  '1C002.b.4',
  '1C010',
  '1C012.a',
  '1C227',
  '1C228',
  '1C229',
  '1C230',
  '1C231',
  '1C236',
  '1C237',
  '1C240',
  '1C350',
  '1C450',
  '5A001.b.5',
  '5A002.c',
  '5A002.d',
  '5A002.e',
  '5A003.a',
  '5A003.b',
  '6A001',
  '6A002.a',
  '8A001.b',
  '8A001.c.1',
  '9A011',
];

/**
 * EU006 Part 1: the chemicals of 1C350 and 1C450 it names. The copy read gives the chemicals by number
 * and name without the "1C350"/"1C450" headings; the numbers and names match Annex I: 1C350.1-3, .5-22,
 * .24-28 and .30-65 (not .4, .23, .29, which Annex I refers to the Military Goods Controls, nor .66-.90,
 * added to Annex I later), 1C450.a.4-7 (phosgene, cyanogen chloride, hydrogen cyanide, chloropicrin) and
 * 1C450.b.1-6 and .8.
 */
const EU006_ENTRIES: readonly string[] = [
  ...[1, 2, 3, ...range(5, 22), ...range(24, 28), ...range(30, 65)].map((n) => `1C350.${n}`),
  ...range(4, 7).map((n) => `1C450.a.${n}`),
  ...[...range(1, 6), 8].map((n) => `1C450.b.${n}`),
];

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, index) => from + index);
}

/** The three "does not authorise" grounds every Section repeats (Art 4(1) uses, awareness, free zones). */
const END_USE_GROUNDS =
  'Not usable where the exporter has been informed by its competent authority, or is aware, that the items are or may be intended for use in connection with chemical, biological or nuclear weapons or their delivery missiles, for a military end-use (Art 4(1)(b)) in a country subject to an arms embargo, or as parts or components of military items exported without or in breach of a national authorisation.';
const FREE_ZONE = 'Not usable for items exported to a customs-free zone or free warehouse in a destination covered.';
const DECLARE = (code: string) =>
  `The exporter declares in the customs declaration that the items are exported under ${code}.`;
/** Sections A-F: notification of first use within 30 days, or before first use where the member state requires it. */
const FIRST_USE_A_TO_F =
  'The exporter notifies its competent authority of the first use within 30 days of the first export or, where that authority requires it, before the first use; a member state may require registration before the first use, acknowledged within 10 working days (per member state: see the settings). Reporting requirements are defined by member states.';
const RE_EXPORT_E_F =
  'Not usable where the exporter is aware that the items will be re-exported to a destination other than those of this Section, of Section A Part 2 (EU001), or a member state.';

interface UnionSpec {
  readonly code: string;
  readonly section: string;
  readonly title: string;
  readonly destinations: DestinationScope;
  readonly items: ItemScope;
  readonly conditions: readonly string[];
  /** False only where the scope was checked against the text (see ANNEX_II_SOURCE). */
  readonly summary: boolean;
}

const UNION_SPECS: readonly UnionSpec[] = [
  {
    code: 'EU001',
    section: 'A',
    title:
      'Exports to Australia, Canada, Iceland, Japan, New Zealand, Norway, Switzerland, including Liechtenstein, the United Kingdom and the United States',
    destinations: { kind: 'ONLY', countries: EU001_DESTINATIONS, condition: 'Annex II Section A Part 2: destinations' },
    items: { kind: 'ANNEX_I_EXCEPT', excluded: ANNEX_II_SECTION_I, condition: SECTION_I },
    conditions: [END_USE_GROUNDS, FREE_ZONE, DECLARE('EU001'), FIRST_USE_A_TO_F],
    summary: false,
  },
  {
    code: 'EU002',
    section: 'B',
    title: 'Exports of certain dual-use items to certain destinations',
    destinations: {
      kind: 'ONLY',
      countries: ['AR', 'ZA', 'KR', 'TR'],
      condition: 'Annex II Section B Part 2: destinations',
    },
    items: {
      kind: 'ONLY',
      entries: [
        '1A001',
        '1A003',
        '1A004',
        '1C003.b',
        '1C003.c',
        '1C004',
        '1C005',
        '1C006',
        '1C008',
        '1C009',
        '2B008',
        '3A001.a.3',
        '3A001.a.6',
        '3A001.a.7',
        '3A001.a.9',
        '3A001.a.10',
        '3A001.a.11',
        '3A001.a.12',
        '3A002.c',
        '3A002.d',
        '3A002.e',
        '3A002.f',
        '3C001',
        '3C002',
        '3C003',
        '3C004',
        '3C005',
        '3C006',
      ],
      // Section B does not refer to Section I; none of its entries is in Section I either.
      excluded: [],
      condition: 'Annex II Section B Part 1: items',
    },
    conditions: [END_USE_GROUNDS, FREE_ZONE, DECLARE('EU002'), FIRST_USE_A_TO_F],
    summary: false,
  },
  {
    code: 'EU003',
    section: 'C',
    title: 'Export after repair/replacement',
    destinations: {
      kind: 'ONLY',
      countries: REPAIR_AND_EXHIBITION_DESTINATIONS,
      condition: 'Annex II Section C Part 2: destinations',
    },
    items: {
      kind: 'ANNEX_I_EXCEPT',
      excluded: [...ANNEX_II_SECTION_I, ...REPAIR_EXCLUDED_ENTRIES],
      subCategories: ['A', 'B', 'C'],
      condition:
        'Annex II Section C Part 1 paragraph 2: items excluded (Section I, all D and E entries, and the listed entries)',
    },
    conditions: [
      'Only for items reimported into the customs territory of the Union for maintenance, repair or replacement and exported or re-exported to the country of consignment without any change to their original characteristics, or exported to it in exchange for items of the same quality and number so reimported, within 5 years of the date the original export authorisation was granted (Part 1 paragraph 1).',
      'Only where the initial export took place under a Union general export authorisation or an export authorisation granted by the member state where the original exporter was resident or established; only for exports to the original end-user (Part 3 paragraph 1).',
      'Not usable where the initial authorisation has been annulled, suspended, modified or revoked, or where the exporter is aware that the end-use differs from that of the original authorisation (Part 3 paragraph 2(d)-(e)).',
      END_USE_GROUNDS,
      FREE_ZONE,
      'The export declaration names the initial export authorisation (reference number and granting member state) and declares EU003; on request the exporter shows customs evidence of the date of importation, of the maintenance, repair or replacement, and of the return to the end-user and the country the items came from (Part 3 paragraph 3).',
      FIRST_USE_A_TO_F,
      'Repair, replacement and maintenance may include coincidental improvements (modern spare parts, a later built standard for reliability or safety) that add no functional capability or new function (Part 3 paragraph 5).',
    ],
    summary: false,
  },
  {
    code: 'EU004',
    section: 'D',
    title: 'Temporary export for exhibition or fair',
    destinations: {
      kind: 'ONLY',
      countries: REPAIR_AND_EXHIBITION_DESTINATIONS,
      condition: 'Annex II Section D Part 2: destinations',
    },
    items: {
      kind: 'ANNEX_I_EXCEPT',
      excluded: [...ANNEX_II_SECTION_I, ...EXHIBITION_EXCLUDED_ENTRIES],
      // Reading: Part 1(b) excludes all D entries "(this does not include software necessary to the proper
      // functioning of the equipment for the purpose of the demonstration)": such software travels with
      // the equipment; a use that declares a D entry on its own is refused and the authority decides.
      subCategories: ['A', 'B', 'C'],
      condition: 'Annex II Section D Part 1: items excluded (Section I, all D and E entries, and the listed entries)',
    },
    conditions: [
      "Only for a temporary export for an exhibition or fair (a commercial event of a specific duration at which several exhibitors demonstrate their products to trade visitors or the general public), the items being reimported complete and without modification within 120 days of the initial export; the authority may waive reimport at the exporter's request through the individual-authorisation procedure (Part 3 paragraphs 1, 2 and 6).",
      'Not usable for items classified at or above CONFIDENTIEL UE/EU CONFIDENTIAL; where their return in the original state without removal, copying or dissemination of any component or software cannot be guaranteed, or a transfer of technology is connected with a presentation; for a private presentation or demonstration; where they are merged into a production process or used for their intended purpose beyond the minimum needed for demonstration; as a result of a commercial transaction (sale, rental, lease); where they are only stored for sale, rent or lease; or where the exporter cannot keep them under its control throughout (Part 3 paragraph 3(d)-(k)).',
      END_USE_GROUNDS,
      FREE_ZONE,
      DECLARE('EU004'),
      FIRST_USE_A_TO_F,
    ],
    summary: false,
  },
  {
    code: 'EU005',
    section: 'E',
    title: 'Telecommunications',
    destinations: {
      kind: 'ONLY',
      countries: ['AR', 'CN', 'HK', 'MO', 'IN', 'ZA', 'KR', 'TR', 'UA'],
      condition: 'Annex II Section E Part 2: destinations',
    },
    items: {
      kind: 'ONLY',
      entries: ['5A001.b.2', '5A001.c', '5A001.d', '5B001', '5D001', '5E001.a'],
      excluded: [],
      condition: 'Annex II Section E Part 1: items',
    },
    conditions: [
      'Covers 5A001.b.2, 5A001.c and 5A001.d items including their specially designed or developed components and accessories; 5B001 and 5D001 only where test, inspection and production equipment, and software, for those items are concerned; 5E001.a technology only where required for the installation, operation, maintenance or repair of those items and intended for the same end-user (Part 1).',
      END_USE_GROUNDS,
      'Not usable where the exporter has been informed, or is aware, that the items are or may be intended for use in connection with a violation of human rights, democratic principles or freedom of expression by using interception technologies and digital data transfer devices for monitoring mobile phones and text messages and targeted surveillance of Internet use (Part 3 paragraph 1(a)(iv)).',
      RE_EXPORT_E_F,
      FREE_ZONE,
      DECLARE('EU005'),
      FIRST_USE_A_TO_F,
    ],
    summary: false,
  },
  {
    code: 'EU006',
    section: 'F',
    title: 'Chemicals',
    destinations: {
      kind: 'ONLY',
      countries: ['AR', 'KR', 'TR', 'UA'],
      condition: 'Annex II Section F Part 2: destinations',
    },
    items: { kind: 'ONLY', entries: EU006_ENTRIES, excluded: [], condition: 'Annex II Section F Part 1: items' },
    conditions: [END_USE_GROUNDS, RE_EXPORT_E_F, FREE_ZONE, DECLARE('EU006'), FIRST_USE_A_TO_F],
    summary: false,
  },
  {
    code: 'EU007',
    section: 'G',
    title: 'Intra-group export of software and technology',
    destinations: {
      kind: 'ONLY',
      countries: ['AR', 'BR', 'CL', 'IN', 'ID', 'IL', 'JO', 'MY', 'MX', 'MA', 'PH', 'SG', 'ZA', 'KR', 'TH', 'TN'],
      condition: 'Annex II Section G Part 2: destinations',
    },
    items: {
      kind: 'ANNEX_I_EXCEPT',
      // Part 1 also excludes technology and software "related to items under 4A005 ... 5A001.f and
      // 5A001.j": no entry names that software and technology, so it is a condition below.
      excluded: [...ANNEX_II_SECTION_I, '4D004', '4E001.c'],
      subCategories: ['D', 'E'],
      condition:
        'Annex II Section G Part 1: software and technology only, except Section I and those related to 4A005, 4D004, 4E001.c, 5A001.f and 5A001.j',
    },
    conditions: [
      'Not for technology and software related to items under 4A005, 5A001.f or 5A001.j (Part 1).',
      "Only by an exporter that is a legal person established in a member state, to a subsidiary wholly owned and controlled by it or to a sister company directly and wholly owned and controlled by the same parent; the parent directly controlling the exporter and the entity ultimately controlling it are resident or established in a member state or an EU001 destination; that parent gives a binding guarantee for the sister company's compliance (Part 3 paragraph 1(a)-(b)).",
      'The software and technology are used exclusively for the commercial product development of the exporter and the subsidiary or sister company, stay under the complete control of the exporter (or of the parent controlling the sister company), are shared with no other entity, and are returned and completely deleted, with any resulting technology, when the development ends or the subsidiary or sister company is acquired by another entity (Part 3 paragraph 1(c)-(e)).',
      'Not usable where the exporter has been informed, or is aware, that the software or technology is or may be intended for chemical, biological or nuclear weapons or their delivery missiles, for a military, paramilitary, police, intelligence, surveillance or other security end-use by or on behalf of a government, as parts or components of military items exported without or in breach of a national authorisation, or in connection with a violation of human rights, democratic principles or freedom of expression; where it will be re-exported to a destination other than an EU001 destination or a member state; or where the consignee or end-user is a military, paramilitary, police, intelligence or other governmental security service (Part 3 paragraph 2).',
      'The exporter implements an internal compliance programme (Part 3 paragraph 3).',
      'The exporter declares EU007 in the customs declaration for a tangible export of software or technology (Part 3 paragraph 4).',
      'The exporter registers with its competent authority before the first use, whatever the member state (acknowledged within 10 working days), and notifies the first use no later than 30 days BEFORE the first export (Part 3 paragraphs 5 and 6).',
      'The exporter reports on the use at least once a year: description, where available quantity and value, and the subsidiaries, sister companies and parent companies involved (Part 3 paragraph 7).',
    ],
    summary: false,
  },
  {
    code: 'EU008',
    section: 'H',
    title: 'Encryption',
    destinations: {
      kind: 'ALL_EXCEPT',
      countries: [
        ...EU001_DESTINATIONS,
        'AF',
        'AM',
        'AZ',
        'BY',
        'KH',
        'CF',
        'CN',
        'HK',
        'MO',
        'CG',
        'CD',
        'EG',
        'ER',
        'GE',
        'IR',
        'IQ',
        'IL',
        'KZ',
        'KG',
        'LB',
        'LY',
        'MY',
        'ML',
        'MU',
        'MN',
        'MM',
        'KP',
        'OM',
        'PK',
        'QA',
        'RU',
        'SA',
        'SO',
        'SS',
        'SD',
        'SY',
        'TJ',
        'TM',
        'AE',
        'UZ',
        'VE',
        'YE',
        'ZW',
      ],
      condition: 'Annex II Section H Part 2: excluded destinations (the EU001 destinations and the listed countries)',
    },
    items: {
      kind: 'ONLY',
      entries: ['5A002.a.2', '5A002.a.3', '5A002.b', '5D002.a.1', '5D002.b', '5D002.c.1', '5E002.b'],
      excluded: [],
      condition: 'Annex II Section H Part 1: items',
    },
    conditions: [
      'Part 2(c) also excludes any other destination subject to an arms embargo or to restrictive measures of the Union applicable to dual-use items: that list changes with Council decisions and is not in this fixture; the exporter and the authority check it.',
      'Within the entries listed: 5A002.b only a cryptographic activation token converting an item not in Category 5 Part 2 into a 5A002.a item above or 5D002.c.1 software below, not released by the Cryptography Note; 5D002.a.1 only software for the use of those 5A002.a items or that 5D002.c.1 software; 5D002.c.1 only software with the characteristics or functions of those 5A002.a items; 5D002.b and 5E002.b only with the characteristics of such a token (Part 1 paragraph 1).',
      'Valid only where the items use only published or commercial cryptographic standards approved or adopted by internationally recognised standard bodies, use no standard specially designed for government use (e.g. TETRA, TETRAPOL, P25), and their cryptographic functionality cannot easily be changed by the user (Part 1 paragraph 2).',
      "Not usable for items accredited, approved or classified (or in that process) by a member state's designated authority at or above RESTREINT UE/EU RESTRICTED (Part 1 paragraph 3).",
      'Not usable where the exporter has been informed, or is aware, that the items are or may be intended for chemical, biological or nuclear weapons or their delivery missiles, for a military, paramilitary, police, intelligence, surveillance or other security end-use by or on behalf of a government, as parts or components of military items exported without or in breach of a national authorisation, or in connection with a violation of human rights, democratic principles or freedom of expression; where they will be re-exported to a destination excluded by Part 2(b) or (c); for a customs-free zone or free warehouse; where the consignee or end-user is a military, paramilitary, police, intelligence or other governmental security service; or where the export is controlled by another Annex I entry (Part 3 paragraph 1).',
      'Where a customs declaration is required, the exporter declares EU008 in it (Part 3 paragraph 2).',
      'The exporter registers with its competent authority before the first use, whatever the member state (acknowledged within 10 working days), and notifies the first use no later than 10 days BEFORE the first export (Part 3 paragraphs 3 and 4).',
      'On request the exporter submits technical data (manufacturer, product name, model, description, if needed cryptographic algorithms, protocols, processing, interfaces, and classification) and reports on the use at least once a year; the authority may, for national security, prohibit the use for any item (Part 3 paragraphs 5-7).',
    ],
    summary: false,
  },
];

/** EU001-EU008, each in its first version under Regulation (EU) 2021/821. */
export const UNION_GENERAL_AUTHORISATIONS: readonly GeneralAuthorisationVersion[] = UNION_SPECS.map((spec) => ({
  code: spec.code,
  kind: 'UNION',
  title: spec.title,
  version: 1,
  validFrom: REGULATION_APPLIES_FROM,
  validUntil: null,
  memberState: null,
  scope: { destinations: spec.destinations, items: spec.items, conditions: spec.conditions },
  source: {
    citation: `Regulation (EU) 2021/821, Annex II Section ${spec.section} (${spec.code}); ${ANNEX_II_SOURCE}`,
    summary: spec.summary,
  },
}));

export const UNION_GENERAL_AUTHORISATION_CODES: readonly string[] = UNION_SPECS.map((spec) => spec.code);

export function isUnionGeneralAuthorisation(code: string): boolean {
  return UNION_GENERAL_AUTHORISATION_CODES.includes(code);
}

/** The version of an authorisation in force on a date (YYYY-MM-DD), or undefined. */
export function versionInForce(
  versions: readonly GeneralAuthorisationVersion[],
  on: string,
): GeneralAuthorisationVersion | undefined {
  return versions.find((version) => isInForce(version, on));
}

export function isInForce(version: GeneralAuthorisationVersion, on: string): boolean {
  return version.validFrom <= on && (version.validUntil === null || on < version.validUntil);
}

/**
 * What a member state decides about the use of general authorisations (Annex II Part 3 of each
 * Section): whether exporters must register before the first use, and the deadline for notifying the
 * first use. A reading: Sections A-F let the authority require notification "prior to the first use"
 * instead of within 30 days, and a member state may require registration before the first use; we
 * model both as registration before first use. Sections G and H (EU007, EU008) set their own rule for
 * every member state (registration before first use; first use notified 30, resp. 10, days BEFORE the
 * first export): UNION_FIRST_USE_RULES below, which take the place of the member state's settings.
 */
export interface GeneralAuthorisationSettings {
  readonly registrationBeforeFirstUse: boolean;
  /**
   * Calendar days after the first export by which the first use must be notified; negative: that many
   * days BEFORE the first export (a prior notification, EU007 and EU008).
   */
  readonly firstUseNotificationDays: number;
}

/** The default for every member state: no registration required, 30 days (Annex II Sections A-F, Part 3). */
export const DEFAULT_GENERAL_AUTHORISATION_SETTINGS: GeneralAuthorisationSettings = {
  registrationBeforeFirstUse: false,
  firstUseNotificationDays: 30,
};

export type GeneralAuthorisationSettingsByMemberState = Partial<
  Readonly<Record<MemberStateCode, GeneralAuthorisationSettings>>
>;

/**
 * Sections G (EU007) and H (EU008) of Annex II set the first-use rule themselves, for every member
 * state: registration before the first use, and the first use notified at least 30 (EU007) or 10
 * (EU008) days before the first export (their Part 3, as read: see `conditions` and
 * docs/general-authorisations.md). They take the place of the member state's settings.
 */
export const UNION_FIRST_USE_RULES: Readonly<Record<string, GeneralAuthorisationSettings>> = {
  EU007: { registrationBeforeFirstUse: true, firstUseNotificationDays: -30 },
  EU008: { registrationBeforeFirstUse: true, firstUseNotificationDays: -10 },
};

/** The first-use rule a use of this authorisation follows: the Union's own where it sets one, else the member state's. */
export function firstUseRuleFor(
  authorisationCode: string,
  memberStateSettings: GeneralAuthorisationSettings,
): GeneralAuthorisationSettings {
  return UNION_FIRST_USE_RULES[authorisationCode] ?? memberStateSettings;
}

/** A member state's settings: its own entry, else the defaults. */
export function generalAuthorisationSettingsFor(
  memberState: MemberStateCode,
  overrides: GeneralAuthorisationSettingsByMemberState = {},
): GeneralAuthorisationSettings {
  return overrides[memberState] ?? DEFAULT_GENERAL_AUTHORISATION_SETTINGS;
}
