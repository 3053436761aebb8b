import type { AdministrationFiguresEvent } from '../administration/administration-figures.decider';
import { localDateIn } from '../calendar/working-days';
import type { MemberStateCode } from '../reference/member-states';
import { normaliseMemberState } from '../reference/member-states';
import { refuse } from '../refusals';
import { reportingCodeOf } from '../reporting/reporting-codes';
import type { GeneralAuthorisationUserEvent } from './general-authorisation-user.events';
import { GENERAL_AUTHORISATION_USER_EVENT_TYPES } from './general-authorisation-user.events';

/*
 * The general-authorisation and administration sections of the Art 26 annual report, as a plain fold
 * over the events (Recommendation (EU) 2024/214, sections 5.2, 5.3 and 8):
 *
 * - 5.2 registered users, per authorisation and member state: records started (a registration, or a
 *   first-use notification where no registration is required) by the end of the year in the member
 *   state's calendar and not refused or withdrawn by then; suspended users still count as registered
 *   and are also counted apart. `newInYear`: records started in the year.
 * - 5.3 use, per authorisation, member state and destination, and per authorisation, member state
 *   and reporting code: the uses whose export date falls in the year; a use counts once in every
 *   reporting code one of its items falls under. Values are EUR only: an item in another currency is
 *   not added to `valueEur` (never convert without a recorded rate) and is counted in
 *   `otherCurrencyItems` instead.
 * - 8 administration and enforcement, per member state: the figures the authority entered for the
 *   year, its latest entry by asOf.
 *
 * Events recorded after `asOf` are ignored (the store's recordedAt), like the rest of the report.
 */

export interface GeneralAuthorisationReportOptions {
  readonly year: number;
  readonly asOf?: Date | null;
  readonly memberState?: string | null;
}

export interface RegisteredUsersRow {
  readonly authorisation: string;
  readonly memberState: string;
  readonly registeredUsers: number;
  readonly suspendedUsers: number;
  readonly newInYear: number;
}

interface UseFigures {
  readonly uses: number;
  readonly valueEur: number;
  readonly otherCurrencyItems: number;
}

export type UsesByDestinationRow = {
  readonly authorisation: string;
  readonly memberState: string;
  readonly destination: string;
} & UseFigures;
export type UsesByReportingCodeRow = {
  readonly authorisation: string;
  readonly memberState: string;
  readonly reportingCode: string;
} & UseFigures;

export interface AdministrationRow {
  readonly memberState: string;
  readonly staffFte: number;
  readonly outreachEvents: number;
  readonly infringements: number;
  readonly penalties: number;
  readonly penaltiesValueEur: number;
}

/** Sections 5.2, 5.3 and 8 of the report. Rows sorted by their key fields. */
export interface GeneralAuthorisationReport {
  readonly registeredUsers: readonly RegisteredUsersRow[];
  readonly usesByDestination: readonly UsesByDestinationRow[];
  readonly usesByReportingCode: readonly UsesByReportingCodeRow[];
  readonly administrationAndEnforcement: readonly AdministrationRow[];
}

/** A stored event as the report reads it. */
export interface GeneralAuthorisationReportEvent {
  readonly type: string;
  readonly data: unknown;
  readonly streamId: string;
  readonly recordedAt: Date | string;
}

const USER_TYPES: ReadonlySet<string> = new Set(GENERAL_AUTHORISATION_USER_EVENT_TYPES);

/** Event types the sections read: a projection keeps exactly these. */
export const GENERAL_AUTHORISATION_REPORT_EVENT_TYPES: readonly (
  GeneralAuthorisationUserEvent['type'] | AdministrationFiguresEvent['type']
)[] = [...GENERAL_AUTHORISATION_USER_EVENT_TYPES, 'AdministrationFiguresRecorded'];

interface UserRecord {
  authorisation: string;
  memberState: MemberStateCode;
  startedOn: string;
  endedOn: string | null;
  suspendedOn: string | null;
}

