import fc from 'fast-check';
import type {
  AnnualReportOptions,
  ApplicationKind,
  DecisionOutcome,
  MemberStateCode,
  ReportSourceEvent,
} from '@dul/domain';
import { computeAnnualReport, REPORT_COUNT_FIELDS } from '@dul/domain';
import type { StoredEvent } from '@dul/event-store';
import { by, content, item, ReportLog } from '../../libs/domain/src/reporting/testing/report-history';
import { reportFromFacts } from './annual-report.query';
import type { ReportFactsDocument } from './report-facts.projection';
import { reportFactsProjection } from './report-facts.projection';

const AUTHORITIES = ['DE', 'FR', 'FI', 'PT', 'GR'] as const;
const DESTINATIONS = ['US', 'CN', 'JP', 'BR'] as const;
const ENTRIES = ['0C001', '1C350', '3A001.a.3', '4A005', '5A001.j', '5A002.a', '5D001.e', '5A004.a', 'ART4', 'ART5'];
const DAY = 86_400_000;
/** 1 December 2024: cases start in the month before the year and end after it. */
const START = Date.parse('2024-12-01T00:00:00Z');

const itemArb = fc.record({
  entry: fc.constantFrom(...ENTRIES),
  thousandths: fc.integer({ min: 0, max: 50_000_000 }),
  // USD has rates from 1 March 2025 (recorded 10 March), JPY throughout, CHF none: converted and apart.
  currency: fc.constantFrom('EUR', 'EUR', 'EUR', 'USD', 'JPY', 'CHF'),
});

const caseArb = fc.record({
  authority: fc.constantFrom(...AUTHORITIES),
  destination: fc.constantFrom(...DESTINATIONS),
  items: fc.array(itemArb, { minLength: 1, maxLength: 3 }),
  kind: fc.constantFrom<ApplicationKind>('INDIVIDUAL', 'INDIVIDUAL', 'GLOBAL'),
  submittedDay: fc.integer({ min: 0, max: 420 }),
  // Late hours too: 23:30 UTC on 31 December is already the next year in Helsinki.
  submittedMinute: fc.integer({ min: 0, max: 24 * 60 - 1 }),
  amendment: fc.option(
    fc.record({
      destination: fc.constantFrom(...DESTINATIONS),
      items: fc.array(itemArb, { minLength: 1, maxLength: 2 }),
    }),
  ),
  reclassifyAs: fc.option(fc.constantFrom(...ENTRIES)),
  ending: fc.constantFrom<'PENDING' | 'WITHDRAW' | DecisionOutcome>(
    'PENDING',
    'WITHDRAW',
    'GRANT',
    'GRANT',
    'GRANT_WITH_CONDITIONS',
    'DENY',
  ),
  decisionDelayHours: fc.integer({ min: 30, max: 60 * 24 }),
  licenceEnding: fc.constantFrom('NONE', 'SUSPEND', 'REVOKE', 'ANNUL', 'SUSPEND_THEN_REVOKE'),
  consultation: fc.constantFrom('NONE', 'ART14', 'ART14_OBJECTED', 'CATCH_ALL', 'CATCH_ALL_OBJECTED', 'UNATTACHED'),
});

type CaseInput = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

/** The items; the first located in `elsewhere` when given (an Art 14(1) case). */
const itemsOf = (generated: CaseInput['items'], elsewhere?: MemberStateCode) =>
  generated.map((spec, index) =>
    item(spec.entry, spec.thousandths / 1000, {
      currency: spec.currency,
      ...(index === 0 && elsewhere !== undefined && { memberStateWhereLocated: elsewhere }),
    }),
  );

/** An exporter's content; declared compliance programme, which global licences need (Art 12(4)). */
const contentOf = (
  ms: MemberStateCode,
  destination: string,
  items: CaseInput['items'],
  elsewhere?: MemberStateCode,
) => ({
  ...content(ms, destination, itemsOf(items, elsewhere)),
  icpDeclared: true,
});

const classificationOf = (entry: string) =>
  entry === 'ART4' || entry === 'ART5'
    ? ({ kind: 'NOT_LISTED', catchAllGround: entry } as const)
    : ({ kind: 'LISTED', controlEntry: entry } as const);

