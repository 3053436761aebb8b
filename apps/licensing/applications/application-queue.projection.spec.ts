import { applicationHistory } from '@dul/domain/testing';
import { EventHistory, projectionSpec } from '@dul/projections/testing';
import { applicationQueueProjection } from './application-queue.projection';

const spec = projectionSpec(applicationQueueProjection);
const SUBMITTED = new Date('2025-03-10T09:00:00.000Z');
const LATER = new Date('2025-03-12T14:30:00.000Z');

describe('application queue projection', () => {
  it('queues a submitted application as unassigned (an empty assignee), with its exporter and destination', () => {
    const history = new EventHistory({ recordedAt: SUBMITTED });
    history.append('application-app-1', [applicationHistory.submitted()]);
    spec.given(history.events).then({
      'app-1': {
        id: 'app-1',
        authority: 'DE',
        status: 'SUBMITTED',
        kind: 'INDIVIDUAL',
        destination: 'JP',
        assignee: '',
        exporter: 'Muster Sicherheit GmbH',
        submittedAt: SUBMITTED.toISOString(),
        updatedAt: SUBMITTED.toISOString(),
        openRiskFlags: 0,
        version: 0,
        position: 1,
      },
    });
  });

  it('assigns the case to the caseworker who starts the assessment, and dates the change by when it was recorded', () => {
    const history = new EventHistory({ recordedAt: SUBMITTED });
    history.append('application-app-1', [applicationHistory.submitted()]);
    history.append('application-app-1', [applicationHistory.assessed('anna@bafa')], { recordedAt: LATER });
    spec.given(history.events).then({
      'app-1': { status: 'UNDER_ASSESSMENT', assignee: 'anna@bafa', updatedAt: LATER.toISOString(), version: 1 },
    });
  });

  it('counts only the risk flags still open', () => {
    const history = new EventHistory();
    history.append('application-app-1', [
      applicationHistory.submitted(),
      applicationHistory.assessed(),
      applicationHistory.flagged('flag-1', 'HUMAN_RIGHTS'),
      applicationHistory.flagged('flag-2', 'SANCTIONS'),
      applicationHistory.flagCleared('flag-1', 'HUMAN_RIGHTS'),
    ]);
    spec.given(history.events).then({ 'app-1': { openRiskFlags: 1, version: 4 } });
  });

  it('shows the decision as the application status: granted, denied or withdrawn', () => {
    const history = new EventHistory();
    const decided = [applicationHistory.submitted(), applicationHistory.assessed()];
    history.append('application-app-1', [
      ...decided,
      applicationHistory.proposed('GRANT'),
      applicationHistory.issued('GRANT'),
    ]);
    history.append('application-app-2', [
      ...decided,
      applicationHistory.proposed('DENY'),
      applicationHistory.issued('DENY'),
    ]);
    history.append('application-app-3', [applicationHistory.submitted(), applicationHistory.withdrawn()]);
    spec.given(history.events).then({
      'app-1': { status: 'GRANTED' },
      'app-2': { status: 'DENIED' },
      'app-3': { status: 'WITHDRAWN' },
    });
  });

  it('ignores events of other streams, even of a type it handles', () => {
    const history = new EventHistory();
    history.append('licence-app-1', [applicationHistory.submitted()]);
    spec.given(history.events).thenNoDocuments();
  });
});
