import { administrationFiguresDecider, generalAuthorisationUserDecider } from '@dul/domain';
import { bafaAt, decided, registerForEu001 } from '@dul/domain/testing';
import { EventHistory, projectionSpec } from '@dul/projections/testing';
import {
  generalAuthorisationEventsOf,
  generalAuthorisationFactsProjection,
} from './general-authorisation-facts.projection';

const spec = projectionSpec(generalAuthorisationFactsProjection);
const registered = decided(generalAuthorisationUserDecider, [registerForEu001()]);
const figures = decided(administrationFiguresDecider, [
  {
    type: 'RecordAdministrationFigures',
    data: {
      year: 2025,
      staffFte: 112.5,
      outreachEvents: 40,
      infringements: 7,
      penalties: 3,
      penaltiesValueEur: 125000,
    },
    metadata: bafaAt('2026-02-10T09:00:00Z'),
  },
]);

describe('general-authorisation report facts projection', () => {
  it('keeps the events of a general-authorisation user and of an authority’s administration figures as recorded, one document per stream', () => {
    const history = new EventHistory();
    history.append('general-authorisation-user-reg-1', registered, { recordedAt: new Date('2025-02-01T09:00:00Z') });
    history.append('administration-figures-DE-2025', figures, { recordedAt: new Date('2026-02-10T09:00:00Z') });
    spec.given(history.events).then({
      'general-authorisation-user-reg-1': {
        streamId: 'general-authorisation-user-reg-1',
        events: [{ type: 'GeneralAuthorisationRegistered', recordedAt: '2025-02-01T09:00:00.000Z' }],
      },
      'administration-figures-DE-2025': {
        events: [{ type: 'AdministrationFiguresRecorded', data: { year: 2025, staffFte: 112.5 } }],
      },
    });
  });

  it('hands the report fold every kept event with its stream id, in stream order', () => {
    const history = new EventHistory();
    history.append('general-authorisation-user-reg-1', registered);
    history.append('administration-figures-DE-2025', figures);
    const events = generalAuthorisationEventsOf(Object.values(spec.given(history.events).documents()));
    expect(events.map((event) => [event.streamId, event.type])).toEqual([
      ['general-authorisation-user-reg-1', 'GeneralAuthorisationRegistered'],
      ['administration-figures-DE-2025', 'AdministrationFiguresRecorded'],
    ]);
  });

  it('keeps nothing of the events the general-authorisation section does not read', () => {
    const history = new EventHistory();
    history.append('licence-lic-1', [{ type: 'LicenceExpired', data: {} }]);
    spec.given(history.events).thenNoDocuments();
  });
});
