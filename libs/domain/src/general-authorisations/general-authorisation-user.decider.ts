import type { CommandMetadata, Decider } from '../decider';
import { assertNever } from '../decider';
import { checkedAmount } from '../licensing/amounts';
import { optionalText, requiredText } from '../licensing/application.content';
import type { Art15Ground } from '../licensing/art16-notification';
import { ART15_GROUNDS, isoDate } from '../licensing/art16-notification';
import { normaliseControlEntry } from '../reference/control-list-entry';
import type { MemberStateCode } from '../reference/member-states';
import { normaliseCountryCode, normaliseMemberState, otherMemberStates } from '../reference/member-states';
import { refuse } from '../refusals';
import type { GeneralAuthorisationKind, GeneralAuthorisationSettings } from './general-authorisation.reference';
import { firstUseRuleFor, versionInForce } from './general-authorisation.reference';
import { canonicalCountry, scopeViolation } from './general-authorisation-scope';
import type {
  GeneralAuthorisationSubject,
  GeneralAuthorisationUserCommand,
  NotifyGeneralAuthorisationFirstUse,
  RecordGeneralAuthorisationUse,
  RefuseGeneralAuthorisationRegistration,
  RegisterForGeneralAuthorisation,
  ReinstateGeneralAuthorisationRight,
  SuspendGeneralAuthorisationRight,
  WithdrawGeneralAuthorisationRight,
} from './general-authorisation-user.commands';
import type {
  GeneralAuthorisationExporter,
  GeneralAuthorisationUseItem,
  GeneralAuthorisationUserEvent,
  GeneralAuthorisationUserNotification,
} from './general-authorisation-user.events';

/** ACTIVE: may use the authorisation. REFUSED, WITHDRAWN: may not, for good. SUSPENDED: not until reinstated. */
export type GeneralAuthorisationUserStatus = 'ACTIVE' | 'REFUSED' | 'SUSPENDED' | 'WITHDRAWN';

export interface GeneralAuthorisationUser {
  readonly status: GeneralAuthorisationUserStatus;
  readonly registrationId: string;
  readonly authorisation: string;
  readonly authorisationKind: GeneralAuthorisationKind;
  readonly memberState: MemberStateCode;
  readonly exporter: GeneralAuthorisationExporter;
  /** ISO instant of the registration; null when the record started with a first-use notification. */
  readonly registeredAt: string | null;
  /** YYYY-MM-DD of the first export as notified; null before the notification. */
  readonly firstExportDate: string | null;
  readonly firstUseNotifiedLate: boolean | null;
  /** YYYY-MM-DD of the earliest export recorded so far. */
  readonly earliestExportDate: string | null;
  readonly useIds: readonly string[];
  /** Whether the current suspension was notified (its reinstatement then is too). */
  readonly suspensionNotified: boolean;
}

export type GeneralAuthorisationUserState = { readonly status: 'NONE' } | GeneralAuthorisationUser;

/**
 * An exporter's right to use one general authorisation (Union or national) with its authority: the
 * registration, the first-use notification, the reports of use checked against the authorisation's
 * scope, and the authority's refusal, suspension, reinstatement and withdrawal (Art 12(6)).
 */
export const generalAuthorisationUserDecider: Decider<
  GeneralAuthorisationUserCommand,
  GeneralAuthorisationUserEvent,
  GeneralAuthorisationUserState
> = {
  initialState: () => ({ status: 'NONE' }),
  evolve: evolveGeneralAuthorisationUser,
  decide: decideGeneralAuthorisationUser,
};

export function decideGeneralAuthorisationUser(
  command: GeneralAuthorisationUserCommand,
  state: GeneralAuthorisationUserState,
): readonly GeneralAuthorisationUserEvent[] {
  switch (command.type) {
    case 'RegisterForGeneralAuthorisation':
      return register(command, state);
    case 'RefuseGeneralAuthorisationRegistration':
      return refuseRegistration(command, state);
    case 'SuspendGeneralAuthorisationRight':
      return suspend(command, state);
    case 'ReinstateGeneralAuthorisationRight':
      return reinstate(command, state);
    case 'WithdrawGeneralAuthorisationRight':
      return withdraw(command, state);
    case 'NotifyGeneralAuthorisationFirstUse':
      return notifyFirstUse(command, state);
    case 'RecordGeneralAuthorisationUse':
      return recordUse(command, state);
    default:
      return assertNever(command, 'general authorisation user command');
  }
}

