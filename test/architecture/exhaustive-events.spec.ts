import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { TypeError } from './type-check';
import { typeCheck } from './type-check';

// Exhaustive by construction (issue 13, house style rule 3): adding an event type to a union must fail
// to compile until every event-type list, fold, projection and mapper over that union decides what to
// do with it. The test adds a licence event to the union in memory and type-checks the real code.

const EVENTS_FILE = 'libs/domain/src/licensing/licence.events.ts';
const ROOTS = [
  'libs/domain/src/index.ts',
  'libs/contracts/src/index.ts',
  'apps/reporting/report-facts.projection.ts',
  'apps/licensing/licences/licence-register.projection.ts',
];

function withNewLicenceEvent(source: string): string {
  const union = 'export type LicenceEvent =\n';
  if (!source.includes(union)) throw new Error(`${EVENTS_FILE} no longer declares the LicenceEvent union`);
  return source.replace(
    union,
    "export type LicenceLimited = DomainEvent<'LicenceLimited', { readonly licenceId: string }>;\n\n" +
      `${union}  | LicenceLimited\n`,
  );
}

const filesWithErrors = (errors: readonly TypeError[]): string[] => [...new Set(errors.map((e) => e.file))].sort();

describe('event unions are exhaustive by construction', () => {
  it('a new licence event type does not compile until the type list, the Art 26 report fold, the report facts projection, the decider and the integration mapper handle it', () => {
    const baseline = typeCheck(ROOTS);
    expect(baseline.errors).toEqual([]);

    const source = readFileSync(resolve(__dirname, '../..', EVENTS_FILE), 'utf8');
    const changed = typeCheck(ROOTS, { [EVENTS_FILE]: withNewLicenceEvent(source) }, baseline.program);

    expect(filesWithErrors(changed.errors)).toEqual(
      expect.arrayContaining([
        // LICENCE_EVENT_TYPES (everyType): the list misses LicenceLimited.
        EVENTS_FILE,
        // The statutory report's fold: the switch's default accepts only types outside the union.
        'libs/domain/src/reporting/annual-report.ts',
        // KEPT_IN must say whether the report counts it; licenceEnding's switch no longer returns.
        'apps/reporting/report-facts.projection.ts',
        'libs/domain/src/licensing/licence.decider.ts',
        'libs/contracts/src/licensing.mapper.ts',
      ]),
    );
    expect(changed.errors.find((e) => e.file === EVENTS_FILE)?.message).toMatch(/LicenceLimited/);
    expect(
      changed.errors.filter((e) => e.file === 'apps/reporting/report-facts.projection.ts').map((e) => e.message),
    ).toEqual(expect.arrayContaining([expect.stringMatching(/LicenceLimited/)]));
  }, 120_000);
});
