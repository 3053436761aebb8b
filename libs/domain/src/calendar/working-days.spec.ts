import fc from 'fast-check';
import { DomainError } from '../domain.errors';
import { MEMBER_STATE_CODES } from '../reference/member-states';
import { addWorkingDays, isWorkingDay, localDateIn, MEMBER_STATE_TIME_ZONES, workingDaysBetween } from './working-days';

describe('working days', () => {
  describe('what counts as a working day', () => {
    it('skips weekends', () => {
      expect(isWorkingDay('2026-03-06', 'DE')).toBe(true); // Friday
      expect(isWorkingDay('2026-03-07', 'DE')).toBe(false); // Saturday
      expect(isWorkingDay('2026-03-08', 'DE')).toBe(false); // Sunday
      expect(addWorkingDays('2026-03-06', 1, 'DE').lastDay).toBe('2026-03-09');
    });

    it.each([
      ['2025-12-25', 'Christmas Day'],
      ['2025-12-26', 'Boxing Day'],
      ['2026-01-01', "New Year's Day"],
      ['2026-04-03', 'Good Friday'],
      ['2026-04-06', 'Easter Monday'],
      ['2026-10-03', 'German Unity Day'],
    ])('skips German national public holidays: %s (%s)', (date) => {
      expect(isWorkingDay(date, 'DE')).toBe(false);
    });

    it('counts bank holidays and observances as working days (24 and 31 December in DE)', () => {
      expect(isWorkingDay('2025-12-24', 'DE')).toBe(true);
      expect(isWorkingDay('2025-12-31', 'DE')).toBe(true);
    });

    it('ignores regional holidays: Epiphany and Corpus Christi are not national in DE', () => {
      expect(isWorkingDay('2026-01-06', 'DE')).toBe(true);
      expect(isWorkingDay('2026-06-04', 'DE')).toBe(true);
    });

    it("uses each member state's own calendar", () => {
      expect(isWorkingDay('2026-07-14', 'FR')).toBe(false); // Fête nationale
      expect(isWorkingDay('2026-07-14', 'DE')).toBe(true);
      expect(isWorkingDay('2026-04-27', 'NL')).toBe(false); // King's Day
      expect(isWorkingDay('2026-04-27', 'DE')).toBe(true);
    });

    it('uses the Greek calendar for GR, Orthodox Easter included', () => {
      expect(isWorkingDay('2026-03-25', 'GR')).toBe(false); // Independence Day
      expect(isWorkingDay('2026-04-13', 'GR')).toBe(false); // Orthodox Easter Monday
      expect(isWorkingDay('2026-04-06', 'GR')).toBe(true); // Western Easter Monday
    });

    it('counts every day of a multi-day holiday (RO: 1 and 2 January)', () => {
      expect(isWorkingDay('2026-01-02', 'RO')).toBe(false);
      expect(isWorkingDay('2026-01-02', 'DE')).toBe(true);
    });

    it('has a calendar and a time zone for each of the 27 member states', () => {
      for (const memberState of MEMBER_STATE_CODES) {
        const timeZone = MEMBER_STATE_TIME_ZONES[memberState];
        expect(() => new Intl.DateTimeFormat('en', { timeZone })).not.toThrow();
        expect(isWorkingDay('2026-12-25', memberState)).toBe(false); // Christmas is public everywhere
      }
    });
  });

  describe('deadlines', () => {
    it('ends 10 working days after a Friday at the end of the second Friday (Monday is day 1)', () => {
      expect(addWorkingDays('2026-03-06', 10, 'DE')).toEqual({
        memberState: 'DE',
        workingDays: 10,
        lastDay: '2026-03-20',
        timeZone: 'Europe/Berlin',
        endsAt: '2026-03-20T23:00:00.000Z', // midnight in Berlin, CET (UTC+1)
      });
    });

    it('ends at local midnight in summer time too', () => {
      const deadline = addWorkingDays('2026-06-05', 10, 'DE');
      expect(deadline.lastDay).toBe('2026-06-19');
      expect(deadline.endsAt).toBe('2026-06-19T22:00:00.000Z'); // CEST (UTC+2)
    });

    it("ends at midnight in the member state's own zone (Athens is UTC+2 in winter)", () => {
      expect(addWorkingDays('2026-03-06', 10, 'GR').endsAt).toBe('2026-03-20T22:00:00.000Z');
    });

    it('does not count the start day, even a working day opened at dawn', () => {
      expect(addWorkingDays(new Date('2026-03-09T05:00:00Z'), 1, 'DE').lastDay).toBe('2026-03-10');
    });

    it("reads an instant as the member state's local date: 23:30 UTC on Friday is Saturday in Berlin", () => {
      const saturdayInBerlin = new Date('2026-03-06T23:30:00Z');
      expect(localDateIn(saturdayInBerlin, 'DE')).toBe('2026-03-07');
      expect(localDateIn(saturdayInBerlin, 'PT')).toBe('2026-03-06');
      expect(addWorkingDays(saturdayInBerlin, 1, 'DE').lastDay).toBe('2026-03-09');
      expect(isWorkingDay(saturdayInBerlin, 'DE')).toBe(false);
      expect(isWorkingDay(saturdayInBerlin, 'PT')).toBe(true);
    });

    it('skips Christmas and New Year when a period spans them', () => {
      // Fri 19 Dec 2025: 22 23 24, (25 26 holidays), 29 30 31, (1 Jan holiday), 2, 5 6 7.
      expect(addWorkingDays('2025-12-19', 10, 'DE').lastDay).toBe('2026-01-07');
      expect(workingDaysBetween('2025-12-19', '2026-01-09', 'DE')).toBe(12);
    });

    it('allows the 30-working-day maximum of an extended consultation', () => {
      expect(addWorkingDays('2026-03-06', 30, 'DE').lastDay).toBe('2026-04-21'); // Good Friday, Easter Monday skipped
    });

    it('refuses a period that is not a positive whole number of working days', () => {
      for (const days of [0, -1, 2.5, Number.NaN]) {
        expect(() => addWorkingDays('2026-03-06', days, 'DE')).toThrow(DomainError);
      }
    });
  });

  describe('counting between two days', () => {
    it('counts the days after the first up to and including the second', () => {
      expect(workingDaysBetween('2026-03-06', '2026-03-09', 'DE')).toBe(1);
      expect(workingDaysBetween('2026-03-09', '2026-03-13', 'DE')).toBe(4);
    });

    it('is zero when the second day is not after the first (nothing left)', () => {
      expect(workingDaysBetween('2026-03-13', '2026-03-13', 'DE')).toBe(0);
      expect(workingDaysBetween('2026-03-20', '2026-03-13', 'DE')).toBe(0);
    });

    it('is the inverse of addWorkingDays in every member state', () => {
      const starts = fc.date({
        min: new Date('2024-01-01T00:00:00Z'),
        max: new Date('2030-12-31T00:00:00Z'),
        noInvalidDate: true,
      });
      fc.assert(
        fc.property(starts, fc.integer({ min: 1, max: 40 }), fc.constantFrom(...MEMBER_STATE_CODES), (start, n, ms) => {
          const deadline = addWorkingDays(start, n, ms);
          expect(isWorkingDay(deadline.lastDay, ms)).toBe(true);
          expect(workingDaysBetween(start, deadline.lastDay, ms)).toBe(n);
          expect(localDateIn(new Date(Date.parse(deadline.endsAt) - 1), ms)).toBe(deadline.lastDay);
          expect(localDateIn(new Date(deadline.endsAt), ms)).not.toBe(deadline.lastDay);
        }),
        { numRuns: 200 },
      );
    });
  });

  describe('local dates', () => {
    const intlDate = (instant: Date, ms: (typeof MEMBER_STATE_CODES)[number]): string =>
      new Intl.DateTimeFormat('en-CA', { timeZone: MEMBER_STATE_TIME_ZONES[ms] }).format(instant);

    it("reads an instant's local date as Intl does, in every member state, at any time from 1900 to 2100", () => {
      const instants = fc.date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date('2100-12-31T00:00:00Z'),
        noInvalidDate: true,
      });
      fc.assert(
        fc.property(instants, fc.constantFrom(...MEMBER_STATE_CODES), (instant, ms) => {
          expect(localDateIn(instant, ms)).toBe(intlDate(instant, ms));
        }),
        { numRuns: 2000 },
      );
    });

    it('reads the local date as Intl does minute by minute around a summer-time change and around midnight', () => {
      for (const around of ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z', '2026-10-24T22:00:00Z']) {
        for (let minute = -180; minute <= 180; minute += 1) {
          const instant = new Date(Date.parse(around) + minute * 60_000 - 1);
          for (const ms of ['DE', 'PT', 'FI', 'IE'] as const)
            expect(localDateIn(instant, ms)).toBe(intlDate(instant, ms));
        }
      }
    });
  });

  describe('refusals', () => {
    it.each(['2026-02-30', '2026-13-01', '26-03-06', '2026-03-06T10:00:00Z', ''])('refuses %j as a date', (date) => {
      expect(() => isWorkingDay(date, 'DE')).toThrow(/is not a calendar date/);
    });

    it('refuses a code that is not a member state, EL included (normalise to GR first)', () => {
      expect(() => isWorkingDay('2026-03-06', 'EL' as never)).toThrow(/not an EU member state/);
      expect(() => isWorkingDay('2026-03-06', 'UK' as never)).toThrow(/not an EU member state/);
    });
  });
});