/** Real histories: every event decided by the real deciders, recorded at the command's `now`. */
function build(cases: readonly CaseInput[]): ReportSourceEvent[] {
  const log = new ReportLog();
  log.rates([{ currency: 'JPY', date: '2024-11-29', unitsPerEur: 160.4 }], '2024-11-30T12:00:00Z');
  log.rates(
    [
      { currency: 'USD', date: '2025-03-01', unitsPerEur: 1.0823 },
      { currency: 'USD', date: '2025-09-01', unitsPerEur: 1.17 },
    ],
    '2025-03-10T12:00:00Z',
  );
  // A correction recorded later: reports as of before it keep the first rate.
  log.rates([{ currency: 'USD', date: '2025-09-01', unitsPerEur: 1.1712 }], '2025-10-02T12:00:00Z');
  cases.forEach((spec, index) => {
    const id = `Q${index}`;
    const ms: MemberStateCode = spec.authority;
    const at = (offsetMs: number) => new Date(submitted + offsetMs);
    const submitted = START + spec.submittedDay * DAY + spec.submittedMinute * 60_000;
    const decidedAt = at(spec.decisionDelayHours * 3_600_000);
    const art14 = spec.consultation === 'ART14' || spec.consultation === 'ART14_OBJECTED';
    const consulted: MemberStateCode = ms === 'DE' ? 'FR' : 'DE';
    const elsewhere = art14 ? consulted : undefined;
    log.application(id, {
      type: 'SubmitApplication',
      data: { applicationId: id, kind: spec.kind, content: contentOf(ms, spec.destination, spec.items, elsewhere) },
      metadata: by(ms, at(0)),
    });
    log.application(id, { type: 'StartAssessment', data: { caseworker: `anna@${ms}` }, metadata: by(ms, at(60_000)) });
    if (spec.amendment) {
      log.application(id, {
        type: 'AmendApplication',
        data: {
          content: contentOf(ms, spec.amendment.destination, spec.amendment.items, elsewhere),
          reason: 'new end user',
        },
        metadata: by(ms, at(3_600_000)),
      });
    }
    if (spec.reclassifyAs) {
      log.application(id, {
        type: 'ClassifyItem',
        data: { itemIndex: 0, classification: classificationOf(spec.reclassifyAs) },
        metadata: by(ms, at(2 * 3_600_000), `anna@${ms}`),
      });
    }
    if (art14) {
      const consultationId = log.openArt14(id, consulted, at(3 * 3_600_000).toISOString());
      if (spec.consultation === 'ART14_OBJECTED') {
        log.consultation(consultationId, {
          type: 'ReplyToConsultation',
          data: { answer: 'OBJECTION', reasons: 'needed at home' },
          metadata: by(consulted, at(DAY)),
        });
      }
    }
    if (
      spec.consultation === 'CATCH_ALL' ||
      spec.consultation === 'CATCH_ALL_OBJECTED' ||
      spec.consultation === 'UNATTACHED'
    ) {
      const application = log.applicationState(id);
      const consultationId = `ca-${id}`;
      const opened = log.openCatchAll(
        consultationId,
        ms,
        application.content,
        at(4 * 3_600_000).toISOString(),
        spec.consultation === 'UNATTACHED' ? null : id,
      );
      if (spec.consultation === 'CATCH_ALL_OBJECTED') {
        for (const objector of ['IT', 'NL'] as const) {
          log.consultation(consultationId, {
            type: 'ReplyToConsultation',
            data: { answer: 'OBJECT', reasons: 'known diversion risk' },
            metadata: by(objector, at(objector === 'IT' ? DAY : 2 * DAY)),
          });
        }
      }
      log.consultation(consultationId, {
        type: 'LapseConsultationDeadline',
        data: {},
        metadata: by(undefined, opened.deadline.endsAt, 'deadline-timer'),
      });
    }
    if (spec.ending === 'WITHDRAW') {
      log.application(id, { type: 'WithdrawApplication', data: { reason: 'cancelled' }, metadata: by(ms, decidedAt) });
      return;
    }
    if (spec.ending === 'PENDING') return;
    const outcome = spec.ending;
    const art15Grounds = outcome === 'DENY' ? (['HUMAN_RIGHTS'] as const) : [];
    const conditions = outcome === 'GRANT_WITH_CONDITIONS' ? ['no re-export'] : [];
    log.application(id, {
      type: 'ProposeDecision',
      data: { outcome, art15Grounds, conditions },
      metadata: by(ms, new Date(decidedAt.getTime() - 60_000), `anna@${ms}`),
    });
    const objected = spec.consultation === 'ART14_OBJECTED';
    log.application(id, {
      type: 'IssueDecision',
      data: {
        outcome: objected ? 'DENY' : outcome,
        art15Grounds: objected ? ['HUMAN_RIGHTS'] : art15Grounds,
        conditions: objected ? [] : conditions,
        consultations: { blockingOpen: 0, bindingObjection: objected },
      },
      metadata: by(ms, decidedAt, `boss@${ms}`),
    });
    if (objected || outcome === 'DENY') return;
    log.issueLicence(id, `lic-${id}`, decidedAt.toISOString());
    const later = (days: number) => by(ms, new Date(decidedAt.getTime() + days * DAY));
    if (spec.licenceEnding === 'SUSPEND' || spec.licenceEnding === 'SUSPEND_THEN_REVOKE') {
      log.licence(`lic-${id}`, { type: 'SuspendLicence', data: { reason: 'investigation' }, metadata: later(20) });
    }
    if (spec.licenceEnding === 'REVOKE' || spec.licenceEnding === 'SUSPEND_THEN_REVOKE') {
      log.licence(`lic-${id}`, { type: 'RevokeLicence', data: { reason: 'diversion' }, metadata: later(40) });
    }
    if (spec.licenceEnding === 'ANNUL') {
      log.licence(`lic-${id}`, { type: 'AnnulLicence', data: { reason: 'false information' }, metadata: later(10) });
    }
  });
  // The log in recording order, as a store would keep it.
  return [...log.events].sort((a, b) => instant(a.recordedAt) - instant(b.recordedAt));
}

