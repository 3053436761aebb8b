import type { CommandMetadata } from '../decider';
import { administrationFiguresDecider } from '../administration/administration-figures.decider';
import type { GeneralAuthorisationReportEvent } from './general-authorisation-report';
import { computeGeneralAuthorisationReport } from './general-authorisation-report';
import type { GeneralAuthorisationVersion } from './general-authorisation.reference';
import {
  DEFAULT_GENERAL_AUTHORISATION_SETTINGS,
  UNION_GENERAL_AUTHORISATIONS,
} from './general-authorisation.reference';
import type { GeneralAuthorisationUserCommand } from './general-authorisation-user.commands';
import type { GeneralAuthorisationUserState } from './general-authorisation-user.decider';
import { generalAuthorisationUserDecider } from './general-authorisation-user.decider';

const EU001 = UNION_GENERAL_AUTHORISATIONS[0] as GeneralAuthorisationVersion;

class Log {
  readonly events: GeneralAuthorisationReportEvent[] = [];
  private readonly states = new Map<string, GeneralAuthorisationUserState>();

  user(id: string, at: string, memberState: string, command: Omit<GeneralAuthorisationUserCommand, 'metadata'>): void {
    const metadata: CommandMetadata = { actor: 'a', memberState, now: new Date(at), correlationId: 'c' };
    let state = this.states.get(id) ?? generalAuthorisationUserDecider.initialState();
    const full = { ...command, metadata } as GeneralAuthorisationUserCommand;
    for (const event of generalAuthorisationUserDecider.decide(full, state)) {
      state = generalAuthorisationUserDecider.evolve(state, event);
      this.events.push({ ...event, streamId: `gea-user-${id}`, recordedAt: at });
    }
    this.states.set(id, state);
  }

  register(id: string, at: string, memberState = 'DE'): void {
    const exporter = {
      name: `Exporter ${id}`,
      identifier: { scheme: 'EORI' as const, value: `DE${id}` },
      address: 'x',
    };
    this.user(id, at, memberState, {
      type: 'RegisterForGeneralAuthorisation',
      data: { registrationId: id, authorisation: EU001, exporter },
    });
  }

  use(
    id: string,
    at: string,
    exportDate: string,
    destinationCountry: string,
    items: { entry: string; value: number; currency?: string }[],
    memberState = 'DE',
  ): void {
    this.user(id, at, memberState, {
      type: 'RecordGeneralAuthorisationUse',
      data: {
        useId: `${id}-${exportDate}-${destinationCountry}`,
        exportDate,
        destinationCountry,
        declarationReference: '25DE1234567890ABCD',
        items: items.map((item) => ({
          description: 'd',
          controlEntry: item.entry,
          quantity: 1,
          unit: 'pcs',
          value: item.value,
          currency: item.currency ?? 'EUR',
        })),
        versions: UNION_GENERAL_AUTHORISATIONS,
        settings: DEFAULT_GENERAL_AUTHORISATION_SETTINGS,
      },
    });
  }

  administration(memberState: string, at: string, data: Record<string, number>): void {
    const metadata: CommandMetadata = { actor: 'b', memberState, now: new Date(at), correlationId: 'c' };
    const [event] = administrationFiguresDecider.decide(
      { type: 'RecordAdministrationFigures', data: data as never, metadata },
      { status: 'NONE' },
    );
    if (event) this.events.push({ ...event, streamId: `administration-${memberState}`, recordedAt: at });
  }
}

