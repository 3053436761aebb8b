import type { GeneralAuthorisationUserCommand, PublishNationalGeneralAuthorisation } from '@dul/domain';
import {
  DEFAULT_GENERAL_AUTHORISATION_SETTINGS,
  generalAuthorisationUserDecider,
  nationalGeneralAuthorisationDecider,
  UNION_GENERAL_AUTHORISATIONS,
} from '@dul/domain';
import { bafaAt, decided, registerForEu001 } from '@dul/domain/testing';
import { EventHistory, projectionSpec } from '@dul/projections/testing';
import {
  nationalAuthorisationsProjection,
  registrationsProjection,
} from './general-authorisation-registrations.projection';

const register = registerForEu001();
const use = (useId: string): GeneralAuthorisationUserCommand => ({
  type: 'RecordGeneralAuthorisationUse',
  data: {
    useId,
    exportDate: '2025-03-05',
    destinationCountry: 'JP',
    declarationReference: `25DE1234567890AB${useId.slice(-2)}`,
    items: [
      {
        description: 'Thermal camera',
        controlEntry: '6A003.b.4',
        quantity: 4,
        unit: 'pcs',
        value: 48000,
        currency: 'EUR',
      },
    ],
    versions: UNION_GENERAL_AUTHORISATIONS,
    settings: DEFAULT_GENERAL_AUTHORISATION_SETTINGS,
  },
  metadata: bafaAt('2025-03-10T09:00:00Z'),
});
const suspend: GeneralAuthorisationUserCommand = {
  type: 'SuspendGeneralAuthorisationRight',
  data: { reason: 'exporter under investigation', denialInSubstance: false },
  metadata: bafaAt('2025-04-01T09:00:00Z'),
};
const publish = (validFrom: string, now: string): PublishNationalGeneralAuthorisation => ({
  type: 'PublishNationalGeneralAuthorisation',
  data: {
    code: 'DE-AGG12',
    title: 'Allgemeine Genehmigung Nr. 12 (example)',
    validFrom,
    citation: 'Bundesanzeiger (example)',
    scope: {
      destinations: { kind: 'ONLY', countries: ['KR', 'BR'], condition: 'AGG 12 Annex 2: destinations' },
      items: { kind: 'ONLY', entries: ['5A002'], excluded: [], condition: 'AGG 12 Annex 1: items' },
      conditions: ['Not for military end use'],
    },
  },
  metadata: bafaAt(now),
});

describe('general-authorisation registrations projection', () => {
  const spec = projectionSpec(registrationsProjection);

  it('registers an exporter for EU001 with its authority, active and with no uses yet', () => {
    const history = new EventHistory();
    history.append('general-authorisation-user-reg-1', decided(generalAuthorisationUserDecider, [register]));
    spec.given(history.events).then({
      'reg-1': {
        id: 'reg-1',
        authority: 'DE',
        authorisation: 'EU001',
        status: 'ACTIVE',
        exporter: 'Rhein Optics GmbH',
        registeredAt: '2025-02-01T09:00:00.000Z',
        uses: 0,
        version: 0,
      },
    });
  });

  it('counts each recorded use, and shows a suspended right as suspended', () => {
    const history = new EventHistory();
    history.append(
      'general-authorisation-user-reg-1',
      decided(generalAuthorisationUserDecider, [register, use('use-01'), use('use-02'), suspend]),
    );
    spec.given(history.events).then({ 'reg-1': { uses: 2, status: 'SUSPENDED' } });
  });

  it('ignores events of other streams, even of a type it handles', () => {
    const history = new EventHistory();
    history.append('licence-reg-1', decided(generalAuthorisationUserDecider, [register]));
    spec.given(history.events).thenNoDocuments();
  });
});

describe('national general authorisations projection', () => {
  const spec = projectionSpec(nationalAuthorisationsProjection);

  it('keeps every published version of a national general authorisation under its code and member state', () => {
    const history = new EventHistory();
    const first = decided(nationalGeneralAuthorisationDecider, [publish('2025-02-01', '2025-01-10T09:00:00Z')]);
    const second = decided(nationalGeneralAuthorisationDecider, [publish('2026-01-01', '2025-12-10T09:00:00Z')], first);
    history.append('national-general-authorisation-DE-AGG12', [...first, ...second]);
    const document = spec.given(history.events).document('DE-AGG12');
    expect(document).toMatchObject({ code: 'DE-AGG12', memberState: 'DE' });
    expect(document?.versions.map((version) => version.validFrom)).toEqual(['2025-02-01', '2026-01-01']);
  });
});
