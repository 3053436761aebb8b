import type { Test } from 'supertest';
import type { LicensingHarness } from './licensing-harness';

export interface MemberStateClient {
  readonly get: (path: string) => Test;
  readonly post: (path: string, body: object) => Test;
}

/**
 * A caseworker and an approver per member state ('DE-caseworker', 'DE-approver', ...), each with a
 * development token, and `as(who)` to call the API as one of them: the cast of the EU suites.
 */
export async function memberStateClients(
  h: LicensingHarness,
  memberStates: readonly string[],
): Promise<(who: string) => MemberStateClient> {
  const tokens: Record<string, string> = {};
  for (const ms of memberStates) {
    tokens[`${ms}-caseworker`] = await h.token(`${ms.toLowerCase()}-caseworker`, ms, ['caseworker']);
    tokens[`${ms}-approver`] = await h.token(`${ms.toLowerCase()}-approver`, ms, ['approver']);
  }
  return (who) => {
    const token = tokens[who];
    if (token === undefined) throw new Error(`no token for ${who}`);
    return {
      get: (path) => h.http().get(path).set('authorization', `Bearer ${token}`),
      post: (path, body) => h.http().post(path).set('authorization', `Bearer ${token}`).send(body),
    };
  };
}
