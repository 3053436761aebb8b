import { derivedId } from '@dul/event-store';

/** A granted application's licence has an id derived from the application's, so it is issued once. */
export function licenceIdFor(applicationId: string): string {
  return derivedId(`licence:${applicationId}`);
}
