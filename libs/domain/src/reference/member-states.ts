/**
 * The 27 EU member states, embedded (reference data changes by treaty, not at run time).
 * Stored codes are ISO 3166-1 alpha-2, so Greece is stored as 'GR'; EU publications write 'EL' and
 * we accept it on the way in. ISO is what customs systems, EORI prefixes of third countries and every
 * other country field use, so one alphabet for all country codes avoids a second mapping downstream.
 */
export const MEMBER_STATES = [
  { code: 'AT', name: 'Austria' },
  { code: 'BE', name: 'Belgium' },
  { code: 'BG', name: 'Bulgaria' },
  { code: 'HR', name: 'Croatia' },
  { code: 'CY', name: 'Cyprus' },
  { code: 'CZ', name: 'Czechia' },
  { code: 'DK', name: 'Denmark' },
  { code: 'EE', name: 'Estonia' },
  { code: 'FI', name: 'Finland' },
  { code: 'FR', name: 'France' },
  { code: 'DE', name: 'Germany' },
  { code: 'GR', name: 'Greece', euCode: 'EL' },
  { code: 'HU', name: 'Hungary' },
  { code: 'IE', name: 'Ireland' },
  { code: 'IT', name: 'Italy' },
  { code: 'LV', name: 'Latvia' },
  { code: 'LT', name: 'Lithuania' },
  { code: 'LU', name: 'Luxembourg' },
  { code: 'MT', name: 'Malta' },
  { code: 'NL', name: 'Netherlands' },
  { code: 'PL', name: 'Poland' },
  { code: 'PT', name: 'Portugal' },
  { code: 'RO', name: 'Romania' },
  { code: 'SK', name: 'Slovakia' },
  { code: 'SI', name: 'Slovenia' },
  { code: 'ES', name: 'Spain' },
  { code: 'SE', name: 'Sweden' },
] as const;

/** ISO 3166-1 alpha-2 code of an EU member state, as stored. */
export type MemberStateCode = (typeof MEMBER_STATES)[number]['code'];

/** Every member state code, in the order above. */
export const MEMBER_STATE_CODES: readonly MemberStateCode[] = MEMBER_STATES.map((state) => state.code);

const CODES = new Set<string>(MEMBER_STATE_CODES);

/** EU-publication codes that differ from ISO, mapped to the ISO code we store. */
const EU_CODE_ALIASES: Readonly<Record<string, MemberStateCode>> = { EL: 'GR' };

/** True for a stored (ISO) member state code; 'EL' is not one: normalise it first. */
export function isMemberState(code: string): code is MemberStateCode {
  return CODES.has(code);
}

/**
 * A member state code as stored, or undefined when the input names no member state.
 * Trims, upper-cases and maps 'EL' to 'GR'.
 */
export function normaliseMemberState(code: string): MemberStateCode | undefined {
  const normalised = normaliseCountryCode(code);
  return normalised !== undefined && isMemberState(normalised) ? normalised : undefined;
}

/**
 * Any ISO 3166-1 alpha-2 country code as stored: trimmed, upper-cased, 'EL' read as Greece.
 * Only the shape is checked (two letters): the domain does not embed the full ISO list.
 */
export function normaliseCountryCode(code: string): string | undefined {
  const upper = code.trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(upper)) return undefined;
  return EU_CODE_ALIASES[upper] ?? upper;
}

/** Every member state except the given one: the recipients of an Art 16 notification. */
export function otherMemberStates(except: MemberStateCode): readonly MemberStateCode[] {
  return MEMBER_STATE_CODES.filter((code) => code !== except);
}
