import { parseArgs } from 'node:util';
import type { CaseActivity } from '@dul/domain';
import { DEFAULT_RETENTION_YEARS, DomainError, parseRetentionOverrides, retentionDue } from '@dul/domain';
import { DAILY_ROOT_CATEGORY, streamCategory } from '@dul/event-store';
import type { StoredEvent } from '@dul/event-store';
import { cliPersistence } from './cli-persistence';

const USAGE = `npm run retention -- [--now 2031-06-30] [--json]
Lists the cases whose Art 27 retention period has ended: RETENTION_YEARS (default ${DEFAULT_RETENTION_YEARS}) years after the
end of the calendar year of the case's last event, per member state overridable with
RETENTION_YEARS_BY_MEMBER_STATE (e.g. DE=10,FR=7). Reports only: nothing is deleted or erased.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { now: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const now = values.now === undefined ? new Date() : new Date(values.now);
  if (Number.isNaN(now.getTime())) {
    process.stderr.write(`--now must be a date (YYYY-MM-DD)\n\n${USAGE}\n`);
    process.exitCode = 2;
    return;
  }
  let policy;
  try {
    const defaultYears = Number(process.env.RETENTION_YEARS ?? DEFAULT_RETENTION_YEARS);
    if (!Number.isInteger(defaultYears) || defaultYears < DEFAULT_RETENTION_YEARS || defaultYears > 100) {
      throw new DomainError(
        'INVALID',
        `RETENTION_YEARS must be a whole number from ${DEFAULT_RETENTION_YEARS} to 100`,
        'retention-minimum',
      );
    }
    policy = { defaultYears, byMemberState: parseRetentionOverrides(process.env.RETENTION_YEARS_BY_MEMBER_STATE) };
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    process.exitCode = 78;
    return;
  }
  const persistence = await cliPersistence();
  try {
    const cases = new Map<string, CaseActivity>();
    for (let after = 0; ;) {
      // The raw store: retention needs dates and types only, no personal data.
      const batch: StoredEvent[] = await persistence.rawEvents.readAll({ after, maxCount: 5000 });
      for (const event of batch) {
        if (streamCategory(event.streamId) === DAILY_ROOT_CATEGORY) continue;
        const previous = cases.get(event.streamId);
        cases.set(event.streamId, {
          streamId: event.streamId,
          memberState: previous?.memberState ?? event.metadata.memberState ?? null,
          lastRecordedAt: event.recordedAt,
          lastEventType: event.type,
        });
      }
      if (batch.length < 5000) break;
      after = (batch.at(-1) as StoredEvent).globalPosition;
    }
    const due = retentionDue([...cases.values()], now, policy);
    if (values.json) process.stdout.write(`${JSON.stringify(due, null, 2)}\n`);
    else {
      for (const entry of due) {
        process.stdout.write(
          `${entry.dueAt.toISOString().slice(0, 10)}  ${entry.memberState ?? '--'}  ${entry.streamId}  (last: ${entry.lastEventType} ${entry.lastRecordedAt.toISOString().slice(0, 10)}, ${entry.retentionYears} years)\n`,
        );
      }
    }
    process.stderr.write(
      `${due.length} of ${cases.size} streams past their retention period as of ${now.toISOString().slice(0, 10)}; nothing deleted\n`,
    );
  } finally {
    await persistence.close();
  }
}

void main();
