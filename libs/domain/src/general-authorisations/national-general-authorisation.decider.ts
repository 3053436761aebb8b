import type { Command, CommandMetadata, Decider, DomainEvent } from '../decider';
import { assertNever } from '../decider';
import { requiredText } from '../licensing/application.content';
import { isoDate } from '../licensing/art16-notification';
import { isAncestorOrSelf, normaliseControlEntry, parseControlEntry } from '../reference/control-list-entry';
import type { MemberStateCode } from '../reference/member-states';
import { normaliseCountryCode, normaliseMemberState } from '../reference/member-states';
import { refuse } from '../refusals';
import type {
  DestinationScope,
  GeneralAuthorisationScope,
  GeneralAuthorisationVersion,
  ItemScope,
} from './general-authorisation.reference';
import { ANNEX_II_SECTION_I } from './general-authorisation.reference';

/*
 * A national general export authorisation (Art 12(1)(d)) as its member state publishes it: code,
 * title, scope and conditions, in versions. A new version takes effect on its validFrom and ends the
 * one before it; versions are never edited, so a use is always judged against the version in force on
 * its export date.
 */

export type NationalGeneralAuthorisationPublished = DomainEvent<
  'NationalGeneralAuthorisationPublished',
  { readonly authorisation: GeneralAuthorisationVersion; readonly publishedBy: string; readonly publishedAt: string }
>;

export type NationalGeneralAuthorisationEvent = NationalGeneralAuthorisationPublished;

export type PublishNationalGeneralAuthorisation = Command<
  'PublishNationalGeneralAuthorisation',
  {
    readonly code: string;
    readonly title: string;
    /** YYYY-MM-DD; today or later: a version never changes how past exports are judged. */
    readonly validFrom: string;
    readonly scope: GeneralAuthorisationScope;
    readonly citation: string;
  }
>;

export type NationalGeneralAuthorisationCommand = PublishNationalGeneralAuthorisation;

export interface NationalGeneralAuthorisationState {
  readonly versions: readonly GeneralAuthorisationVersion[];
}

export const nationalGeneralAuthorisationDecider: Decider<
  NationalGeneralAuthorisationCommand,
  NationalGeneralAuthorisationEvent,
  NationalGeneralAuthorisationState
> = {
  initialState: () => ({ versions: [] }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'NationalGeneralAuthorisationPublished': {
        const next = event.data.authorisation;
        const versions = state.versions.map((version) =>
          version.validUntil === null ? { ...version, validUntil: next.validFrom } : version,
        );
        return { versions: [...versions, next] };
      }
      default:
        return assertNever(event.type, 'national general authorisation event');
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'PublishNationalGeneralAuthorisation':
        return publish(command, state);
      default:
        return assertNever(command.type, 'national general authorisation command');
    }
  },
};

/** A national code names its member state first: DE-AGG12. */
export const NATIONAL_CODE_PATTERN = /^[A-Z]{2}-[A-Z0-9][A-Z0-9-]{0,23}$/;

function publish(
  { data, metadata }: PublishNationalGeneralAuthorisation,
  state: NationalGeneralAuthorisationState,
): readonly NationalGeneralAuthorisationEvent[] {
  const memberState = actingMemberState(metadata);
  const code = requiredText(data.code, 'code').toUpperCase();
  if (!NATIONAL_CODE_PATTERN.test(code) || normaliseMemberState(code.slice(0, 2)) !== memberState) {
    throw refuse.invalid('national-code', `code must start with ${memberState}- (e.g. ${memberState}-AGG12)`);
  }
  const validFrom = calendarDate(data.validFrom, 'validFrom');
  if (validFrom < isoDate(metadata.now)) {
    throw refuse.ruleViolated('no-retroactive-version', 'a new version takes effect today or later, never before');
  }
  const last = state.versions[state.versions.length - 1];
  if (last !== undefined && validFrom <= last.validFrom) {
    throw refuse.ruleViolated('version-order', `a new version takes effect after ${last.validFrom}`);
  }
  return [
    {
      type: 'NationalGeneralAuthorisationPublished',
      data: {
        authorisation: {
          code,
          kind: 'NATIONAL',
          title: requiredText(data.title, 'title'),
          version: (last?.version ?? 0) + 1,
          validFrom,
          validUntil: null,
          memberState,
          scope: checkedScope(data.scope),
          source: { citation: requiredText(data.citation, 'citation'), summary: false },
        },
        publishedBy: metadata.actor,
        publishedAt: metadata.now.toISOString(),
      },
    },
  ];
}

function checkedScope(scope: GeneralAuthorisationScope): GeneralAuthorisationScope {
  return {
    destinations: checkedDestinations(scope.destinations),
    items: checkedItems(scope.items),
    conditions: (scope.conditions ?? []).map((condition, index) =>
      requiredText(condition, `scope.conditions[${index}]`),
    ),
  };
}

function checkedDestinations(destinations: DestinationScope): DestinationScope {
  const countries = destinations.countries.map((country, index) => {
    const code = normaliseCountryCode(country);
    if (code === undefined) throw refuse.invalid('country-code', `scope.destinations.countries[${index}]`);
    return code;
  });
  if (destinations.kind === 'ONLY' && countries.length === 0) {
    throw refuse.invalid('destinations', 'scope.destinations of kind ONLY lists at least one country');
  }
  return {
    kind: destinations.kind,
    countries,
    condition: requiredText(destinations.condition, 'scope.destinations.condition'),
  };
}

// Art 12(1)(d) and Annex II Section I: a national general authorisation never covers Section I items.
function checkedItems(items: ItemScope): ItemScope {
  const excluded = [
    ...new Set([...ANNEX_II_SECTION_I, ...items.excluded.map((entry) => normaliseControlEntry(entry))]),
  ];
  const condition = requiredText(items.condition, 'scope.items.condition');
  if (items.kind === 'ANNEX_I_EXCEPT') return { kind: 'ANNEX_I_EXCEPT', excluded, condition };
  const entries = items.entries.map((entry) => normaliseControlEntry(entry));
  if (entries.length === 0) throw refuse.invalid('items', 'scope.items of kind ONLY lists at least one entry');
  // An entry inside a Section I entry is refused; a broader one is fine: Section I stays excluded from it.
  const sectionI = entries.find((entry) => ANNEX_II_SECTION_I.some((other) => within(entry, other)));
  if (sectionI !== undefined) {
    throw refuse.ruleViolated(
      'national-excludes-section-i',
      `${sectionI} is an Annex II Section I item: no national general authorisation covers it`,
    );
  }
  return { kind: 'ONLY', entries, excluded, condition };
}

function actingMemberState(metadata: CommandMetadata): MemberStateCode {
  const acting = metadata.memberState === undefined ? undefined : normaliseMemberState(metadata.memberState);
  if (acting === undefined) throw refuse.forbidden('authority-boundary', 'only a member-state authority publishes');
  return acting;
}

function calendarDate(value: string, field: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || isoDate(new Date(`${text}T00:00:00Z`)) !== text) {
    throw refuse.invalid('calendar-date', `${field} must be a calendar date YYYY-MM-DD`);
  }
  return text;
}

function within(entry: string, ancestor: string): boolean {
  const child = parseControlEntry(entry);
  const parent = parseControlEntry(ancestor);
  return child.ok && parent.ok && isAncestorOrSelf(parent.value, child.value);
}