function register(
  { data, metadata }: RegisterForGeneralAuthorisation,
  state: GeneralAuthorisationUserState,
): readonly GeneralAuthorisationUserEvent[] {
  if (state.status !== 'NONE') {
    throw refuse.conflict('already-registered', 'this exporter already has a record for this authorisation');
  }
  return [
    {
      type: 'GeneralAuthorisationRegistered',
      data: {
        ...registrationFacts(data, metadata),
        registeredBy: metadata.actor,
        registeredAt: metadata.now.toISOString(),
      },
    },
  ];
}

function refuseRegistration(
  { data, metadata }: RefuseGeneralAuthorisationRegistration,
  state: GeneralAuthorisationUserState,
): readonly GeneralAuthorisationUserEvent[] {
  const user = ownUser(state, metadata);
  if (user.status !== 'ACTIVE' || user.registeredAt === null) {
    throw refuse.conflict('registration-not-open', `a ${user.status} record has no registration to refuse`);
  }
  // Once the exporter has used the authorisation, ending the right is a withdrawal (Art 12(6)), on the record as such.
  if (user.useIds.length > 0) {
    throw refuse.conflict('refuse-before-use', 'the authorisation has been used: withdraw the right instead');
  }
  return [
    {
      type: 'GeneralAuthorisationRegistrationRefused',
      data: {
        reason: requiredText(data.reason, 'reason'),
        refusedBy: metadata.actor,
        refusedAt: metadata.now.toISOString(),
      },
    },
  ];
}

function suspend(
  { data, metadata }: SuspendGeneralAuthorisationRight,
  state: GeneralAuthorisationUserState,
): readonly GeneralAuthorisationUserEvent[] {
  const user = ownUser(state, metadata);
  if (user.status !== 'ACTIVE') throw refuse.conflict('user-not-active', `a ${user.status} right cannot be suspended`);
  const reason = requiredText(data.reason, 'reason');
  const grounds = knownGrounds(data.grounds);
  return [
    {
      type: 'GeneralAuthorisationRightSuspended',
      data: {
        reason,
        grounds,
        denialInSubstance: data.denialInSubstance,
        notification: data.denialInSubstance
          ? notificationFor('GEA_RIGHT_SUSPENDED', user, grounds, reason, metadata)
          : null,
        suspendedBy: metadata.actor,
        suspendedAt: metadata.now.toISOString(),
      },
    },
  ];
}

function reinstate(
  { data, metadata }: ReinstateGeneralAuthorisationRight,
  state: GeneralAuthorisationUserState,
): readonly GeneralAuthorisationUserEvent[] {
  const user = ownUser(state, metadata);
  if (user.status !== 'SUSPENDED') {
    throw refuse.conflict('user-not-suspended', 'only a suspended right is reinstated');
  }
  const finalAssessment = requiredText(data.finalAssessment, 'finalAssessment');
  return [
    {
      type: 'GeneralAuthorisationRightReinstated',
      data: {
        finalAssessment,
        notification: user.suspensionNotified
          ? notificationFor('GEA_RIGHT_REINSTATED', user, [], finalAssessment, metadata)
          : null,
        reinstatedBy: metadata.actor,
        reinstatedAt: metadata.now.toISOString(),
      },
    },
  ];
}

function withdraw(
  { data, metadata }: WithdrawGeneralAuthorisationRight,
  state: GeneralAuthorisationUserState,
): readonly GeneralAuthorisationUserEvent[] {
  const user = ownUser(state, metadata);
  if (user.status !== 'ACTIVE' && user.status !== 'SUSPENDED') {
    throw refuse.conflict('user-ended', `a ${user.status} right cannot be withdrawn`);
  }
  const reason = requiredText(data.reason, 'reason');
  const grounds = knownGrounds(data.grounds);
  return [
    {
      type: 'GeneralAuthorisationRightWithdrawn',
      data: {
        reason,
        grounds,
        // Art 12(6): the authorities exchange information on exporters deprived of the right.
        notification: notificationFor('GEA_RIGHT_WITHDRAWN', user, grounds, reason, metadata),
        withdrawnBy: metadata.actor,
        withdrawnAt: metadata.now.toISOString(),
      },
    },
  ];
}

