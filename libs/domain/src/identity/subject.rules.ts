/**
 * How two actors' subjects (the identity provider's `sub`) are compared wherever a rule depends on
 * "the same person": four-eyes above all. `eve`, `EVE` and `ｅｖｅ` (fullwidth) are one person.
 *
 * Reading: Unicode default caseless matching on NFKC (UAX #15, Unicode 3.13 D145 approximated as
 * NFKC -> toUpperCase -> toLowerCase -> NFKC: JavaScript has no full case folding; the upper-then-
 * lower round trip folds ß to ss and final sigma to sigma as full folding does). Whitespace and
 * invisible characters are not folded away here: tokens whose subject holds them are refused at the
 * edge (libs/auth), so a subject that reaches the domain has none.
 */
export function subjectKey(subject: string): string {
  return subject.normalize('NFKC').toUpperCase().toLowerCase().normalize('NFKC');
}

/** True when both subjects name the same person after normalisation and case folding. */
export function sameSubject(a: string, b: string): boolean {
  return subjectKey(a) === subjectKey(b);
}

/**
 * Whitespace (any Unicode White_Space), control (Cc), format (Cf: zero-width space, joiners, bidi
 * controls, soft hyphen), line and paragraph separators, unassigned/private-use/surrogate code
 * points, and the default-ignorable fillers (U+115F, U+1160, U+3164, U+FFA0, variation selectors)
 * that render as nothing.
 */
const INVISIBLE =
  /[\p{White_Space}\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Cs}\u115F\u1160\u3164\uFFA0]|[\uFE00-\uFE0F]|\u034F/u;

/** True when a subject holds whitespace or a character that shows as nothing. */
export function hasInvisibleCharacters(subject: string): boolean {
  return INVISIBLE.test(subject);
}
