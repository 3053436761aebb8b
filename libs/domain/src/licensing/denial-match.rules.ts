import { refuse } from '../refusals';
import type { MemberStateCode } from '../reference/member-states';
import { normaliseMemberState } from '../reference/member-states';
import type { DenialMatchInput } from './application.commands';
import { requiredText } from './application.content';
import type { DenialMatchFound } from './application.events';

/** A screening match as recorded on the application (DenialMatchFound). */
export type RecordedDenialMatch = DenialMatchFound['data'];

/**
 * Checks the matches screening reports (INVALID when malformed): each names a denial, the member state
 * that issued it (another than the application's authority: Art 16 concerns other member states'
 * denials), a score from 0 to 1, at least one matched field, and an explanation. Text is trimmed,
 * matched fields deduplicated, and a denial named twice is kept once (the first, screening's best).
 */
export function checkedDenialMatches(
  matches: readonly DenialMatchInput[],
  authority: MemberStateCode,
  foundAt: string,
): readonly RecordedDenialMatch[] {
  const list: unknown = matches;
  if (!Array.isArray(list)) throw refuse.invalid('denial-matches', 'matches must be a list of denial matches');
  const checked = matches.map((match, index) => checkedDenialMatch(match, `matches[${index}]`, authority, foundAt));
  const seen = new Set<string>();
  return checked.filter((match) => {
    if (seen.has(match.denialId)) return false;
    seen.add(match.denialId);
    return true;
  });
}

/** When screening ran: `screenedAt` if given (an instant no later than now), else now; ISO 8601. */
export function screeningInstant(screenedAt: string | undefined, now: Date): string {
  if (screenedAt === undefined || screenedAt === null) return now.toISOString();
  const time = typeof screenedAt === 'string' ? Date.parse(screenedAt) : Number.NaN;
  if (!Number.isFinite(time)) throw refuse.invalid('screened-at', 'screenedAt must be an ISO 8601 date and time');
  if (time > now.getTime()) throw refuse.invalid('screened-at', 'screenedAt cannot be later than now');
  return new Date(time).toISOString();
}

function checkedDenialMatch(
  match: DenialMatchInput,
  field: string,
  authority: MemberStateCode,
  foundAt: string,
): RecordedDenialMatch {
  if (typeof match !== 'object' || match === null) throw refuse.invalid('denial-matches', `${field} must be a match`);
  const denialId = requiredText(match.denialId, `${field}.denialId`);
  const issuingMemberState =
    typeof match.issuingMemberState === 'string' ? normaliseMemberState(match.issuingMemberState) : undefined;
  if (issuingMemberState === undefined) {
    throw refuse.invalid(
      'member-state-code',
      `${field}.issuingMemberState '${String(match.issuingMemberState)}' is not an EU member state`,
    );
  }
  if (issuingMemberState === authority) {
    throw refuse.invalid(
      'denial-of-another-member-state',
      `denial ${denialId} is ${authority}'s own; screening matches other member states' denials (Art 16)`,
    );
  }
  const { score } = match;
  if (typeof score !== 'number' || !Number.isFinite(score) || score < 0 || score > 1) {
    throw refuse.invalid('match-score', `${field}.score must be a number from 0 to 1`);
  }
  const matchedFields = Array.isArray(match.matchedFields)
    ? [...new Set(match.matchedFields.filter((name) => typeof name === 'string').map((name) => name.trim()))].filter(
        (name) => name !== '',
      )
    : [];
  if (matchedFields.length === 0) {
    throw refuse.invalid('match-fields', `${field}.matchedFields names at least one field that matched`);
  }
  const explanation = requiredText(match.explanation, `${field}.explanation`);
  return { denialId, issuingMemberState, score, matchedFields, explanation, foundAt };
}
