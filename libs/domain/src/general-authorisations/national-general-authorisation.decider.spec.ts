import type { CommandMetadata } from '../decider';
import { deciderSpec } from '../testing/decider-spec';
import { versionInForce } from './general-authorisation.reference';
import type { PublishNationalGeneralAuthorisation } from './national-general-authorisation.decider';
import { nationalGeneralAuthorisationDecider } from './national-general-authorisation.decider';

const spec = deciderSpec(nationalGeneralAuthorisationDecider);
const meta = (now = '2025-01-10T09:00:00Z', memberState = 'DE'): CommandMetadata => ({
  actor: 'bob@bafa',
  memberState,
  now: new Date(now),
  correlationId: 'c-1',
});

function publish(
  overrides: Partial<PublishNationalGeneralAuthorisation['data']> = {},
  now?: string,
): PublishNationalGeneralAuthorisation {
  return {
    type: 'PublishNationalGeneralAuthorisation',
    data: {
      code: 'DE-AGG12',
      title: 'Allgemeine Genehmigung Nr. 12 (example)',
      validFrom: '2025-02-01',
      citation: 'Bundesanzeiger (example)',
      scope: {
        destinations: { kind: 'ONLY', countries: ['KR', 'BR'], condition: 'AGG 12 Annex 2: destinations' },
        items: { kind: 'ONLY', entries: ['5A002'], excluded: [], condition: 'AGG 12 Annex 1: items' },
        conditions: ['Not for military end use'],
      },
      ...overrides,
    },
    metadata: meta(now),
  };
}

describe('national-general-authorisation decider', () => {
  it('publishes version 1 with Annex II Section I always excluded', () => {
    const [event] = spec.given([]).when(publish()).events();
    expect(event?.data.authorisation).toMatchObject({
      code: 'DE-AGG12',
      kind: 'NATIONAL',
      version: 1,
      memberState: 'DE',
      validUntil: null,
    });
    expect(event?.data.authorisation.scope.items.excluded).toContain('9A117');
  });

  it('ends the previous version when a new one takes effect, so a use is judged against the version in force', () => {
    const first = spec.given([]).when(publish()).events();
    const second = spec
      .given(first)
      .when(publish({ validFrom: '2025-06-01' }, '2025-05-01T09:00:00Z'))
      .events();
    const { versions } = spec.given([...first, ...second]).state();
    expect(versions.map((version) => [version.version, version.validFrom, version.validUntil])).toEqual([
      [1, '2025-02-01', '2025-06-01'],
      [2, '2025-06-01', null],
    ]);
    expect(versionInForce(versions, '2025-05-31')?.version).toBe(1);
    expect(versionInForce(versions, '2025-06-01')?.version).toBe(2);
    expect(versionInForce(versions, '2025-01-31')).toBeUndefined();
  });

  it('refuses a version that would take effect in the past or before the last one', () => {
    spec
      .given([])
      .when(publish({ validFrom: '2025-01-09' }))
      .thenRefuses('RULE_VIOLATED', 'no-retroactive-version');
    const first = spec.given([]).when(publish()).events();
    spec
      .given(first)
      .when(publish({ validFrom: '2025-02-01' }))
      .thenRefuses('RULE_VIOLATED', 'version-order');
  });

  it('refuses a national authorisation for an Annex II Section I item', () => {
    const scope = publish().data.scope;
    spec
      .given([])
      .when(publish({ scope: { ...scope, items: { kind: 'ONLY', entries: ['9A117'], excluded: [], condition: 'c' } } }))
      .thenRefuses('RULE_VIOLATED', 'national-excludes-section-i');
  });

  it('refuses a code that does not start with the publishing member state', () => {
    spec
      .given([])
      .when(publish({ code: 'FR-G1' }))
      .thenRefuses('INVALID', 'national-code');
  });
});
