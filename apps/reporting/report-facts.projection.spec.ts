import type { EventMetadata } from '@dul/event-store';
import { reportHistory } from '@dul/domain/testing';
import { EventHistory, projectionSpec } from '@dul/projections/testing';
import type { ApplicationShard, ConsultationShard, LicenceEndingShard } from './report-facts.projection';
import { licenceIdOf, REFERENCE_RATES_FACT_ID, reportFactsProjection, shardIdOf } from './report-facts.projection';

const { by, content, item, ReportLog } = reportHistory;
const spec = projectionSpec(reportFactsProjection);

/** The report log's events as the store records them, each at its command's instant. */
function stored(log: InstanceType<typeof ReportLog>): EventHistory {
  const history = new EventHistory();
  for (const event of log.events) {
    history.append(
      event.streamId,
      [{ type: event.type, data: event.data, metadata: event.metadata as EventMetadata }],
      {
        recordedAt: new Date(event.recordedAt),
      },
    );
  }
  return history;
}

/** DE grants app-1: a listed item located in FR (so FR is consulted) and an unlisted one caught by Art 5. */
function grantedCase(log: InstanceType<typeof ReportLog>, id = 'app-1') {
  return log.case({
    id,
    authority: 'DE',
    content: content('DE', 'JP', [item('5A001.j', 1000, { memberStateWhereLocated: 'FR' }), item('ART5', 200)]),
    submittedAt: '2027-03-01T09:00:00.000Z',
    decision: { outcome: 'GRANT', at: '2027-03-15T09:00:00.000Z' },
  });
}

