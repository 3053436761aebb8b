import Holidays from 'date-holidays';
import { refuse } from '../refusals';
import type { MemberStateCode } from '../reference/member-states';
import { isMemberState } from '../reference/member-states';

/*
 * Working days for the regulation's reply periods (Art 14(1), Art 16: 10 working days, at most 30 in
 * total), counted in the calendar of the member state whose clock it is (for a consulted MS's reply,
 * its own calendar). The rules, in one place:
 *
 * - A working day is Monday to Friday and not a national PUBLIC holiday of that member state, as
 *   date-holidays computes it. Bank holidays, optional days, school days off and observances are
 *   working days (24 and 31 December in DE), and so are regional holidays (Epiphany in Bavaria):
 *   an authority is national, so only the national calendar binds it.
 * - Days are the member state's local calendar days. An instant (a command's `now`) is first turned
 *   into the local date in the member state's time zone (its capital's zone, see the table below).
 * - Counting starts on the day AFTER the start day, whatever that day is and whatever the hour: a
 *   consultation opened on a Friday with 10 working days counts Monday as day 1.
 * - A deadline is the END of the n-th working day: it is given as that day (`lastDay`) and as the
 *   UTC instant at which the next local day begins (`endsAt`). A reply is on time when it arrives
 *   strictly before `endsAt`.
 */

/** A calendar day, `YYYY-MM-DD`, in a member state's local calendar. */
export type CalendarDate = string;

/** The end of a reply period counted in working days. */
export interface WorkingDayDeadline {
  readonly memberState: MemberStateCode;
  readonly workingDays: number;
  /** The last working day of the period, `YYYY-MM-DD` in the member state's calendar. */
  readonly lastDay: CalendarDate;
  /** The IANA time zone the day ends in. */
  readonly timeZone: string;
  /** ISO-8601 UTC instant at which `lastDay` ends locally (the next local midnight); on time iff before it. */
  readonly endsAt: string;
}

/**
 * One IANA zone per member state: the zone of the capital, where the competent authority sits.
 * Embedded rather than taken from date-holidays, which names several zones for PT and ES and the
 * canonical Europe/Belgrade for HR and SI.
 */
export const MEMBER_STATE_TIME_ZONES: Readonly<Record<MemberStateCode, string>> = {
  AT: 'Europe/Vienna',
  BE: 'Europe/Brussels',
  BG: 'Europe/Sofia',
  HR: 'Europe/Zagreb',
  CY: 'Asia/Nicosia',
  CZ: 'Europe/Prague',
  DK: 'Europe/Copenhagen',
  EE: 'Europe/Tallinn',
  FI: 'Europe/Helsinki',
  FR: 'Europe/Paris',
  DE: 'Europe/Berlin',
  GR: 'Europe/Athens',
  HU: 'Europe/Budapest',
  IE: 'Europe/Dublin',
  IT: 'Europe/Rome',
  LV: 'Europe/Riga',
  LT: 'Europe/Vilnius',
  LU: 'Europe/Luxembourg',
  MT: 'Europe/Malta',
  NL: 'Europe/Amsterdam',
  PL: 'Europe/Warsaw',
  PT: 'Europe/Lisbon',
  RO: 'Europe/Bucharest',
  SK: 'Europe/Bratislava',
  SI: 'Europe/Ljubljana',
  ES: 'Europe/Madrid',
  SE: 'Europe/Stockholm',
};

/** True when `date` (a local date, or an instant read in the member state's zone) is a working day there. */
export function isWorkingDay(date: CalendarDate | Date, memberState: MemberStateCode): boolean {
  const day = toDayNumber(date, memberState);
  return isWorkingDayNumber(day, calendarOf(memberState));
}

/**
 * The end of the `workingDays`-th working day after the start day, in the member state's calendar.
 * `start` is a local date, or an instant (a command's `now`) read in the member state's time zone;
 * the start day itself never counts. Refuses (INVALID 'working-days') a count that is not a positive integer.
 */
export function addWorkingDays(
  start: CalendarDate | Date,
  workingDays: number,
  memberState: MemberStateCode,
): WorkingDayDeadline {
  if (!Number.isSafeInteger(workingDays) || workingDays < 1) {
    throw refuse.invalid(
      'working-days',
      `a period must be a positive whole number of working days (got ${workingDays})`,
    );
  }
  const calendar = calendarOf(memberState);
  let day = toDayNumber(start, memberState);
  for (let counted = 0; counted < workingDays;) {
    day += 1;
    if (isWorkingDayNumber(day, calendar)) counted += 1;
  }
  const timeZone = MEMBER_STATE_TIME_ZONES[memberState];
  return {
    memberState,
    workingDays,
    lastDay: formatDay(day),
    timeZone,
    endsAt: new Date(startOfLocalDay(day + 1, timeZone)).toISOString(),
  };
}

/**
 * Working days after `from` up to and including `to` (the half-open range (from, to]), so that
 * `workingDaysBetween(start, addWorkingDays(start, n, ms).lastDay, ms) === n`. Zero when `to` is
 * not after `from`: with `from` = today and `to` = a deadline's last day, it is the working days left.
 */
export function workingDaysBetween(
  from: CalendarDate | Date,
  to: CalendarDate | Date,
  memberState: MemberStateCode,
): number {
  const calendar = calendarOf(memberState);
  const last = toDayNumber(to, memberState);
  let count = 0;
  for (let day = toDayNumber(from, memberState) + 1; day <= last; day += 1) {
    if (isWorkingDayNumber(day, calendar)) count += 1;
  }
  return count;
}

