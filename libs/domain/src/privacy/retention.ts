import { refuse } from '../refusals';

/**
 * Retention of case records. A reading of Art 27(1)-(2) of Regulation (EU) 2021/821: records are kept
 * for at least five years from the end of the calendar year in which the export (here: the case's
 * last recorded event, e.g. the decision or the end of a licence) took place. Member states may keep
 * them longer under national law, so the period is a setting per member state. What is due is only
 * reported: deleting or erasing is a decision of the authority, never automatic.
 */
export const DEFAULT_RETENTION_YEARS = 5;

export interface RetentionPolicy {
  readonly defaultYears: number;
  readonly byMemberState: Readonly<Record<string, number>>;
}

/** Parses "DE=10,FR=7" (the RETENTION_YEARS_BY_MEMBER_STATE setting). */
export function parseRetentionOverrides(text: string | undefined): Record<string, number> {
  const overrides: Record<string, number> = {};
  if (!text || text.trim() === '') return overrides;
  for (const part of text.split(',')) {
    const match = /^\s*([A-Za-z]{2})\s*=\s*(\d{1,3})\s*$/.exec(part);
    if (!match)
      throw refuse.invalid('retention-setting', `'${part}' must look like DE=10 (member state = whole years)`);
    const years = Number(match[2]);
    if (years < DEFAULT_RETENTION_YEARS) {
      throw refuse.invalid('retention-minimum', `${part}: Art 27 requires at least ${DEFAULT_RETENTION_YEARS} years`);
    }
    overrides[(match[1] as string).toUpperCase()] = years;
  }
  return overrides;
}

export interface CaseActivity {
  readonly streamId: string;
  readonly memberState: string | null;
  readonly lastRecordedAt: Date;
  readonly lastEventType: string;
}

export interface RetentionDue extends CaseActivity {
  readonly retentionYears: number;
  /** The first instant the records may go: 1 January after the retention years following the last event's year. */
  readonly dueAt: Date;
}

export function retentionDueAt(lastRecordedAt: Date, years: number): Date {
  return new Date(Date.UTC(lastRecordedAt.getUTCFullYear() + years + 1, 0, 1));
}

/** Cases whose retention period has ended by `now`, oldest first. */
export function retentionDue(cases: readonly CaseActivity[], now: Date, policy: RetentionPolicy): RetentionDue[] {
  return cases
    .map((activity) => {
      const years = (activity.memberState && policy.byMemberState[activity.memberState]) || policy.defaultYears;
      return { ...activity, retentionYears: years, dueAt: retentionDueAt(activity.lastRecordedAt, years) };
    })
    .filter((due) => due.dueAt.getTime() <= now.getTime())
    .sort((a, b) => a.dueAt.getTime() - b.dueAt.getTime() || a.streamId.localeCompare(b.streamId));
}
