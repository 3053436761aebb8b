import { licenceDecider } from '@dul/domain';
import { applicationHistory, decided, licenceLife, licenceMeasures } from '@dul/domain/testing';
import { EventHistory, projectionSpec } from '@dul/projections/testing';
import { licenceRegisterProjection } from './licence-register.projection';

const spec = projectionSpec(licenceRegisterProjection);
const { suspend, reinstate, revoke } = licenceMeasures;
const licence = licenceLife;

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
