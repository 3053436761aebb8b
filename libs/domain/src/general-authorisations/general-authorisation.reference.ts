import type { MemberStateCode } from '../reference/member-states';

/*
 * The Union general export authorisations EU001-EU008 of Annex II of Regulation (EU) 2021/821 (Sections
 * A-H), and the member-state settings that govern their use (Art 12(1)(d), Annex II Part 3 of each
 * Section).
 *
 * SOURCE AND CERTAINTY. EU001's destinations are those of Annex II Section A Part 2 as amended by
 * Regulation (EU) 2020/2171 (the United Kingdom added) and are stated in docs/general-authorisations.md
 * and ../shared/domain/regulation.md. The excluded items (Annex II Section I) and the scopes of
 * EU002-EU008 are a SUMMARY written from the Annex without the Official Journal text at hand: every
 * scope below says so in `source.summary`. Before production use, check each against OJ L 206,
 * 11.6.2021, p. 1 and the later delegated acts amending Annex II (Art 17(1)); a changed scope is a new
 * version (`version`, `validFrom`), never an edit of an old one, so a use is always judged against the
 * version in force on its export date.
 */

/** Which destinations an authorisation covers. */
export type DestinationScope =
  /** Only these countries (EU001: Part 2 lists ten). */
  | { readonly kind: 'ONLY'; readonly countries: readonly string[]; readonly condition: string }
  /** Every third country except these (embargoed or otherwise listed destinations). */
  | { readonly kind: 'ALL_EXCEPT'; readonly countries: readonly string[]; readonly condition: string };

/** Which Annex I entries an authorisation covers; an entry covers its sub-entries (5A001 covers 5A001.b.5). */
export type ItemScope =
  /** Every Annex I entry except these. */
  | { readonly kind: 'ANNEX_I_EXCEPT'; readonly excluded: readonly string[]; readonly condition: string }
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
  readonly source: { readonly citation: string; readonly summary: boolean };
}

/** The date Regulation (EU) 2021/821 applies from (Art 32): the first version of EU001-EU008. */
const REGULATION_APPLIES_FROM = '2021-09-09';

/**
 * Annex II Section I: items no general authorisation covers (Art 12(1)(c)-(d), and national general
 * authorisations never cover them either). A SUMMARY: the main entries only. Section I also names every
 * item of Annex IV; the list here covers the Category 0 nuclear entries, the human and animal pathogens
 * and toxins, and the missile and stealth entries as far as stated; check against the Annex.
 */
export const ANNEX_II_SECTION_I_SUMMARY: readonly string[] = [
  '0A001',
  '0B001',
  '0B002',
  '0B003',
  '0B004',
  '0B005',
  '0B006',
  '0C001',
  '0C002',
  '0C003',
  '0C004',
  '0C005',
  '0C006',
  '0C201',
  '0D001',
  '0E001',
  '1A102',
  '1C351',
  '1C353',
  '1C354',
  '7E104',
  '9A009.a',
  '9A117',
];

const SECTION_I = 'Annex II Section I: items excluded from every general authorisation';

/** Destinations no Union general authorisation with an ALL_EXCEPT scope covers (embargoes, Part 2 lists): a summary. */
const EMBARGOED_SUMMARY: readonly string[] = [
  'AF',
  'BY',
  'CD',
  'CF',
  'IQ',
  'IR',
  'KP',
  'LB',
  'LY',
  'MM',
  'RU',
  'SD',
  'SO',
  'SS',
  'SY',
  'VE',
  'ZW',
];

interface UnionSpec {
  readonly code: string;
  readonly section: string;
  readonly title: string;
  readonly destinations: DestinationScope;
  readonly items: ItemScope;
  readonly conditions: readonly string[];
  readonly summary: boolean;
}

const COMMON_CONDITIONS: readonly string[] = [
  'Not usable where the exporter has been informed or is aware that the items are or may be intended for a use referred to in Art 4(1) or Art 5(1), or for a military end use in a destination subject to an arms embargo.',
  'Not usable for items exported to a free zone or free warehouse in a destination covered.',
  'The exporter notifies the competent authority of the first use no later than 30 days after the first export, or registers before the first use where that authority requires it (per member state: see the settings).',
  'The export declaration names the authorisation (its code) in the box reserved for it.',
];

