import { itemsLocatedElsewhereConsultationId, priorDenialConsultationId } from '@dul/domain';
import { derivedId } from '@dul/event-store';

/** The consultation's id (and stream `consultation-<id>`), derived so that opening twice meets one stream. */
export function art14ConsultationId(applicationId: string, consulted: string): string {
  return derivedId(`consultation:${itemsLocatedElsewhereConsultationId(applicationId, consulted as never)}`);
}
export function art16ConsultationId(applicationId: string, denialId: string): string {
  return derivedId(`consultation:${priorDenialConsultationId(applicationId, denialId)}`);
}
/**
 * Art 14(2): one consultation per (subject, requesting member state, request). A request not to grant
 * is about the application; the others about its licence.
 */
export function securityInterestConsultationId(
  subject: { readonly applicationId: string } | { readonly licenceId: string },
  requester: string,
  request: string,
): string {
  const about = 'licenceId' in subject ? `licence:${subject.licenceId}` : `application:${subject.applicationId}`;
  return derivedId(`consultation:security-interest:${about}:${requester}:${request}`);
}