describe('Art 26 report facts projection', () => {
  it("keeps an application's submission and decision as one fact, with the local dates and the working days it took", () => {
    const log = new ReportLog();
    grantedCase(log);
    const shard = spec
      .given(stored(log).events)
      .document(shardIdOf('application', 'application-app-1')) as ApplicationShard;
    expect(shard.facts['application-app-1']).toEqual([
      expect.objectContaining({
        type: 'submitted',
        kind: 'INDIVIDUAL',
        authority: 'DE',
        on: '2027-03-01',
        destination: 'JP',
        items: [
          ['5A001.j', 1000, 'EUR'],
          ['NOT_LISTED:ART5', 200, 'EUR'],
        ],
      }),
      // Mon 1 March to Mon 15 March 2027: ten working days in Germany.
      expect.objectContaining({ type: 'decided', granted: true, on: '2027-03-15', processingDays: 10 }),
    ]);
  });

  it('does not count the steps the report does not report (assessment, proposals, risk flags)', () => {
    const log = new ReportLog();
    grantedCase(log);
    const history = stored(log);
    expect(history.events.map((event) => event.type)).toContain('AssessmentStarted');
    const documents = spec.given(history.events).documents();
    const changes = Object.values(documents).flatMap((document) =>
      document.kind === 'application' ? Object.values(document.facts).flat() : [],
    );
    expect(changes.map((change) => change.type)).toEqual(['submitted', 'decided']);
  });

  it('records a reclassification, but not a caseworker confirming the classification already there', () => {
    const reclassified = new ReportLog();
    reclassified.case({
      id: 'app-1',
      authority: 'DE',
      content: content('DE', 'JP', [item('5A001.j', 1000)]),
      submittedAt: '2027-03-01T09:00:00.000Z',
    });
    const classify = (controlEntry: string) =>
      reclassified.application('app-1', {
        type: 'ClassifyItem',
        data: { itemIndex: 0, classification: { kind: 'LISTED', controlEntry } },
        metadata: by('DE', '2027-03-02T09:00:00.000Z', 'anna@DE'),
      });
    classify('5A001.j');
    classify('5A002.a');
    const shard = spec
      .given(stored(reclassified).events)
      .document(shardIdOf('application', 'application-app-1')) as ApplicationShard;
    expect(shard.facts['application-app-1']?.map((change) => change.type)).toEqual(['submitted', 'classified']);
    expect(shard.facts['application-app-1']?.[1]).toMatchObject({ itemIndex: 0, entry: '5A002.a' });
  });

  it("keeps a licence's issue in its own document and counts a suspended licence once, as one suspension", () => {
    const log = new ReportLog();
    grantedCase(log);
    log.issueLicence('app-1', 'lic-1', '2027-03-15T10:00:00.000Z');
    log.licence('lic-1', {
      type: 'SuspendLicence',
      data: { reason: 'end user under investigation', grounds: ['END_USE_AND_DIVERSION'] },
      metadata: by('DE', '2027-04-01T09:00:00.000Z'),
    });
    const given = spec.given(stored(log).events);
    expect(given.document(licenceIdOf('licence-lic-1'))).toMatchObject({
      kind: 'licence',
      streamId: 'licence-lic-1',
      memberState: 'DE',
      destination: 'JP',
      licenceKind: 'INDIVIDUAL',
    });
    const endings = given.document(shardIdOf('licence-endings', 'licence-lic-1')) as LicenceEndingShard;
    expect(endings.facts['licence-lic-1']).toEqual([
      {
        measure: 'suspensions',
        at: Date.parse('2027-04-01T09:00:00.000Z'),
        recorded: Date.parse('2027-04-01T09:00:00.000Z'),
      },
    ]);
  });

  it("keeps a consultation's objecting reply, dated in the requester's calendar, and not a reply without objection", () => {
    const objected = new ReportLog();
    grantedCase(objected);
    const consultationId = objected.openArt14('app-1', 'FR', '2027-03-02T09:00:00.000Z');
    objected.consultation(consultationId, {
      type: 'ReplyToConsultation',
      data: { answer: 'OBJECTION', reasons: 'end user of concern' },
      metadata: by('FR', '2027-03-03T23:30:00.000Z'),
    });
    const shard = spec
      .given(stored(objected).events)
      .document(shardIdOf('consultation', `consultation-${consultationId}`)) as ConsultationShard;
    expect(shard.facts[`consultation-${consultationId}`]?.map((change) => change.type)).toEqual(['opened', 'objected']);
    // 23:30 UTC on 3 March is already 4 March in Berlin, the requester's capital.
    expect(shard.facts[`consultation-${consultationId}`]?.[1]).toMatchObject({ on: '2027-03-04' });

    const answered = new ReportLog();
    grantedCase(answered);
    const other = answered.openArt14('app-1', 'FR', '2027-03-02T09:00:00.000Z');
    answered.consultation(other, {
      type: 'ReplyToConsultation',
      data: { answer: 'NO_OBJECTION' },
      metadata: by('FR', '2027-03-03T09:00:00.000Z'),
    });
    const quiet = spec
      .given(stored(answered).events)
      .document(shardIdOf('consultation', `consultation-${other}`)) as ConsultationShard;
    expect(quiet.facts[`consultation-${other}`]?.map((change) => change.type)).toEqual(['opened']);
  });

  it('does not report the events of an application stream that never started with a submission', () => {
    const history = new EventHistory();
    history.append('application-app-9', [
      {
        type: 'ApplicationWithdrawn',
        data: { reason: 'x', withdrawnBy: 'clerk@DE', withdrawnAt: '2027-03-01T09:00:00.000Z' },
      },
    ]);
    spec.given(history.events).thenNoDocuments();
  });

  it('keeps every reference-rate recording in one document, in the order recorded, with its recorded instant', () => {
    const log = new ReportLog();
    log.rates([{ currency: 'USD', unitsPerEur: 1.1, date: '2027-03-01' }], '2027-03-01T16:00:00.000Z');
    log.rates([{ currency: 'USD', unitsPerEur: 1.2, date: '2027-03-02' }], '2027-03-02T16:00:00.000Z');
    const document = spec.given(stored(log).events).document(REFERENCE_RATES_FACT_ID);
    expect(document).toEqual({
      kind: 'reference-rates',
      recordings: [
        expect.objectContaining({ recorded: Date.parse('2027-03-01T16:00:00.000Z') }),
        expect.objectContaining({ recorded: Date.parse('2027-03-02T16:00:00.000Z') }),
      ],
    });
  });
});