/** The member state's local calendar date of an instant, `YYYY-MM-DD`. */
export function localDateIn(instant: Date, memberState: MemberStateCode): CalendarDate {
  return formatDay(localDayNumber(instant.getTime(), MEMBER_STATE_TIME_ZONES[assertMemberState(memberState)]));
}

// --- calendar days as numbers: days since 1970-01-01, so day arithmetic is integer arithmetic ---

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function toDayNumber(date: CalendarDate | Date, memberState: MemberStateCode): number {
  if (date instanceof Date) {
    if (Number.isNaN(date.getTime())) throw refuse.invalid('working-days', 'the instant is not a valid date');
    return localDayNumber(date.getTime(), MEMBER_STATE_TIME_ZONES[assertMemberState(memberState)]);
  }
  return parseDay(date);
}

function parseDay(date: string): number {
  const match = ISO_DATE.exec(date);
  if (match) {
    const [, year, month, day] = match.map(Number) as [number, number, number, number];
    const time = Date.UTC(year, month - 1, day);
    // Date.UTC rolls 2026-02-30 over to 2 March: a round trip catches days that do not exist.
    if (formatDay(time / MS_PER_DAY) === date) return time / MS_PER_DAY;
  }
  throw refuse.invalid('working-days', `'${date}' is not a calendar date (expected YYYY-MM-DD)`);
}

function formatDay(day: number): CalendarDate {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

function dayOfWeek(day: number): number {
  return new Date(day * MS_PER_DAY).getUTCDay();
}

// --- holidays: one date-holidays instance per member state, each year's public holidays computed once ---

interface MemberStateCalendar {
  readonly holidays: Holidays;
  readonly yearsLoaded: Set<number>;
  /** Day numbers of public holidays, for every loaded year. */
  readonly publicHolidays: Set<number>;
}

const calendars = new Map<MemberStateCode, MemberStateCalendar>();

function calendarOf(memberState: MemberStateCode): MemberStateCalendar {
  let calendar = calendars.get(assertMemberState(memberState));
  if (!calendar) {
    // Country only, no state or region: national holidays only.
    calendar = { holidays: new Holidays(memberState), yearsLoaded: new Set(), publicHolidays: new Set() };
    calendars.set(memberState, calendar);
  }
  return calendar;
}

function isWorkingDayNumber(day: number, calendar: MemberStateCalendar): boolean {
  const weekday = dayOfWeek(day);
  if (weekday === 0 || weekday === 6) return false;
  const year = new Date(day * MS_PER_DAY).getUTCFullYear();
  // A holiday of several days that starts on 31 December ends in the next year.
  loadYear(calendar, year - 1);
  loadYear(calendar, year);
  return !calendar.publicHolidays.has(day);
}

function loadYear(calendar: MemberStateCalendar, year: number): void {
  if (calendar.yearsLoaded.has(year)) return;
  for (const holiday of calendar.holidays.getHolidays(year)) {
    if (holiday.type !== 'public') continue;
    // `date` is the local start ('2026-01-01 00:00:00'); some holidays last several days (RO: 1-2 January).
    const first = parseDay(holiday.date.slice(0, 10));
    const days = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / MS_PER_DAY));
    for (let offset = 0; offset < days; offset += 1) calendar.publicHolidays.add(first + offset);
  }
  calendar.yearsLoaded.add(year);
}

function assertMemberState(memberState: string): MemberStateCode {
  if (isMemberState(memberState)) return memberState;
  throw refuse.invalid('working-days', `'${memberState}' is not an EU member state code (Greece is GR)`);
}

// --- time zones, with Intl only (no I/O, no tz library) ---

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The local wall-clock time of an instant, as if it were UTC (milliseconds since the epoch, whole
 * seconds). `formatToParts` is slow (it was 6-9% of a case-list request's CPU: every listed case
 * counts its working days), so the zone's offset is kept per quarter hour of UTC: EU zones change
 * offset at 01:00 UTC, and a quarter hour whose two ends disagree is never kept, so an older or
 * odder transition inside one is still read from Intl.
 */
function wallClock(time: number, timeZone: string): number {
  const bucket = Math.floor(time / OFFSET_BUCKET_MS);
  const key = `${timeZone}|${bucket}`;
  let offset = offsets.get(key);
  if (offset === undefined) {
    const start = bucket * OFFSET_BUCKET_MS;
    const atStart = formattedWallClock(start, timeZone) - start;
    const end = start + OFFSET_BUCKET_MS - 1000;
    if (formattedWallClock(end, timeZone) - end !== atStart) return formattedWallClock(time, timeZone);
    if (offsets.size >= MAX_KEPT_OFFSETS) offsets.clear();
    offsets.set(key, atStart);
    offset = atStart;
  }
  return Math.floor(time / 1000) * 1000 + offset;
}

const OFFSET_BUCKET_MS = 15 * 60_000;
const MAX_KEPT_OFFSETS = 50_000;
const offsets = new Map<string, number>();

function formattedWallClock(time: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(time)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const field = (name: string): number => parts[name] ?? 0;
  return Date.UTC(field('year'), field('month') - 1, field('day'), field('hour'), field('minute'), field('second'));
}

function localDayNumber(time: number, timeZone: string): number {
  return Math.floor(wallClock(time, timeZone) / MS_PER_DAY);
}

/**
 * The UTC instant of local midnight starting `day` in `timeZone`. EU zones change offset at 01:00
 * UTC, never at local midnight, so midnight always exists; the second pass settles a change between
 * the guess and the answer.
 */
function startOfLocalDay(day: number, timeZone: string): number {
  const midnightAsUtc = day * MS_PER_DAY;
  const firstGuess = midnightAsUtc - (wallClock(midnightAsUtc, timeZone) - midnightAsUtc);
  return midnightAsUtc - (wallClock(firstGuess, timeZone) - firstGuess);
}