function seeded(): Log {
  const log = new Log();
  log.register('u1', '2024-11-02T09:00:00Z');
  log.register('u2', '2025-03-02T09:00:00Z');
  log.register('u3', '2025-04-02T09:00:00Z', 'FR');
  log.register('u4', '2025-04-02T09:00:00Z');
  log.use('u1', '2025-02-10T09:00:00Z', '2025-02-08', 'JP', [
    { entry: '6A003.b.4', value: 1000 },
    { entry: '5A002.a', value: 500 },
  ]);
  log.use('u1', '2025-05-10T09:00:00Z', '2025-05-08', 'US', [{ entry: '5A002.a', value: 200, currency: 'USD' }]);
  log.use('u2', '2025-05-10T09:00:00Z', '2025-05-09', 'JP', [{ entry: '6A003.b.4', value: 300.25 }]);
  log.use('u1', '2025-12-31T09:00:00Z', '2024-12-30', 'JP', [{ entry: '6A003.b.4', value: 9 }]);
  log.user('u2', '2025-06-01T09:00:00Z', 'DE', {
    type: 'SuspendGeneralAuthorisationRight',
    data: { reason: 'r', denialInSubstance: false },
  });
  log.user('u4', '2025-06-01T09:00:00Z', 'DE', { type: 'WithdrawGeneralAuthorisationRight', data: { reason: 'r' } });
  log.administration('DE', '2026-01-15T09:00:00Z', {
    year: 2025,
    staffFte: 100,
    outreachEvents: 12,
    infringements: 4,
    penalties: 2,
    penaltiesValueEur: 50000,
  });
  log.administration('DE', '2026-01-20T09:00:00Z', {
    year: 2025,
    staffFte: 101,
    outreachEvents: 12,
    infringements: 4,
    penalties: 2,
    penaltiesValueEur: 50000,
  });
  return log;
}

describe('computeGeneralAuthorisationReport (sections 5.2, 5.3, 8)', () => {
  it('counts registered users per authorisation and member state at the end of the year, suspended ones apart, withdrawn ones not', () => {
    const report = computeGeneralAuthorisationReport(seeded().events, { year: 2025 });
    expect(report.registeredUsers).toEqual([
      { authorisation: 'EU001', memberState: 'DE', registeredUsers: 2, suspendedUsers: 1, newInYear: 1 },
      { authorisation: 'EU001', memberState: 'FR', registeredUsers: 1, suspendedUsers: 0, newInYear: 1 },
    ]);
  });

  it('counts uses by destination and by reporting code in the year of export, EUR values only', () => {
    const report = computeGeneralAuthorisationReport(seeded().events, { year: 2025 });
    expect(report.usesByDestination).toEqual([
      {
        authorisation: 'EU001',
        memberState: 'DE',
        destination: 'JP',
        uses: 2,
        valueEur: 1800.25,
        otherCurrencyItems: 0,
      },
      { authorisation: 'EU001', memberState: 'DE', destination: 'US', uses: 1, valueEur: 0, otherCurrencyItems: 1 },
    ]);
    // 5A002.a is 5EC2 (information security); 6A003 falls under the Category 6 code (derived: reporting-codes.ts).
    expect(
      report.usesByReportingCode.map((row) => [row.reportingCode, row.uses, row.valueEur, row.otherCurrencyItems]),
    ).toEqual([
      ['5EC2', 2, 500, 1],
      ['6EC1', 2, 1300.25, 0],
    ]);
  });

  it("shows each member state's latest administration and enforcement figures for the year", () => {
    expect(computeGeneralAuthorisationReport(seeded().events, { year: 2025 }).administrationAndEnforcement).toEqual([
      {
        memberState: 'DE',
        staffFte: 101,
        outreachEvents: 12,
        infringements: 4,
        penalties: 2,
        penaltiesValueEur: 50000,
      },
    ]);
  });

  it('is the report as of a date: later events are ignored', () => {
    const report = computeGeneralAuthorisationReport(seeded().events, {
      year: 2025,
      asOf: new Date('2025-03-01T00:00:00Z'),
    });
    expect(report.registeredUsers).toEqual([
      { authorisation: 'EU001', memberState: 'DE', registeredUsers: 1, suspendedUsers: 0, newInYear: 0 },
    ]);
    expect(report.usesByDestination).toHaveLength(1);
    expect(report.administrationAndEnforcement).toEqual([]);
  });

  it("keeps one member state's own figures for an authority", () => {
    const report = computeGeneralAuthorisationReport(seeded().events, { year: 2025, memberState: 'FR' });
    expect(report.registeredUsers.map((row) => row.memberState)).toEqual(['FR']);
    expect(report.usesByDestination).toEqual([]);
  });
});
