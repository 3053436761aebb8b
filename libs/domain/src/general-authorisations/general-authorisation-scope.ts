import { parseControlEntry, isAncestorOrSelf } from '../reference/control-list-entry';
import type { ControlEntry } from '../reference/control-list-entry';
import type { GeneralAuthorisationVersion } from './general-authorisation.reference';

/** Why a use falls outside an authorisation: the condition it breaks, in words an exporter can act on. */
export interface ScopeViolation {
  readonly condition: string;
  readonly message: string;
}

// EU texts write the United Kingdom as UK; ISO 3166-1 (and our store) as GB.
const COUNTRY_ALIASES: Readonly<Record<string, string>> = { UK: 'GB' };

export function canonicalCountry(code: string): string {
  const upper = code.trim().toUpperCase();
  return COUNTRY_ALIASES[upper] ?? upper;
}

/**
 * The first condition of the authorisation's scope that a use breaks (destination first, then each
 * item in order), or null when the use is covered. An ANNEX_I_EXCEPT scope with `subCategories` covers
 * only entries of those sub-categories (EU003 and EU004: A-C; EU007: D and E). An entry covers its sub-entries: 5A001 covers
 * 5A001.b.5, and an excluded 9A009.a excludes 9A009.a.1 but not 9A009.b.
 */
export function scopeViolation(
  authorisation: GeneralAuthorisationVersion,
  use: { readonly destinationCountry: string; readonly controlEntries: readonly string[] },
): ScopeViolation | null {
  const { destinations, items } = authorisation.scope;
  const destination = canonicalCountry(use.destinationCountry);
  const listed = destinations.countries.map(canonicalCountry).includes(destination);
  if (destinations.kind === 'ONLY' ? !listed : listed) {
    const allowed =
      destinations.kind === 'ONLY'
        ? `it covers only ${destinations.countries.join(', ')}`
        : `it excludes ${destinations.countries.join(', ')}`;
    return {
      condition: destinations.condition,
      message: `${authorisation.code} does not cover the destination ${destination} (${destinations.condition}: ${allowed})`,
    };
  }
  for (const raw of use.controlEntries) {
    const entry = parsed(raw);
    if (entry === undefined) {
      return { condition: items.condition, message: `'${raw}' is not an Annex I control list entry` };
    }
    if (items.kind === 'ANNEX_I_EXCEPT' && items.subCategories !== undefined) {
      if (!items.subCategories.includes(entry.subCategory)) {
        return {
          condition: items.condition,
          message: `${authorisation.code} does not cover ${entry.code} (${items.condition}: only sub-categories ${items.subCategories.join(', ')})`,
        };
      }
    }
    const excluded = items.excluded.find((candidate) => covers(candidate, entry));
    if (excluded !== undefined) {
      const condition = items.kind === 'ANNEX_I_EXCEPT' ? items.condition : 'Annex II Section I: excluded items';
      return {
        condition,
        message: `${authorisation.code} does not cover ${entry.code}: ${condition} excludes ${excluded}`,
      };
    }
    if (items.kind === 'ONLY' && !items.entries.some((candidate) => covers(candidate, entry))) {
      return {
        condition: items.condition,
        message: `${authorisation.code} does not cover ${entry.code} (${items.condition}: only ${items.entries.join(', ')})`,
      };
    }
  }
  return null;
}

function parsed(raw: string): ControlEntry | undefined {
  const result = parseControlEntry(raw);
  return result.ok ? result.value : undefined;
}

function covers(scopeEntry: string, entry: ControlEntry): boolean {
  const scope = parsed(scopeEntry);
  return scope !== undefined && isAncestorOrSelf(scope, entry);
}