function notifyFirstUse(
  { data, metadata }: NotifyGeneralAuthorisationFirstUse,
  state: GeneralAuthorisationUserState,
): readonly GeneralAuthorisationUserEvent[] {
  const firstExportDate = calendarDate(data.firstExportDate, 'firstExportDate');
  const notifiedOn = isoDate(metadata.now);
  const authorisationCode = state.status === 'NONE' ? data.subject?.authorisation.code : state.authorisation;
  const settings = firstUseRuleFor(authorisationCode ?? '', data.settings);
  // A prior notification (EU007, EU008) announces a first export still to come; otherwise it reports one made.
  if (settings.firstUseNotificationDays >= 0 && firstExportDate > notifiedOn) {
    throw refuse.ruleViolated('export-date-in-future', `firstExportDate ${firstExportDate} is after today`);
  }
  let registration = null;
  if (state.status === 'NONE') {
    if (settings.registrationBeforeFirstUse) {
      throw refuse.ruleViolated(
        'registration-before-first-use',
        `${authorisationCode ?? 'this general authorisation'} requires registration before the first use here (the member state's setting, or Annex II Sections G-H for EU007 and EU008)`,
      );
    }
    if (data.subject === undefined) throw refuse.notFound('registration-not-found', 'no such registration');
    registration = registrationFacts(data.subject, metadata);
  } else {
    const user = ownUser(state, metadata);
    assertEntitled(user);
    if (user.firstExportDate !== null) {
      throw refuse.conflict('first-use-already-notified', `the first use was notified (${user.firstExportDate})`);
    }
    if (user.earliestExportDate !== null && user.earliestExportDate < firstExportDate) {
      throw refuse.ruleViolated(
        'first-use-date',
        `an export on ${user.earliestExportDate} is already recorded: the first use was not after it`,
      );
    }
    assertRegisteredBefore(user, firstExportDate, settings);
  }
  const dueBy = addDays(firstExportDate, settings.firstUseNotificationDays);
  return [
    {
      type: 'GeneralAuthorisationFirstUseNotified',
      data: {
        registration,
        firstExportDate,
        dueBy,
        notifiedOn,
        late: notifiedOn > dueBy,
        notifiedBy: metadata.actor,
        notifiedAt: metadata.now.toISOString(),
      },
    },
  ];
}

function recordUse(
  { data, metadata }: RecordGeneralAuthorisationUse,
  state: GeneralAuthorisationUserState,
): readonly GeneralAuthorisationUserEvent[] {
  const user = ownUser(state, metadata);
  assertEntitled(user);
  const useId = requiredText(data.useId, 'useId');
  if (user.useIds.includes(useId)) throw refuse.conflict('use-already-recorded', `use ${useId} is already recorded`);
  const exportDate = calendarDate(data.exportDate, 'exportDate');
  const today = isoDate(metadata.now);
  if (exportDate > today) throw refuse.ruleViolated('export-date-in-future', `exportDate ${exportDate} is after today`);
  const settings = firstUseRuleFor(user.authorisation, data.settings);
  assertRegisteredBefore(user, exportDate, settings);
  const version = versionInForce(
    data.versions.filter((candidate) => candidate.code === user.authorisation),
    exportDate,
  );
  if (version === undefined) {
    throw refuse.ruleViolated(
      'authorisation-not-in-force',
      `no version of ${user.authorisation} was in force on ${exportDate}`,
    );
  }
  const destinationCountry = countryCode(data.destinationCountry, 'destinationCountry');
  const items = checkedItems(data.items);
  const violation = scopeViolation(version, {
    destinationCountry,
    controlEntries: items.map((item) => item.controlEntry),
  });
  if (violation !== null) throw refuse.ruleViolated('outside-authorisation-scope', violation.message);
  const firstExport = [user.earliestExportDate, exportDate].filter((date): date is string => date !== null).sort()[0];
  return [
    {
      type: 'GeneralAuthorisationUseRecorded',
      data: {
        useId,
        authorisationVersion: version.version,
        exportDate,
        destinationCountry,
        declarationReference: declarationReference(data.declarationReference),
        items,
        firstUseNotificationOverdue:
          user.firstExportDate === null &&
          firstExport !== undefined &&
          today > addDays(firstExport, settings.firstUseNotificationDays),
        recordedBy: metadata.actor,
        recordedAt: metadata.now.toISOString(),
      },
    },
  ];
}

// ---- rules ----

