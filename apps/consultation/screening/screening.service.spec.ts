import fc from 'fast-check';
import type { Party, ScreeningCandidate } from '@dul/domain';
import { screenTransaction } from '@dul/domain';
import { InMemoryEventStore } from '@dul/event-store';
import { newEvent } from '@dul/event-store/testing';
import { InMemoryProjectionStore } from '@dul/projections';
import type { DenialDocument } from '../denials/denial-register.projection';
import { DENIALS_PROJECTION } from '../denials/denial-register.projection';
import { isInForce, ScreeningService, toDenialInForce } from './screening.service';

const kvant: Party = { name: 'Kvant Telecom LLC', address: 'Prospekt Mira 12, Moscow', country: 'RU' };
const parties: Party[] = [
  kvant,
  { name: 'КВАНТ-ТЕЛЕКОМ ООО', address: 'пр. Мира 12, Москва', country: 'RU' },
  { name: 'Novator CJSC', address: 'Gagarina 17, Yekaterinburg', country: 'RU' },
  { name: 'Minsk Optics OJSC', address: 'Nezavisimosti 4, Minsk', country: 'BY' },
];
const entries = ['5A001', '5A001.j', '5A001.f', '5A004.a', '4A005', '4D004', '5D001.e'];

interface Spec {
  readonly id: string;
  readonly issuingMemberState: string;
  readonly status: DenialDocument['status'];
  readonly lapsed: boolean;
  readonly controlEntries: readonly string[];
  readonly destination: string;
  readonly endUser: Party;
  readonly consignee: Party | null;
}

function document(spec: Spec): DenialDocument {
  const denial = {
    denialId: spec.id,
    issuingMemberState: spec.issuingMemberState,
    status: spec.status,
    items: spec.controlEntries.map((controlEntry) => ({ controlEntry, catchAllGround: null, description: 'x' })),
    destinationCountry: spec.destination,
    endUser: spec.endUser,
    consignee: spec.consignee,
    grounds: ['HUMAN_RIGHTS'],
    notifiedAt: '2024-01-15T00:00:00.000Z',
    source: { kind: 'DENIAL', applicationId: 'a', licenceId: null },
  } as unknown as DenialDocument['denial'];
  return {
    id: spec.id,
    issuingMemberState: spec.issuingMemberState,
    status: spec.status,
    destination: spec.destination,
    controlEntries: spec.controlEntries,
    entryHeads: [],
    endUser: spec.endUser.name,
    reviewDueAt: '2027-01-01',
    lapsesAt: spec.lapsed ? '2026-01-01T00:00:00.000Z' : '2029-01-01T00:00:00.000Z',
    reviewPending: true,
    reviewOverdue: false,
    notifiedAt: denial.notifiedAt,
    version: 0,
    position: 0,
    denial,
  };
}

/** The linear scan the index replaces: every register entry in force, screened one by one. */
function linearScan(candidate: ScreeningCandidate, documents: readonly DenialDocument[]) {
  return screenTransaction(
    candidate,
    documents.filter((entry) => isInForce(entry)).map((entry) => toDenialInForce(entry.denial)),
  );
}

const specs = fc.uniqueArray(
  fc.record({
    id: fc.uuid(),
    issuingMemberState: fc.constantFrom('FR', 'DE', 'EL'),
    status: fc.constantFrom<DenialDocument['status']>('IN_FORCE', 'IN_FORCE', 'IN_FORCE', 'REVOKED'),
    lapsed: fc.boolean(),
    controlEntries: fc.array(fc.constantFrom(...entries), { maxLength: 3 }),
    destination: fc.constantFrom('RU', 'BY', 'GR'),
    endUser: fc.constantFrom(...parties),
    consignee: fc.option(fc.constantFrom(...parties), { nil: null }),
  }),
  { selector: (spec) => spec.id, maxLength: 60 },
);
const candidates = fc.record({
  issuingMemberState: fc.constantFrom('DE', 'GR'),
  controlEntries: fc.array(fc.constantFrom(...entries), { maxLength: 3 }),
  destinationCountry: fc.constantFrom('RU', 'BY', 'EL'),
  endUser: fc.constantFrom(...parties),
  consignee: fc.option(fc.constantFrom(...parties), { nil: null }),
});

async function registerOf(documents: readonly DenialDocument[], checkpoint: number) {
  const readModels = new InMemoryProjectionStore();
  await readModels.commit(DENIALS_PROJECTION, 0, checkpoint, async (tx) => {
    for (const entry of documents) await tx.put(DENIALS_PROJECTION, entry.id, entry);
  });
  return readModels;
}

describe('screening through the in-memory denial index', () => {
  it('returns the same matches as a linear scan of the register: revoked entries left out, entries past their review date kept (a denial never lapses)', async () => {
    await fc.assert(
      fc.asyncProperty(specs, fc.array(candidates, { minLength: 1, maxLength: 5 }), async (register, screened) => {
        const documents = register.map(document);
        const service = new ScreeningService(await registerOf(documents, 1), new InMemoryEventStore());
        for (const candidate of screened) {
          expect(await service.screen(candidate)).toEqual(linearScan(candidate, documents));
        }
      }),
      { numRuns: 100 },
    );
  });

  it('follows the register: a denial notified, revoked or amended after the index was built is screened as the read model says', async () => {
    await fc.assert(
      fc.asyncProperty(
        specs,
        specs,
        fc.array(candidates, { minLength: 1, maxLength: 3 }),
        async (before, changes, screened) => {
          const events = new InMemoryEventStore();
          const initial = before.map(document);
          const readModels = await registerOf(initial, 0);
          const service = new ScreeningService(readModels, events);
          await service.refresh();
          // The register then applies more denial events: new entries and changed ones (same ids).
          const changed = changes.map((spec, i) =>
            document(i % 2 === 0 && before[i] ? { ...spec, id: before[i].id } : spec),
          );
          for (const entry of changed) await events.append(`denial-${entry.id}`, [newEvent('DenialAmended')], 'any');
          await events.append('application-x', [newEvent('ApplicationSubmitted')], 'any');
          const head = await events.headPosition();
          await readModels.commit(DENIALS_PROJECTION, 0, head, async (tx) => {
            for (const entry of changed) await tx.put(DENIALS_PROJECTION, entry.id, entry);
          });
          const now = [...new Map([...initial, ...changed].map((entry) => [entry.id, entry])).values()];
          for (const candidate of screened) {
            expect(await service.screen(candidate)).toEqual(linearScan(candidate, now));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('reloads the whole register when its read model was reset for a rebuild', async () => {
    const events = new InMemoryEventStore();
    const entry = document({
      id: '00000000-0000-4000-8000-000000000001',
      issuingMemberState: 'FR',
      status: 'IN_FORCE',
      lapsed: false,
      controlEntries: ['5A001.j'],
      destination: 'RU',
      endUser: kvant,
      consignee: null,
    });
    const readModels = await registerOf([entry], 5);
    const service = new ScreeningService(readModels, events);
    const candidate = {
      issuingMemberState: 'DE',
      controlEntries: ['5A001.j'],
      destinationCountry: 'RU',
      endUser: kvant,
      consignee: null,
    };
    expect(await service.screen(candidate)).toHaveLength(1);
    await readModels.reset(DENIALS_PROJECTION);
    await readModels.commit(DENIALS_PROJECTION, 0, 2, () => Promise.resolve());
    expect(await service.screen(candidate)).toEqual([]);
    expect(service.size).toBe(0);
  });
});
