import { fold } from '../decider';
import type { ApplicationContent } from '../licensing/application.content';
import type { Art16Notification } from '../licensing/art16-notification';
import { art16Notification } from '../licensing/art16-notification';
import type { MemberStateCode } from '../reference/member-states';
import type { Application } from '../licensing/application.decider';
import { applicationDecider } from '../licensing/application.decider';
import type { LicenceCommand } from '../licensing/licence.commands';
import { issueLicenceFromGrant } from '../licensing/licence.commands';
import { licenceDecider } from '../licensing/licence.decider';
import type { LicenceEvent } from '../licensing/licence.events';
import { applicationHistory, meta } from './licensing.fixtures';
import { decided } from './decider-spec';

/** APPLICATION_ID submitted, assessed and granted, as the application decider folds it. */
export function grantedApplication(): Application {
  const state = fold(applicationDecider, [
    applicationHistory.submitted(),
    applicationHistory.assessed(),
    applicationHistory.proposed('GRANT'),
    applicationHistory.issued('GRANT'),
  ]);
  if (state.status === 'NONE') throw new Error('the grant history folds to an application');
  return state;
}

const authority = meta({ actor: 'boss@bafa' });

/** Measures the German authority takes on a licence, at NOW. */
export const licenceMeasures = {
  suspend: {
    type: 'SuspendLicence',
    data: { reason: 'end user under investigation', grounds: ['END_USE_AND_DIVERSION'] },
    metadata: authority,
  },
  reinstate: { type: 'ReinstateLicence', data: { finalAssessment: 'investigation closed' }, metadata: authority },
  revoke: {
    type: 'RevokeLicence',
    data: { reason: 'diversion confirmed', grounds: ['END_USE_AND_DIVERSION'] },
    metadata: authority,
  },
} as const satisfies Record<string, LicenceCommand>;

/** The licence of the granted application issued under `licenceId`, then the measures `then`, as decided. */
export function licenceLife(licenceId: string, ...then: readonly LicenceCommand[]): LicenceEvent[] {
  return decided(licenceDecider, [
    { type: 'IssueLicence', data: issueLicenceFromGrant(grantedApplication(), licenceId), metadata: authority },
    ...then,
  ]);
}

/** The Art 16 notice of a refusal by `notifying` of the application `applicationId` with this content. */
export function refusalNotice(
  notifying: MemberStateCode,
  applicationId: string,
  content: ApplicationContent,
  at: Date,
): Art16Notification {
  return art16Notification(
    'DENIAL',
    notifying,
    {
      applicationId,
      licenceId: null,
      applicationKind: 'INDIVIDUAL',
      items: content.items,
      destinationCountry: content.destinationCountry,
      endUser: content.endUser,
      consignee: content.consignee,
    },
    { grounds: ['HUMAN_RIGHTS'], reason: 'risk of internal repression', at },
  );
}
