import type { LicenceCommand } from '@dul/domain';
import { applicationDecider, fold, issueLicenceFromGrant, licenceDecider } from '@dul/domain';
import { applicationHistory, decided, meta } from '@dul/domain/testing';
import { EventHistory, projectionSpec } from '@dul/projections/testing';
import { licenceRegisterProjection } from './licence-register.projection';

const spec = projectionSpec(licenceRegisterProjection);
const authority = meta({ actor: 'boss@bafa' });
const granted = (() => {
  const state = fold(applicationDecider, [
    applicationHistory.submitted(),
    applicationHistory.assessed(),
    applicationHistory.proposed('GRANT'),
    applicationHistory.issued('GRANT'),
  ]);
  if (state.status === 'NONE') throw new Error('the grant history folds to an application');
  return state;
})();

function licence(licenceId: string, ...then: LicenceCommand[]) {
  return decided(licenceDecider, [
    { type: 'IssueLicence', data: issueLicenceFromGrant(granted, licenceId), metadata: authority },
    ...then,
  ]);
}
const suspend: LicenceCommand = {
  type: 'SuspendLicence',
  data: { reason: 'end user under investigation', grounds: ['END_USE_AND_DIVERSION'] },
  metadata: authority,
};
const reinstate: LicenceCommand = {
  type: 'ReinstateLicence',
  data: { finalAssessment: 'investigation closed' },
  metadata: authority,
};
const revoke: LicenceCommand = {
  type: 'RevokeLicence',
  data: { reason: 'diversion confirmed', grounds: ['END_USE_AND_DIVERSION'] },
  metadata: authority,
};

describe('licence register projection', () => {
  it('lists an issued licence as active, pending expiry, with its holder, destination and validity', () => {
    const history = new EventHistory();
    history.append('licence-lic-1', licence('lic-1'));
    spec.given(history.events).then({
      'lic-1': {
        id: 'lic-1',
        authority: 'DE',
        applicationId: 'app-1',
        status: 'ACTIVE',
        kind: 'INDIVIDUAL',
        destination: 'JP',
        holder: 'Muster Sicherheit GmbH',
        validFrom: '2025-03-10T09:00:00.000Z',
        validUntil: '2026-03-10T09:00:00.000Z',
        expiryPending: true,
        version: 0,
        position: 1,
      },
    });
  });

  it('counts a suspended licence once in the register, still pending expiry (a suspended licence still runs out)', () => {
    const history = new EventHistory();
    history.append('licence-lic-1', licence('lic-1', suspend));
    spec.given(history.events).then({ 'lic-1': { status: 'SUSPENDED', expiryPending: true, version: 1 } });
  });

  it('takes a revoked licence off the expiry work list', () => {
    const history = new EventHistory();
    history.append('licence-lic-1', licence('lic-1', suspend, reinstate, revoke));
    spec.given(history.events).then({ 'lic-1': { status: 'REVOKED', expiryPending: false, version: 3, position: 4 } });
  });

  it('keeps one document per licence stream, each at its own version and the global position it last saw', () => {
    const history = new EventHistory();
    history.append('licence-lic-1', licence('lic-1'));
    history.append('licence-lic-2', licence('lic-2', suspend));
    history.append('licence-lic-1', decided(licenceDecider, [revoke], licence('lic-1')));
    spec.given(history.events).then({
      'lic-1': { status: 'REVOKED', version: 1, position: 4 },
      'lic-2': { status: 'SUSPENDED', version: 1, position: 3 },
    });
  });

  it('ignores events of other streams, even of a type it handles', () => {
    const history = new EventHistory();
    history.append('application-app-1', [applicationHistory.submitted()]);
    history.append('not-a-licence-lic-1', licence('lic-1'));
    spec.given(history.events).thenNoDocuments();
  });
});