function registrationFacts(subject: GeneralAuthorisationSubject, metadata: CommandMetadata) {
  const memberState = actingMemberState(metadata);
  const { authorisation } = subject;
  // A national general authorisation is the publishing member state's, usable only with its authority.
  if (authorisation.kind === 'NATIONAL' && authorisation.memberState !== memberState) {
    throw refuse.ruleViolated(
      'national-authorisation-of-another-member-state',
      `${authorisation.code} is published by ${authorisation.memberState ?? '?'}, not ${memberState}`,
    );
  }
  return {
    registrationId: requiredText(subject.registrationId, 'registrationId'),
    authorisation: authorisation.code,
    authorisationKind: authorisation.kind,
    memberState,
    exporter: checkedExporter(subject.exporter),
  };
}

function assertEntitled(user: GeneralAuthorisationUser): void {
  if (user.status === 'SUSPENDED') {
    throw refuse.ruleViolated('user-suspended', `the right to use ${user.authorisation} is suspended`);
  }
  if (user.status !== 'ACTIVE') {
    throw refuse.ruleViolated('user-not-entitled', `the right to use ${user.authorisation} is ${user.status}`);
  }
}

/** Where the member state requires registration before the first use, no export may precede it. */
function assertRegisteredBefore(
  user: GeneralAuthorisationUser,
  exportDate: string,
  settings: GeneralAuthorisationSettings,
): void {
  if (!settings.registrationBeforeFirstUse) return;
  if (user.registeredAt === null || exportDate < isoDate(new Date(user.registeredAt))) {
    throw refuse.ruleViolated(
      'registration-before-first-use',
      `${user.memberState} requires registration before the first use; the export on ${exportDate} precedes it`,
    );
  }
}

function checkedItems(items: RecordGeneralAuthorisationUse['data']['items']): readonly GeneralAuthorisationUseItem[] {
  if (items.length === 0) throw refuse.invalid('use-items', 'a use names at least one item');
  return items.map((item, index) => {
    const field = `items[${index}]`;
    const currency = requiredText(item.currency, `${field}.currency`).toUpperCase();
    if (!/^[A-Z]{3}$/.test(currency))
      throw refuse.invalid('currency-code', `${field}.currency is not an ISO 4217 code`);
    const hsCode = optionalText(item.hsCode ?? null);
    if (hsCode !== null && !/^[0-9]{8}$/.test(hsCode)) {
      throw refuse.invalid('hs-code-format', `${field}.hsCode must be 8 digits`);
    }
    return {
      description: requiredText(item.description, `${field}.description`),
      controlEntry: normaliseControlEntry(item.controlEntry),
      hsCode,
      quantity: checkedAmount(item.quantity, `${field}.quantity`, { positive: true }),
      unit: requiredText(item.unit, `${field}.unit`),
      value: checkedAmount(item.value, `${field}.value`, { positive: false }),
      currency,
    };
  });
}

function checkedExporter(exporter: GeneralAuthorisationExporter): GeneralAuthorisationExporter {
  const scheme = exporter.identifier.scheme;
  if (scheme !== 'EORI' && scheme !== 'OTHER') throw refuse.invalid('identifier-scheme', 'EORI or OTHER');
  return {
    name: requiredText(exporter.name, 'exporter.name'),
    identifier: { scheme, value: requiredText(exporter.identifier.value, 'exporter.identifier.value').toUpperCase() },
    address: requiredText(exporter.address, 'exporter.address'),
  };
}

function actingMemberState(metadata: CommandMetadata): MemberStateCode {
  const acting = metadata.memberState === undefined ? undefined : normaliseMemberState(metadata.memberState);
  if (acting === undefined) throw refuse.forbidden('authority-boundary', 'only a member-state authority acts here');
  return acting;
}

function ownUser(state: GeneralAuthorisationUserState, metadata: CommandMetadata): GeneralAuthorisationUser {
  if (state.status === 'NONE') throw refuse.notFound('registration-not-found', 'no such registration');
  if (actingMemberState(metadata) !== state.memberState) {
    throw refuse.forbidden('authority-boundary', `only the authority of ${state.memberState} acts on this record`);
  }
  return state;
}

function knownGrounds(grounds: readonly Art15Ground[] | undefined): readonly Art15Ground[] {
  const given = grounds ?? [];
  const unknown = given.filter((ground) => !(ART15_GROUNDS as readonly string[]).includes(ground));
  if (unknown.length > 0) throw refuse.invalid('art15-ground', `unknown Art 15 ground(s) ${unknown.join(', ')}`);
  return [...new Set(given)];
}

