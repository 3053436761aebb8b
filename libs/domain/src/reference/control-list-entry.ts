import type { DomainError } from '../domain.errors';
import { refuse } from '../refusals';

/** Annex I categories: 0 nuclear ... 9 aerospace and propulsion. */
export type ControlCategory = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

/** Annex I sub-categories: A systems, B test/production equipment, C materials, D software, E technology. */
export type ControlSubCategory = 'A' | 'B' | 'C' | 'D' | 'E';

/** A parsed, normalised Annex I entry such as 5D002.c.3.a. */
export interface ControlEntry {
  /** The normalised text: upper-case head, lower-case path, no trailing dot. */
  readonly code: string;
  readonly category: ControlCategory;
  readonly subCategory: ControlSubCategory;
  /** The five-character head, e.g. '5D002'. */
  readonly head: string;
  /** The dotted path below the head, e.g. ['c', '3', 'a']; empty for a head-only entry. */
  readonly path: readonly string[];
}

/** The outcome of parsing untrusted input: a value, or the refusal that says what is wrong. */
export type ParseResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DomainError };

const RULE = 'control-entry-format';

/**
 * Parses and normalises an Annex I entry. Sources write entries in either case and sometimes with a
 * trailing dot (`5a001.J`, `5A001.b.5.`); Annex I itself writes the head upper-case and the path
 * lower-case, so that is the stored form. Path segments are letters or digits, never mixed (Annex I
 * alternates them: c.3.a), which also keeps `5A001.b5` from passing for `5A001.b.5`.
 */
export function parseControlEntry(raw: string): ParseResult<ControlEntry> {
  const text = dropOneTrailingDot(raw.trim());
  if (text === '') return failure(`control list entry '${raw}' is empty`);
  const [head = '', ...segments] = text.split('.');
  const headProblem = describeHeadProblem(head);
  if (headProblem !== undefined) return failure(`control list entry '${raw}': ${headProblem}`);
  const segmentProblem = describePathProblem(segments);
  if (segmentProblem !== undefined) return failure(`control list entry '${raw}': ${segmentProblem}`);
  return { ok: true, value: toEntry(head.toUpperCase(), segments) };
}

/** The normalised code, or a thrown DomainError('INVALID') for a malformed entry. */
export function normaliseControlEntry(raw: string): string {
  const parsed = parseControlEntry(raw);
  if (!parsed.ok) throw parsed.error;
  return parsed.value.code;
}

/**
 * True when the entries are the same or one is an ancestor of the other (5A001 covers 5A001.j), the
 * relation used when matching denials and items. Compared by segment, never by characters: 5A001 does
 * not cover 5A0011 nor 5A001.b does 5A001.bb. An unparseable entry overlaps nothing.
 */
export function entriesOverlap(a: string | ControlEntry, b: string | ControlEntry): boolean {
  const left = asEntry(a);
  const right = asEntry(b);
  if (left === undefined || right === undefined) return false;
  return isAncestorOrSelf(left, right) || isAncestorOrSelf(right, left);
}

/** True when `ancestor` is `entry` or one of its parents (5A001 and 5A001.b for 5A001.b.5). */
export function isAncestorOrSelf(ancestor: ControlEntry, entry: ControlEntry): boolean {
  return (
    ancestor.head === entry.head &&
    ancestor.path.length <= entry.path.length &&
    ancestor.path.every((segment, index) => segment === entry.path[index])
  );
}

function dropOneTrailingDot(text: string): string {
  return text.endsWith('.') ? text.slice(0, -1) : text;
}

function describeHeadProblem(head: string): string | undefined {
  if (!/^[0-9]/.test(head)) return 'must start with a category digit 0-9';
  if (!/^[0-9][A-E]/i.test(head)) return 'the second character must be a sub-category letter A-E';
  if (!/^[0-9][A-E][0-9]{3}$/i.test(head)) return 'the sub-category must be followed by exactly three digits';
  return undefined;
}

function describePathProblem(segments: readonly string[]): string | undefined {
  const index = segments.findIndex((segment) => !/^(?:[a-z]+|[0-9]+)$/i.test(segment));
  if (index < 0) return undefined;
  const segment = segments[index] ?? '';
  return segment === ''
    ? `path segment ${index + 1} is empty (two dots in a row?)`
    : `path segment '${segment}' must be letters only or digits only`;
}

function toEntry(head: string, segments: readonly string[]): ControlEntry {
  const path = segments.map((segment) => segment.toLowerCase());
  return {
    code: [head, ...path].join('.'),
    category: Number(head[0]) as ControlCategory,
    subCategory: head[1] as ControlSubCategory,
    head,
    path,
  };
}

function asEntry(value: string | ControlEntry): ControlEntry | undefined {
  if (typeof value !== 'string') return value;
  const parsed = parseControlEntry(value);
  return parsed.ok ? parsed.value : undefined;
}

function failure(message: string): ParseResult<never> {
  return { ok: false, error: refuse.invalid(RULE, message) };
}
