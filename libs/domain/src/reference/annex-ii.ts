import { normaliseCountryCode } from './member-states';

/**
 * Annex II Section A Part 2 of Regulation (EU) 2021/821: the destinations of Union general export
 * authorisation EU001 (Australia, Canada, Iceland, Japan, New Zealand, Norway, Switzerland,
 * Liechtenstein, the United Kingdom, the United States). Art 14(1) asks for no consultation of the
 * member state where items are located when the destination is one of these (unless an item is in
 * Annex IV). The United Kingdom is GB in ISO 3166-1; the regulation writes UK: both are accepted.
 */
export const ANNEX_II_SECTION_A_PART_2_DESTINATIONS: readonly string[] = [
  'AU',
  'CA',
  'IS',
  'JP',
  'NZ',
  'NO',
  'CH',
  'LI',
  'GB',
  'US',
];

/** True when the destination is listed in Annex II Section A Part 2 (UK read as GB). */
export function isAnnexIISectionAPart2Destination(destination: string): boolean {
  const code = normaliseCountryCode(destination);
  if (code === undefined) return false;
  return ANNEX_II_SECTION_A_PART_2_DESTINATIONS.includes(code === 'UK' ? 'GB' : code);
}
