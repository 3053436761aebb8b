import type { Command, CommandMetadata, Decider, DomainEvent } from '../decider';
import { assertNever } from '../decider';
import { checkedAmount } from '../licensing/amounts';
import type { MemberStateCode } from '../reference/member-states';
import { normaliseMemberState } from '../reference/member-states';
import { refuse } from '../refusals';

/*
 * The administration and enforcement figures an authority reports for a year (Art 26(1); the
 * Recommendation (EU) 2024/214 section on administration and enforcement): staff, outreach,
 * infringements and penalties. One record per member state and year; each entry gives the figures in
 * full and replaces the one before (a correction is a new entry, and the history keeps both).
 */

export interface AdministrationFigures {
  /** Full-time equivalents working on dual-use licensing and its enforcement. */
  readonly staffFte: number;
  /** Outreach to exporters, brokers, academia: events, seminars, publications. */
  readonly outreachEvents: number;
  /** Infringement cases opened (administrative or criminal). */
  readonly infringements: number;
  /** Penalties imposed, and their total in EUR. */
  readonly penalties: number;
  readonly penaltiesValueEur: number;
}

export type AdministrationFiguresRecorded = DomainEvent<
  'AdministrationFiguresRecorded',
  AdministrationFigures & {
    readonly memberState: MemberStateCode;
    readonly year: number;
    readonly recordedBy: string;
    readonly recordedAt: string;
  }
>;

export type AdministrationFiguresEvent = AdministrationFiguresRecorded;

export type RecordAdministrationFigures = Command<
  'RecordAdministrationFigures',
  AdministrationFigures & { readonly year: number }
>;

export type AdministrationFiguresCommand = RecordAdministrationFigures;

export type AdministrationFiguresState =
  | { readonly status: 'NONE' }
  | ({
      readonly status: 'RECORDED';
      readonly memberState: MemberStateCode;
      readonly year: number;
    } & AdministrationFigures);

/** The stream of a member state's figures for a year: one per (member state, year). */
export function administrationRecordId(memberState: MemberStateCode, year: number): string {
  return `${memberState}-${year}`;
}

export const administrationFiguresDecider: Decider<
  AdministrationFiguresCommand,
  AdministrationFiguresEvent,
  AdministrationFiguresState
> = {
  initialState: () => ({ status: 'NONE' }),
  evolve: (_state, event) => {
    switch (event.type) {
      case 'AdministrationFiguresRecorded': {
        const { recordedAt: _at, recordedBy: _by, ...figures } = event.data;
        return { status: 'RECORDED', ...figures };
      }
      default:
        return assertNever(event.type, 'administration figures event');
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'RecordAdministrationFigures':
        return record(command, state);
      default:
        return assertNever(command.type, 'administration figures command');
    }
  },
};

function record(
  { data, metadata }: RecordAdministrationFigures,
  state: AdministrationFiguresState,
): readonly AdministrationFiguresEvent[] {
  const memberState = actingMemberState(metadata);
  if (state.status === 'RECORDED' && (state.memberState !== memberState || state.year !== data.year)) {
    throw refuse.forbidden('authority-boundary', `these are ${state.memberState}'s figures for ${state.year}`);
  }
  const currentYear = metadata.now.getUTCFullYear();
  if (!Number.isInteger(data.year) || data.year < 2021 || data.year > currentYear) {
    throw refuse.invalid('report-year', `year must be between 2021 (the regulation applies) and ${currentYear}`);
  }
  return [
    {
      type: 'AdministrationFiguresRecorded',
      data: {
        memberState,
        year: data.year,
        staffFte: checkedAmount(data.staffFte, 'staffFte', { positive: false }),
        outreachEvents: count(data.outreachEvents, 'outreachEvents'),
        infringements: count(data.infringements, 'infringements'),
        penalties: count(data.penalties, 'penalties'),
        penaltiesValueEur: checkedAmount(data.penaltiesValueEur, 'penaltiesValueEur', { positive: false }),
        recordedBy: metadata.actor,
        recordedAt: metadata.now.toISOString(),
      },
    },
  ];
}

function count(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0) throw refuse.invalid('count', `${field} must be a whole number >= 0`);
  return value;
}

function actingMemberState(metadata: CommandMetadata): MemberStateCode {
  const acting = metadata.memberState === undefined ? undefined : normaliseMemberState(metadata.memberState);
  if (acting === undefined) throw refuse.forbidden('authority-boundary', 'only a member-state authority reports these');
  return acting;
}