function notificationFor(
  kind: GeneralAuthorisationUserNotification['kind'],
  user: GeneralAuthorisationUser,
  grounds: readonly Art15Ground[],
  reason: string,
  metadata: CommandMetadata,
): GeneralAuthorisationUserNotification {
  return {
    kind,
    notifyingMemberState: user.memberState,
    recipients: { memberStates: otherMemberStates(user.memberState), commission: true },
    registrationId: user.registrationId,
    authorisation: user.authorisation,
    exporter: user.exporter,
    grounds,
    reason,
    effectiveOn: isoDate(metadata.now),
  };
}

function calendarDate(value: string, field: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || isoDate(new Date(`${text}T00:00:00Z`)) !== text) {
    throw refuse.invalid('calendar-date', `${field} must be a calendar date YYYY-MM-DD`);
  }
  return text;
}

function addDays(date: string, days: number): string {
  return isoDate(new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000));
}

function countryCode(value: string, field: string): string {
  const code = typeof value === 'string' ? normaliseCountryCode(canonicalCountry(value)) : undefined;
  if (code === undefined) throw refuse.invalid('country-code', `${field} must be an ISO 3166-1 alpha-2 code`);
  if (normaliseMemberState(code) !== undefined) {
    throw refuse.ruleViolated('destination-in-union', `${field} ${code} is a member state: an export leaves the Union`);
  }
  return code;
}

// Movement reference number: two-digit year, country code, fourteen letters or digits.
function declarationReference(value: string): string {
  const mrn = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!/^[0-9]{2}[A-Z]{2}[A-Z0-9]{14}$/.test(mrn)) {
    throw refuse.invalid('declaration-reference-format', `declarationReference '${value}' is not an 18-character MRN`);
  }
  return mrn;
}

// ---- evolve ----

export function evolveGeneralAuthorisationUser(
  state: GeneralAuthorisationUserState,
  event: GeneralAuthorisationUserEvent,
): GeneralAuthorisationUserState {
  switch (event.type) {
    case 'GeneralAuthorisationRegistered':
      return { ...started(event.data), registeredAt: event.data.registeredAt };
    case 'GeneralAuthorisationFirstUseNotified': {
      const base = state.status === 'NONE' ? event.data.registration && started(event.data.registration) : state;
      if (base === null) return state;
      return { ...base, firstExportDate: event.data.firstExportDate, firstUseNotifiedLate: event.data.late };
    }
    // The rest change a record that has started (below).
    case 'GeneralAuthorisationRegistrationRefused':
    case 'GeneralAuthorisationRightSuspended':
    case 'GeneralAuthorisationRightReinstated':
    case 'GeneralAuthorisationRightWithdrawn':
    case 'GeneralAuthorisationUseRecorded':
      break;
  }
  // Evolve never throws on history: an event on a record that never started changes nothing.
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'GeneralAuthorisationRegistrationRefused':
      return { ...state, status: 'REFUSED' };
    case 'GeneralAuthorisationRightSuspended':
      return { ...state, status: 'SUSPENDED', suspensionNotified: event.data.notification !== null };
    case 'GeneralAuthorisationRightReinstated':
      return { ...state, status: 'ACTIVE', suspensionNotified: false };
    case 'GeneralAuthorisationRightWithdrawn':
      return { ...state, status: 'WITHDRAWN' };
    case 'GeneralAuthorisationUseRecorded': {
      const { exportDate, useId } = event.data;
      const earliest = state.earliestExportDate;
      return {
        ...state,
        earliestExportDate: earliest === null || exportDate < earliest ? exportDate : earliest,
        useIds: [...state.useIds, useId],
      };
    }
    default:
      return assertNever(event, 'general authorisation user event');
  }
}

function started(facts: {
  readonly registrationId: string;
  readonly authorisation: string;
  readonly authorisationKind: GeneralAuthorisationKind;
  readonly memberState: MemberStateCode;
  readonly exporter: GeneralAuthorisationExporter;
}): GeneralAuthorisationUser {
  return {
    status: 'ACTIVE',
    ...facts,
    registeredAt: null,
    firstExportDate: null,
    firstUseNotifiedLate: null,
    earliestExportDate: null,
    useIds: [],
    suspensionNotified: false,
  };
}
