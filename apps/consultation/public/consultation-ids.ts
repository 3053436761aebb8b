import { itemsLocatedElsewhereConsultationId, priorDenialConsultationId } from '@dul/domain';
import { derivedId } from '@dul/event-store';

/** The consultation's id (and stream `consultation-<id>`), derived so that opening twice meets one stream. */
export function art14ConsultationId(applicationId: string, consulted: string): string {
  return derivedId(`consultation:${itemsLocatedElsewhereConsultationId(applicationId, consulted as never)}`);
}
export function art16ConsultationId(applicationId: string, denialId: string): string {
  return derivedId(`consultation:${priorDenialConsultationId(applicationId, denialId)}`);
}
export const consultationStream = (id: string): string => `consultation-${id}`;