const instant = (value: Date | string) => (value instanceof Date ? value.getTime() : Date.parse(value));

function stored(events: readonly ReportSourceEvent[]): StoredEvent[] {
  const versions = new Map<string, number>();
  return events.map((event, index) => {
    const version = versions.get(event.streamId) ?? 0;
    versions.set(event.streamId, version + 1);
    return {
      eventId: `e${index}`,
      streamId: event.streamId,
      streamVersion: version,
      globalPosition: index + 1,
      type: event.type,
      schemaVersion: 1,
      data: event.data,
      metadata: { actor: 'test', correlationId: 'c' },
      recordedAt: new Date(event.recordedAt),
    };
  });
}

/** The projection's documents after these events, as a store would hand them back (JSON). */
function project(events: readonly StoredEvent[]): ReportFactsDocument[] {
  const documents = new Map<string, string>();
  for (const event of events) {
    if (!reportFactsProjection.handles.includes(event.type)) continue;
    const id = reportFactsProjection.documentId(event);
    if (id === null) continue;
    const before = documents.get(id);
    const document = before === undefined ? null : (JSON.parse(before) as ReportFactsDocument);
    const next = reportFactsProjection.evolve(document, event);
    // evolve is pure: the document it was given is left as it was.
    if (before !== undefined) expect(JSON.stringify(document)).toBe(before);
    if (next === null) documents.delete(id);
    else documents.set(id, JSON.stringify(next));
  }
  return [...documents.values()].map((json) => JSON.parse(json) as ReportFactsDocument);
}

function expectSameReport(events: readonly ReportSourceEvent[], options: AnnualReportOptions): void {
  const facts = project(stored(events));
  expect(reportFromFacts(facts, options)).toEqual(computeAnnualReport(events, options));
}

