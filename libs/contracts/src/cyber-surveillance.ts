import type { ItemClassification } from '@dul/domain';
import { isAncestorOrSelf, parseControlEntry } from '@dul/domain';

/**
 * Annex I entries reported as cyber-surveillance items (Art 2(20), Art 26(2)), from the shared control
 * list sample. An entry below one of these (5A001.j.1) is one too; a parent (5A001) is not, as it also
 * covers items that are not.
 */
// Reference data that belongs in libs/domain/reference once the reporting issue lands there; kept here
// so the Commission's contracts can be filled today.
export const CYBER_SURVEILLANCE_ENTRIES = [
  '4A005',
  '4D004',
  '4E001.c',
  '5A001.f',
  '5A001.j',
  '5A004.a',
  '5A004.b',
  '5D001.e',
] as const;

const FLAGGED = CYBER_SURVEILLANCE_ENTRIES.map((entry) => {
  const parsed = parseControlEntry(entry);
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
});

/** True for a flagged Annex I entry or one below it, and for an item caught by the Art 5 catch-all. */
export function isCyberSurveillance(classification: ItemClassification): boolean {
  if (classification.kind === 'NOT_LISTED') return classification.catchAllGround === 'ART5';
  const parsed = parseControlEntry(classification.controlEntry);
  return parsed.ok && FLAGGED.some((flagged) => isAncestorOrSelf(flagged, parsed.value));
}
