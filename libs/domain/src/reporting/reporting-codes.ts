import type { ItemClassification } from '../licensing/application.content';
import type { ControlCategory, ControlEntry } from '../reference/control-list-entry';
import { isAncestorOrSelf, parseControlEntry } from '../reference/control-list-entry';

/*
 * Reporting item types of Commission Recommendation (EU) 2024/214 (the codes of the Art 26 annual
 * report: 0EC1 nuclear, 5EC2 information security, ...).
 *
 * THE OFFICIAL ENTRY-BY-ENTRY TABLE IS NOT AT HAND. The mapping below is DERIVED FROM THE ANNEX I
 * CATEGORY (and, for Category 5, from its part: part 1 telecommunications is the x001 heads, part 2
 * information security the x002 to x004 heads). It is shipped as data so the official table can
 * replace it without touching the report: the first rule that matches an entry wins, so an official
 * per-entry rule goes before the category rules.
 */

/** A reporting item type and the Annex I entries it covers. */
export interface ReportingCodeRule {
  /** The reporting code, e.g. '5EC2'. */
  readonly code: string;
  readonly label: string;
  /** The Annex I category the rule covers; null for the catch-all code. */
  readonly category: ControlCategory | null;
  /**
   * The three-digit numbers of the heads it covers within the category ('002' covers 5A002, 5B002,
   * 5D002, 5E002); null for every head of the category.
   */
  readonly headNumbers: readonly string[] | null;
}

/** The code of items that are not on Annex I (Art 4, 5, 9 and 10 catch-all). */
export const CATCH_ALL_REPORTING_CODE = 'CATCH_ALL';

/** Derived from the Annex I category (see above), not the official table; first match wins. */
export const REPORTING_CODES: readonly ReportingCodeRule[] = [
  { code: '0EC1', label: 'Nuclear materials, facilities and equipment', category: 0, headNumbers: null },
  {
    code: '1EC1',
    label: 'Special materials and related equipment',
    category: 1,
    headNumbers: null,
  },
  { code: '2EC1', label: 'Materials processing', category: 2, headNumbers: null },
  { code: '3EC1', label: 'Electronics', category: 3, headNumbers: null },
  { code: '4EC1', label: 'Computers', category: 4, headNumbers: null },
  { code: '5EC2', label: 'Information security', category: 5, headNumbers: ['002', '003', '004'] },
  { code: '5EC1', label: 'Telecommunications', category: 5, headNumbers: null },
  { code: '6EC1', label: 'Sensors and lasers', category: 6, headNumbers: null },
  { code: '7EC1', label: 'Navigation and avionics', category: 7, headNumbers: null },
  { code: '8EC1', label: 'Marine', category: 8, headNumbers: null },
  { code: '9EC1', label: 'Aerospace and propulsion', category: 9, headNumbers: null },
  {
    code: CATCH_ALL_REPORTING_CODE,
    label: 'Items not listed in Annex I (catch-all)',
    category: null,
    headNumbers: null,
  },
];

/** Key of an item whose listed entry cannot be parsed (never produced by the deciders, which normalise). */
export const UNKNOWN_REPORTING_KEY = 'UNKNOWN';

/** The reporting code of an Annex I entry; UNKNOWN for a malformed one. */
export function reportingCodeOf(entry: string | ControlEntry): string {
  const parsed = typeof entry === 'string' ? parseControlEntry(entry) : { ok: true as const, value: entry };
  if (!parsed.ok) return UNKNOWN_REPORTING_KEY;
  const { category, head } = parsed.value;
  const number = head.slice(2);
  const rule = REPORTING_CODES.find(
    (candidate) =>
      candidate.category === category && (candidate.headNumbers === null || candidate.headNumbers.includes(number)),
  );
  return rule?.code ?? UNKNOWN_REPORTING_KEY;
}

/** The label of a reporting code, or the code itself when the table does not know it. */
export function reportingCodeLabel(code: string): string {
  return REPORTING_CODES.find((rule) => rule.code === code)?.label ?? code;
}

/** Where one item is counted in the report: Annex I category ('5'), sub-category ('5A') and reporting code. */
export interface ItemReportingKeys {
  /** '0'..'9', CATCH_ALL for an unlisted item, UNKNOWN for a malformed entry. */
  readonly category: string;
  /** '0A'..'9E', CATCH_ALL or UNKNOWN. */
  readonly subCategory: string;
  readonly reportingCode: string;
}

/** The report's keys for an item's classification. */
export function itemReportingKeys(classification: ItemClassification): ItemReportingKeys {
  if (classification.kind === 'NOT_LISTED') {
    return {
      category: CATCH_ALL_REPORTING_CODE,
      subCategory: CATCH_ALL_REPORTING_CODE,
      reportingCode: CATCH_ALL_REPORTING_CODE,
    };
  }
  const parsed = parseControlEntry(classification.controlEntry);
  if (!parsed.ok) {
    return {
      category: UNKNOWN_REPORTING_KEY,
      subCategory: UNKNOWN_REPORTING_KEY,
      reportingCode: UNKNOWN_REPORTING_KEY,
    };
  }
  const entry = parsed.value;
  return {
    category: String(entry.category),
    subCategory: `${entry.category}${entry.subCategory}`,
    reportingCode: reportingCodeOf(entry),
  };
}

/**
 * Annex I entries reported as cyber-surveillance items (Art 2(20), Art 26(2)): the entries flagged in
 * the shared control-list sample. An entry below one (5A001.j.1) is one too; a parent (5A001) is not,
 * as it also covers items that are not. Kept in step with libs/contracts' list of the same name.
 */
export const CYBER_SURVEILLANCE_CONTROL_ENTRIES: readonly string[] = [
  '4A005',
  '4D004',
  '4E001.c',
  '5A001.f',
  '5A001.j',
  '5A004.a',
  '5A004.b',
  '5D001.e',
];

const FLAGGED: readonly ControlEntry[] = CYBER_SURVEILLANCE_CONTROL_ENTRIES.flatMap((entry) => {
  const parsed = parseControlEntry(entry);
  return parsed.ok ? [parsed.value] : [];
});

/** True for a flagged cyber-surveillance entry or an entry below one; false for a malformed entry. */
export function isCyberSurveillanceEntry(entry: string | ControlEntry): boolean {
  const parsed = typeof entry === 'string' ? parseControlEntry(entry) : { ok: true as const, value: entry };
  return parsed.ok && FLAGGED.some((flagged) => isAncestorOrSelf(flagged, parsed.value));
}

/** The cyber-surveillance table's key for an unlisted item caught by the Art 5 catch-all. */
export const ART5_CATCH_ALL_KEY = 'CATCH_ALL:ART5';

/**
 * The cyber-surveillance table's key of an item: its control entry when flagged, ART5_CATCH_ALL_KEY
 * for an Art 5 catch-all item, null when the item is not a cyber-surveillance item.
 */
export function cyberSurveillanceKey(classification: ItemClassification): string | null {
  if (classification.kind === 'NOT_LISTED') return classification.catchAllGround === 'ART5' ? ART5_CATCH_ALL_KEY : null;
  return isCyberSurveillanceEntry(classification.controlEntry) ? classification.controlEntry : null;
}
