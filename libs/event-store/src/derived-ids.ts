import { v5 as uuidv5 } from 'uuid';

/** Fixed namespace for ids derived from other ids (UUID v5): the same input always gives the same id. */
const DERIVED_ID_NAMESPACE = '3f0c1e64-1d2f-4c63-9a8e-6b0f5f1d2a7c';

/**
 * A UUID derived from a name such as `licence:<applicationId>`. Process managers use derived ids so
 * that handling the same event twice targets the same aggregate and appends the same event ids.
 */
export function derivedId(name: string): string {
  return uuidv5(name, DERIVED_ID_NAMESPACE);
}

/** Event ids derived from the causing event: a replay after a crash appends nothing twice. */
export function derivedEventIds(causationId: string): (index: number) => string {
  return (index) => derivedId(`${causationId}:${index}`);
}
