import { DAILY_ROOT_EVENT, isDailyRootData, MEMBER_STATE_CODES } from '@dul/domain';
import type { IntegrationEvent, SourceEvent } from './integration-event';
import { instantOf, mappingError, Publisher } from './mapping';

// The daily root goes to every member state's authority and to the Commission: the more independent
// holders of yesterday's root, the harder it is to rewrite the history before it unseen.

export const isAuditEventType = (type: string): boolean => type === DAILY_ROOT_EVENT;

export function auditIntegrationEvents(stored: SourceEvent): readonly IntegrationEvent[] {
  const data = stored.data;
  if (!isDailyRootData(data)) return mappingError(stored, `${DAILY_ROOT_EVENT} without a day, root and position`);
  // A new algorithm is a new contract version: publishing it under this one would mislead the checker.
  if (data.algorithm !== 'merkle-sha256') return mappingError(stored, `unpublished root algorithm ${data.algorithm}`);
  return new Publisher(stored).publishToEveryAudience('eu.dual-use.audit.daily-root-sealed.v1', data.day, {
    day: data.day,
    root: data.root,
    algorithm: 'merkle-sha256',
    coveredUpTo: data.coveredUpTo,
    streams: data.streams,
    legacyUpTo: data.legacyUpTo,
    sealedAt: instantOf(stored.recordedAt),
    recipients: { memberStates: [...MEMBER_STATE_CODES], commission: true },
  });
}