const UNION_SPECS: readonly UnionSpec[] = [
  {
    code: 'EU001',
    section: 'A',
    title:
      'Exports to Australia, Canada, Iceland, Japan, New Zealand, Norway, Switzerland incl. Liechtenstein, the United Kingdom and the United States',
    destinations: {
      kind: 'ONLY',
      countries: ['AU', 'CA', 'IS', 'JP', 'NZ', 'NO', 'CH', 'LI', 'GB', 'US'],
      condition: 'Annex II Section A Part 2: destinations',
    },
    items: { kind: 'ANNEX_I_EXCEPT', excluded: ANNEX_II_SECTION_I_SUMMARY, condition: SECTION_I },
    conditions: COMMON_CONDITIONS,
    // Destinations as stated in the regulation; the excluded items are Section I's summary.
    summary: true,
  },
  {
    code: 'EU002',
    section: 'B',
    title: 'Export of certain dual-use items to certain destinations',
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
      excluded: ANNEX_II_SECTION_I_SUMMARY,
      condition: 'Annex II Section B Part 1: items',
    },
    conditions: COMMON_CONDITIONS,
    summary: true,
  },
  {
    code: 'EU003',
    section: 'C',
    title: 'Export after repair or replacement',
    destinations: {
      kind: 'ALL_EXCEPT',
      countries: EMBARGOED_SUMMARY,
      condition: 'Annex II Section C Part 2: excluded destinations',
    },
    items: { kind: 'ANNEX_I_EXCEPT', excluded: ANNEX_II_SECTION_I_SUMMARY, condition: SECTION_I },
    conditions: [
      ...COMMON_CONDITIONS,
      'Only for items re-exported to the country they came from after repair or replacement in the Union, whose original export was authorised, with no improvement of their original performance.',
    ],
    summary: true,
  },
  {
    code: 'EU004',
    section: 'D',
    title: 'Temporary export for exhibition or fair',
    destinations: {
      kind: 'ALL_EXCEPT',
      countries: EMBARGOED_SUMMARY,
      condition: 'Annex II Section D Part 2: excluded destinations',
    },
    items: { kind: 'ANNEX_I_EXCEPT', excluded: ANNEX_II_SECTION_I_SUMMARY, condition: SECTION_I },
    conditions: [
      ...COMMON_CONDITIONS,
      'Only for items exported for an exhibition or fair and returned within 120 days, without being tested or transferred.',
    ],
    summary: true,
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
      entries: ['5A001.b.2', '5A001.b.3', '5A001.b.5', '5A001.e', '5B001.a', '5D001.a', '5D001.b', '5E001.a'],
      excluded: ANNEX_II_SECTION_I_SUMMARY,
      condition: 'Annex II Section E Part 1: items',
    },
    // Russia was a destination until the sanctions of Council Regulation (EU) No 833/2014 closed it.
    conditions: COMMON_CONDITIONS,
    summary: true,
  },
  {
    code: 'EU006',
    section: 'F',
    title: 'Chemicals',
    destinations: {
      kind: 'ONLY',
      countries: ['AR', 'IS', 'KR', 'TR', 'UA'],
      condition: 'Annex II Section F Part 2: destinations',
    },
    items: {
      kind: 'ONLY',
      entries: ['1C350', '1C450'],
      excluded: ANNEX_II_SECTION_I_SUMMARY,
      condition: 'Annex II Section F Part 1: items',
    },
    conditions: COMMON_CONDITIONS,
    summary: true,
  },
  {
    code: 'EU007',
    section: 'G',
    title: 'Intra-group export of software and technology',
    destinations: {
      kind: 'ALL_EXCEPT',
      countries: [...EMBARGOED_SUMMARY, 'CN', 'HK', 'MO', 'IN', 'PK'],
      condition: 'Annex II Section G Part 2: excluded destinations',
    },
    items: { kind: 'ANNEX_I_EXCEPT', excluded: ANNEX_II_SECTION_I_SUMMARY, condition: SECTION_I },
    conditions: [
      ...COMMON_CONDITIONS,
      'Only software and technology (sub-categories D and E) sent to a subsidiary or sister company wholly owned or controlled by the exporter, for its own product development.',
    ],
    summary: true,
  },
  {
    code: 'EU008',
    section: 'H',
    title: 'Encryption',
    destinations: {
      kind: 'ALL_EXCEPT',
      countries: [...EMBARGOED_SUMMARY, 'AU', 'CA', 'IS', 'JP', 'NZ', 'NO', 'CH', 'LI', 'GB', 'US'],
      condition: 'Annex II Section H Part 2: excluded destinations (EU001 covers them)',
    },
    items: {
      kind: 'ONLY',
      entries: ['5A002', '5A004.b', '5B002', '5D002', '5E002'],
      excluded: ANNEX_II_SECTION_I_SUMMARY,
      condition: 'Annex II Section H Part 1: items',
    },
    conditions: COMMON_CONDITIONS,
    summary: true,
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
  source: { citation: `Regulation (EU) 2021/821, Annex II Section ${spec.section}`, summary: spec.summary },
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
 * first use. A reading: Annex II lets the authority require notification "prior to the first use"
 * instead of within 30 days; we model that requirement as registration before first use.
 */
export interface GeneralAuthorisationSettings {
  readonly registrationBeforeFirstUse: boolean;
  /** Calendar days after the first export by which the first use must be notified. */
  readonly firstUseNotificationDays: number;
}

/** The default for every member state: no registration required, 30 days (Annex II Part 3). */
export const DEFAULT_GENERAL_AUTHORISATION_SETTINGS: GeneralAuthorisationSettings = {
  registrationBeforeFirstUse: false,
  firstUseNotificationDays: 30,
};

export type GeneralAuthorisationSettingsByMemberState = Partial<
  Readonly<Record<MemberStateCode, GeneralAuthorisationSettings>>
>;

/** A member state's settings: its own entry, else the defaults. */
export function generalAuthorisationSettingsFor(
  memberState: MemberStateCode,
  overrides: GeneralAuthorisationSettingsByMemberState = {},
): GeneralAuthorisationSettings {
  return overrides[memberState] ?? DEFAULT_GENERAL_AUTHORISATION_SETTINGS;
}