export function computeGeneralAuthorisationReport(
  events: Iterable<GeneralAuthorisationReportEvent>,
  options: GeneralAuthorisationReportOptions,
): GeneralAuthorisationReport {
  const { year } = options;
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw refuse.invalid('report-year', 'year must be a four-digit year');
  const only = options.memberState ? normaliseMemberState(options.memberState) : null;
  if (only === undefined) throw refuse.invalid('member-state-code', 'memberState is not an EU member state');
  const cutoff = options.asOf ? options.asOf.getTime() : Number.POSITIVE_INFINITY;
  const yearEnd = `${year}-12-31`;
  const prefix = `${year}-`;
  const users = new Map<string, UserRecord>();
  const byDestination = new Map<string, { key: [string, string, string]; figures: MutableFigures }>();
  const byCode = new Map<string, { key: [string, string, string]; figures: MutableFigures }>();
  const administration = new Map<string, AdministrationRow>();

  for (const stored of events) {
    if (new Date(stored.recordedAt).getTime() > cutoff) continue;
    if (stored.type === 'AdministrationFiguresRecorded') {
      const { data } = stored as unknown as AdministrationFiguresEvent;
      if (data.year !== year || (only !== null && data.memberState !== only)) continue;
      const { memberState, staffFte, outreachEvents, infringements, penalties, penaltiesValueEur } = data;
      administration.set(memberState, {
        memberState,
        staffFte,
        outreachEvents,
        infringements,
        penalties,
        penaltiesValueEur,
      });
      continue;
    }
    if (!USER_TYPES.has(stored.type)) continue;
    const event = { type: stored.type, data: stored.data } as GeneralAuthorisationUserEvent;
    const at = (iso: string, ms: MemberStateCode) => localDateIn(new Date(iso), ms);
    const user = users.get(stored.streamId);
    switch (event.type) {
      case 'GeneralAuthorisationRegistered': {
        const { authorisation, memberState, registeredAt } = event.data;
        users.set(stored.streamId, {
          authorisation,
          memberState,
          startedOn: at(registeredAt, memberState),
          endedOn: null,
          suspendedOn: null,
        });
        break;
      }
      case 'GeneralAuthorisationFirstUseNotified': {
        const registration = event.data.registration;
        if (user === undefined && registration !== null) {
          const { authorisation, memberState } = registration;
          users.set(stored.streamId, {
            authorisation,
            memberState,
            startedOn: at(event.data.notifiedAt, memberState),
            endedOn: null,
            suspendedOn: null,
          });
        }
        break;
      }
      case 'GeneralAuthorisationRegistrationRefused':
        if (user) user.endedOn = at(event.data.refusedAt, user.memberState);
        break;
      case 'GeneralAuthorisationRightWithdrawn':
        if (user) user.endedOn = at(event.data.withdrawnAt, user.memberState);
        break;
      case 'GeneralAuthorisationRightSuspended':
        // Only what holds at the end of the year counts: a later suspension does not reach back.
        if (user && at(event.data.suspendedAt, user.memberState) <= yearEnd) {
          user.suspendedOn = at(event.data.suspendedAt, user.memberState);
        }
        break;
      case 'GeneralAuthorisationRightReinstated':
        if (user && at(event.data.reinstatedAt, user.memberState) <= yearEnd) user.suspendedOn = null;
        break;
      case 'GeneralAuthorisationUseRecorded': {
        if (user === undefined || !event.data.exportDate.startsWith(prefix)) break;
        if (only !== null && user.memberState !== only) break;
        const { destinationCountry, items } = event.data;
        const destination = bucket(byDestination, [user.authorisation, user.memberState, destinationCountry]);
        addUse(destination, items);
        const codes = new Set(items.map((item) => reportingCodeOf(item.controlEntry)));
        for (const code of codes) {
          addUse(
            bucket(byCode, [user.authorisation, user.memberState, code]),
            items.filter((item) => reportingCodeOf(item.controlEntry) === code),
          );
        }
        break;
      }
    }
  }

  const registered = new Map<
    string,
    { authorisation: string; memberState: string; registeredUsers: number; suspendedUsers: number; newInYear: number }
  >();
  for (const user of users.values()) {
    if (only !== null && user.memberState !== only) continue;
    if (user.startedOn > yearEnd) continue;
    if (user.endedOn !== null && user.endedOn <= yearEnd) continue;
    const key = `${user.authorisation}|${user.memberState}`;
    const row = registered.get(key) ?? {
      authorisation: user.authorisation,
      memberState: user.memberState,
      registeredUsers: 0,
      suspendedUsers: 0,
      newInYear: 0,
    };
    row.registeredUsers += 1;
    if (user.suspendedOn !== null && user.suspendedOn <= yearEnd) row.suspendedUsers += 1;
    if (user.startedOn.startsWith(prefix)) row.newInYear += 1;
    registered.set(key, row);
  }

  return {
    registeredUsers: [...registered.values()].sort((a, b) =>
      compare([a.authorisation, a.memberState], [b.authorisation, b.memberState]),
    ),
    usesByDestination: rows(byDestination, (authorisation, memberState, destination) => ({
      authorisation,
      memberState,
      destination,
    })),
    usesByReportingCode: rows(byCode, (authorisation, memberState, reportingCode) => ({
      authorisation,
      memberState,
      reportingCode,
    })),
    administrationAndEnforcement: [...administration.values()].sort((a, b) =>
      compare([a.memberState], [b.memberState]),
    ),
  };
}

interface MutableFigures {
  uses: number;
  thousandthsEur: number;
  otherCurrencyItems: number;
}

function bucket(
  map: Map<string, { key: [string, string, string]; figures: MutableFigures }>,
  key: [string, string, string],
): MutableFigures {
  const id = key.join('|');
  let entry = map.get(id);
  if (entry === undefined) {
    entry = { key, figures: { uses: 0, thousandthsEur: 0, otherCurrencyItems: 0 } };
    map.set(id, entry);
  }
  return entry.figures;
}

function addUse(
  figures: MutableFigures,
  items: readonly { readonly value: number; readonly currency: string }[],
): void {
  figures.uses += 1;
  for (const item of items) {
    // Sums in thousandths: exact, so the order of addition never changes a figure.
    if (item.currency === 'EUR') figures.thousandthsEur += Math.round(item.value * 1000);
    else figures.otherCurrencyItems += 1;
  }
}

function rows<T>(
  map: Map<string, { key: [string, string, string]; figures: MutableFigures }>,
  keyed: (a: string, b: string, c: string) => T,
): (T & UseFigures)[] {
  return [...map.values()]
    .sort((a, b) => compare(a.key, b.key))
    .map(({ key, figures }) => ({
      ...keyed(...key),
      uses: figures.uses,
      valueEur: figures.thousandthsEur / 1000,
      otherCurrencyItems: figures.otherCurrencyItems,
    }));
}

function compare(a: readonly string[], b: readonly string[]): number {
  for (let index = 0; index < a.length; index += 1) {
    const left = a[index] as string;
    const right = b[index] as string;
    if (left !== right) return left < right ? -1 : 1;
  }
  return 0;
}

/** The sections with no rows: a report of a year without general-authorisation activity. */
export const EMPTY_GENERAL_AUTHORISATION_REPORT: GeneralAuthorisationReport = {
  registeredUsers: [],
  usesByDestination: [],
  usesByReportingCode: [],
  administrationAndEnforcement: [],
};