describe('reportFromFacts: the projection answers what the plain fold over the log answers', () => {
  it('EU-wide, for the year and the years around it', () => {
    fc.assert(
      fc.property(fc.array(caseArb, { minLength: 0, maxLength: 10 }), (cases) => {
        const events = build(cases);
        const facts = project(stored(events));
        for (const year of [2024, 2025, 2026]) {
          expect(reportFromFacts(facts, { year })).toEqual(computeAnnualReport(events, { year }));
        }
      }),
      { numRuns: 60 },
    );
  });

  it("for each member state's own figures", () => {
    fc.assert(
      fc.property(fc.array(caseArb, { minLength: 1, maxLength: 8 }), (cases) => {
        const events = build(cases);
        const facts = project(stored(events));
        for (const memberState of [...AUTHORITIES, 'EL', 'MT']) {
          const options = { year: 2025, memberState };
          expect(reportFromFacts(facts, options)).toEqual(computeAnnualReport(events, options));
        }
      }),
      { numRuns: 30 },
    );
  });

  it('as of any instant: changes recorded later are left out, amendments and reclassifications included', () => {
    fc.assert(
      fc.property(
        fc.array(caseArb, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 500 * 24 }),
        fc.constantFrom(2024, 2025),
        (cases, hours, year) => {
          const events = build(cases);
          const asOf = new Date(START + hours * 3_600_000);
          expectSameReport(events, { year, asOf });
          expectSameReport(events, { year, asOf, memberState: 'DE' });
        },
      ),
      { numRuns: 40 },
    );
  });

  it('as of the very instant a change was recorded, that change is in; a millisecond before, it is not', () => {
    fc.assert(
      fc.property(fc.array(caseArb, { minLength: 1, maxLength: 5 }), fc.nat(), (cases, pick) => {
        const events = build(cases);
        const chosen = events[pick % events.length] as ReportSourceEvent;
        const asOf = new Date(chosen.recordedAt);
        expectSameReport(events, { year: 2025, asOf });
        expectSameReport(events, { year: 2025, asOf: new Date(asOf.getTime() - 1) });
      }),
      { numRuns: 30 },
    );
  });

  it('on a large history that exercises every figure, at every month end of the year', () => {
    const cases = fc.sample(caseArb, { numRuns: 400, seed: 26 });
    const events = build(cases);
    const facts = project(stored(events));
    const eu = reportFromFacts(facts, { year: 2025 });
    expect(eu).toEqual(computeAnnualReport(events, { year: 2025 }));
    // The history is rich enough for the comparison to mean something.
    for (const field of REPORT_COUNT_FIELDS) expect(eu.totals[field]).toBeGreaterThan(0);
    expect(new Set(eu.cyberSurveillance.map((row) => row.outcome))).toEqual(
      new Set(['GRANTED', 'DENIED', 'WITHDRAWN', 'PENDING']),
    );
    expect(eu.byLicenceKind.map((row) => row.kind)).toEqual(['GLOBAL', 'INDIVIDUAL', 'NONE']);
    for (let month = 1; month <= 12; month += 1) {
      const asOf = new Date(Date.UTC(2025, month, 1) - 1);
      expect(reportFromFacts(facts, { year: 2025, asOf })).toEqual(computeAnnualReport(events, { year: 2025, asOf }));
    }
  });

  it('keeps the threshold and refuses what the reference refuses', () => {
    expect(reportFromFacts([], { year: 2025, smallCellThreshold: 5 }).smallCellThreshold).toBe(5);
    expect(() => reportFromFacts([], { year: 25 })).toThrow(/four-digit year/);
    expect(() => reportFromFacts([], { year: 2025, memberState: 'XX' })).toThrow(/not an EU member state/);
    expect(() => reportFromFacts([], { year: 2025, smallCellThreshold: 0 })).toThrow(/positive whole number/);
    expect(() => reportFromFacts([], { year: 2025, asOf: new Date('nope') })).toThrow(/not a valid instant/);
  });
});

describe('reportFactsProjection', () => {
  it('ignores events of streams that never started, and replies that do not object', () => {
    const [decided] = stored([
      {
        type: 'DecisionIssued',
        streamId: 'application-ghost',
        recordedAt: new Date('2025-03-01T10:00:00Z'),
        data: { outcome: 'GRANT', issuedAt: '2025-03-01T10:00:00Z' },
      },
    ]);
    expect(reportFactsProjection.evolve(null, decided as StoredEvent)).toBeNull();
  });

  it('shards facts by stream: the same stream always lands in the same shard, a licence in a document of its own', () => {
    const event = (type: string, streamId: string) => ({ type, streamId }) as StoredEvent;
    const { documentId } = reportFactsProjection;
    expect(documentId(event('ApplicationSubmitted', 'application-1'))).toBe(
      documentId(event('DecisionIssued', 'application-1')),
    );
    expect(documentId(event('ApplicationSubmitted', 'application-1'))).toMatch(/^facts\/application\/\d{4}$/);
    expect(documentId(event('LicenceRevoked', 'licence-1'))).toMatch(/^facts\/licence-endings\/\d{4}$/);
    expect(documentId(event('ConsultationOpened', 'consultation-1'))).toMatch(/^facts\/consultation\/\d{4}$/);
    // Shards sort before licences: reading the shards never pages through the licences.
    expect(documentId(event('LicenceIssued', 'licence-1'))).toBe('licence/licence-1');
    expect('facts/~' < 'licence/').toBe(true);
    expect(documentId(event('LicenceExpired', 'licence-1'))).toBeNull();
  });
});
