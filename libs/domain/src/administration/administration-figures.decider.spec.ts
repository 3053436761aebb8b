import type { CommandMetadata } from '../decider';
import { deciderSpec } from '../testing/decider-spec';
import type { RecordAdministrationFigures } from './administration-figures.decider';
import { administrationFiguresDecider } from './administration-figures.decider';

const spec = deciderSpec(administrationFiguresDecider);
const meta = (memberState = 'DE'): CommandMetadata => ({
  actor: 'bob@bafa',
  memberState,
  now: new Date('2026-02-10T09:00:00Z'),
  correlationId: 'c',
});
const record = (
  overrides: Partial<RecordAdministrationFigures['data']> = {},
  memberState?: string,
): RecordAdministrationFigures => ({
  type: 'RecordAdministrationFigures',
  data: {
    year: 2025,
    staffFte: 112.5,
    outreachEvents: 40,
    infringements: 7,
    penalties: 3,
    penaltiesValueEur: 125000,
    ...overrides,
  },
  metadata: meta(memberState),
});

describe('administration-figures decider', () => {
  it("records the authority's staff, outreach, infringements and penalties for a year", () => {
    expect(spec.given([]).when(record()).events()[0]).toMatchObject({
      data: { memberState: 'DE', year: 2025, staffFte: 112.5, penalties: 3 },
    });
  });

  it('lets only the same authority correct its figures for the same year', () => {
    const first = spec.given([]).when(record()).events();
    expect(
      spec
        .given([
          ...first,
          ...spec
            .given(first)
            .when(record({ staffFte: 110 }))
            .events(),
        ])
        .state(),
    ).toMatchObject({ staffFte: 110 });
    spec.given(first).when(record({}, 'FR')).thenRefuses('FORBIDDEN', 'authority-boundary');
  });

  it('refuses a year before the regulation or after the current one, and negative or fractional counts', () => {
    spec
      .given([])
      .when(record({ year: 2020 }))
      .thenRefuses('INVALID', 'report-year');
    spec
      .given([])
      .when(record({ year: 2027 }))
      .thenRefuses('INVALID', 'report-year');
    spec
      .given([])
      .when(record({ infringements: -1 }))
      .thenRefuses('INVALID', 'count');
    spec
      .given([])
      .when(record({ outreachEvents: 1.5 }))
      .thenRefuses('INVALID', 'count');
  });
});
