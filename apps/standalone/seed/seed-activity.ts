import type { INestApplicationContext } from '@nestjs/common';
import type { Principal, Role } from '@dul/auth';
import type {
  ApplicationCommand,
  ApplicationContentInput,
  ConsultationCommand,
  LicenceCommand,
  MemberStateCode,
} from '@dul/domain';
import {
  consultationDecider,
  DomainError,
  MEMBER_STATE_CODES,
  memberStatesToConsult,
  normaliseApplicationContent,
} from '@dul/domain';
import type { EventStore } from '@dul/event-store';
import { EVENT_STORE, handleCommand } from '@dul/event-store';
import type { ManualClock } from '@dul/platform';
import { ProjectionHost } from '@dul/platform';
import { consultationAggregate } from '../../consultation/public/consultation.aggregates';
import { art14ConsultationId } from '../../consultation/public/consultation-ids';
import { applicationAggregate, licenceAggregate } from '../../licensing/public/application.aggregate';
import { CommandExecution, type WithoutMetadata } from '@dul/platform';
import { CONSULTATION_DEADLINES, type ConsultationDeadlines } from '../../consultation/public/consultation-deadlines';
import { DECISION_CONTEXT, type DecisionContextPort } from '../../consultation/public/decision-context.port';
import { licenceIdFor } from '../../licensing/public/licence-id';
import { SeededRandom } from './random';
import type { GeneralAuthorisationSeedSummary } from './seed-general-authorisations';
import { seedGeneralAuthorisations } from './seed-general-authorisations';

export interface SeedOptions {
  readonly applications: number;
  readonly year: number;
  readonly seed: number;
  readonly onProgress?: (done: number) => void;
}

export interface SeedSummary extends GeneralAuthorisationSeedSummary {
  readonly applications: number;
  readonly granted: number;
  readonly denied: number;
  readonly withdrawn: number;
  readonly art14Consultations: number;
  readonly objections: number;
  readonly lapses: number;
  readonly suspended: number;
  readonly revoked: number;
}

/** Shares of licensing activity by member state, roughly as EU reports show (large exporters first). */
const MEMBER_STATE_WEIGHTS: readonly (readonly [MemberStateCode, number])[] = MEMBER_STATE_CODES.map((code) => [
  code,
  (
    { DE: 30, FR: 14, IT: 12, NL: 9, SE: 6, ES: 5, BE: 4, AT: 3, FI: 3, DK: 3, PL: 2, IE: 2, CZ: 2 } as Record<
      string,
      number
    >
  )[code] ?? 1,
]);
const DESTINATIONS: readonly (readonly [string, number])[] = [
  ['US', 14],
  ['CN', 12],
  ['JP', 6],
  ['KR', 6],
  ['IN', 6],
  ['BR', 5],
  ['AE', 5],
  ['SA', 4],
  ['TR', 5],
  ['IL', 3],
  ['SG', 4],
  ['MX', 3],
  ['ZA', 2],
  ['AU', 3],
  ['CA', 3],
  ['GB', 6],
  ['CH', 4],
  ['NO', 2],
  ['TH', 2],
  ['VN', 2],
  ['EG', 2],
  ['MA', 1],
  ['KZ', 1],
  ['PK', 1],
  ['ID', 2],
];
/** Annex I entries with value ranges; cyber-surveillance entries are a small share, as in reality. */
const ENTRIES: readonly (readonly [string, number, number, number])[] = [
  ['0C001', 2, 100_000, 5_000_000],
  ['1C350', 4, 5_000, 200_000],
  ['2B001', 8, 200_000, 3_000_000],
  ['3A001.a.3', 8, 10_000, 800_000],
  ['3B503', 4, 500_000, 20_000_000],
  ['4A003.b', 6, 50_000, 2_000_000],
  ['5A002.a', 30, 2_000, 500_000],
  ['5D002.c.3.a', 10, 5_000, 300_000],
  ['6A001.a.2.b', 4, 100_000, 4_000_000],
  ['7A117', 3, 50_000, 1_000_000],
  ['9A012', 3, 200_000, 8_000_000],
  ['5A001.j', 3, 300_000, 3_000_000],
  ['5A001.f', 2, 100_000, 1_500_000],
  ['4A005', 1, 100_000, 2_000_000],
  ['5D001.e', 1, 50_000, 900_000],
  ['5A004.a', 1, 20_000, 600_000],
].map(([entry, weight, min, max]) => [entry as string, weight as number, min as number, max as number]);
const NAMES = [
  'Aurora',
  'Boreal',
  'Cobalt',
  'Delta',
  'Ember',
  'Fjord',
  'Granite',
  'Harbor',
  'Iris',
  'Juniper',
  'Krypton',
  'Lumen',
  'Meridian',
  'Nimbus',
  'Orion',
  'Pioneer',
];
const TRADES = ['Systems', 'Networks', 'Technologies', 'Industries', 'Instruments', 'Telecom', 'Security', 'Photonics'];

const DAY = 86_400_000;

/**
 * Realistic licensing activity through the real command path: applications submitted, assessed and
 * decided by member-state principals, Art 14 consultations answered or left to lapse, a denial rate
 * near 2%, licences suspended and revoked. Commands, never table writes: the reactors (licence
 * issuer, consultation opener, denial notifier) and projections do the rest as in production.
 */
export async function seedActivity(
  app: INestApplicationContext,
  clock: ManualClock,
  options: SeedOptions,
): Promise<SeedSummary> {
  const random = new SeededRandom(options.seed);
  const commands = app.get(CommandExecution);
  const decisions = app.get<DecisionContextPort>(DECISION_CONTEXT);
  const store = app.get<EventStore>(EVENT_STORE);
  const deadlines = app.get<ConsultationDeadlines>(CONSULTATION_DEADLINES);
  const start = Date.UTC(options.year, 0, 2, 8);
  const span = Date.UTC(options.year, 11, 1) - start;
  const submittedAt = Array.from({ length: options.applications }, () => start + Math.floor(random.next() * span)).sort(
    (a, b) => a - b,
  );
  const endUsers = new Map<string, string[]>();
  const counts = {
    applications: 0,
    granted: 0,
    denied: 0,
    withdrawn: 0,
    art14Consultations: 0,
    objections: 0,
    lapses: 0,
    suspended: 0,
    revoked: 0,
  };
  const grantedLicences: { licenceId: string; ms: MemberStateCode; at: number }[] = [];

  const principal = (ms: string, role: Role, sub: string): Principal => ({
    sub,
    ms: ms as MemberStateCode,
    roles: [role],
  });
  const run = async (
    at: number,
    id: string,
    who: Principal,
    command: WithoutMetadata<ApplicationCommand>,
  ): Promise<void> => {
    clock.set(new Date(at));
    const full = { ...command, metadata: commands.metadataFor(who, `seed-${id}`) } as ApplicationCommand;
    await commands.execute(applicationAggregate, id, who, full);
  };

  for (let n = 0; n < options.applications; n++) {
    const t0 = submittedAt[n] as number;
    const ms = random.weighted(MEMBER_STATE_WEIGHTS);
    const destination = random.weighted(DESTINATIONS);
    const pool = endUsers.get(destination) ?? [];
    // Repeat end users per destination, so that screening meets essentially identical transactions.
    const endUser =
      pool.length > 20 && random.chance(0.6)
        ? random.pick(pool)
        : `${random.pick(NAMES)} ${random.pick(TRADES)} ${destination}-${random.int(1, 400)}`;
    if (!pool.includes(endUser)) endUsers.set(destination, [...pool, endUser]);
    const elsewhere = random.chance(0.03) ? random.pick(MEMBER_STATE_CODES.filter((code) => code !== ms)) : null;
    const items = Array.from({ length: random.int(1, 3) }, (_, index) => {
      const [entry, , min, max] = random.weighted(ENTRIES.map((spec) => [spec, spec[1]] as const));
      return {
        classification: { kind: 'LISTED' as const, controlEntry: entry },
        description: `Equipment under ${entry}, lot ${n}-${index}`,
        hsCode: '85176200',
        quantity: random.int(1, 20),
        unit: 'pcs',
        value: Math.round(min + random.next() ** 3 * (max - min)),
        currency: 'EUR',
        memberStateWhereLocated: index === 0 && elsewhere ? elsewhere : ms,
      };
    });
    const content: ApplicationContentInput = {
      exporter: {
        name: `${random.pick(NAMES)} ${random.pick(TRADES)} ${ms}`,
        identifier: { scheme: 'EORI', value: `${ms}${String(100000 + n).padStart(12, '0')}` },
        address: `Industriestrasse ${random.int(1, 200)}`,
        memberStateOfEstablishment: ms,
        country: ms,
      },
      items,
      endUser: { name: endUser, address: `${random.int(1, 999)} Main Road`, country: destination },
      consignee: null,
      otherParties: [],
      destinationCountry: destination,
      endUseStatement: `End-use statement ${n}`,
      requestedValidityMonths: random.pick([6, 12, 24]),
      icpDeclared: true,
    };
    const id = crypto.randomUUID();
    const caseworker = principal(ms, 'caseworker', `${ms.toLowerCase()}-caseworker-${random.int(1, 5)}`);
    const approver = principal(ms, 'approver', `${ms.toLowerCase()}-approver-${random.int(1, 2)}`);
    await run(t0, id, caseworker, {
      type: 'SubmitApplication',
      data: { applicationId: id, kind: 'INDIVIDUAL', content },
    });
    counts.applications++;
    if (random.chance(0.02)) {
      await run(t0 + 3 * DAY, id, caseworker, { type: 'WithdrawApplication', data: { reason: 'Contract cancelled' } });
      counts.withdrawn++;
      options.onProgress?.(n + 1);
      continue;
    }
    await run(t0 + DAY, id, approver, { type: 'StartAssessment', data: { caseworker: caseworker.sub } });
    await run(t0 + 2 * DAY, id, caseworker, {
      type: 'ClassifyItem',
      data: { itemIndex: 0, classification: items[0]!.classification },
    });
    let objected = false;
    // Art 14(1): only destinations outside Annex II Section A Part 2 (or Annex IV items) are consulted.
    if (elsewhere && memberStatesToConsult('INDIVIDUAL', ms, normaliseApplicationContent(content)).length > 0) {
      counts.art14Consultations++;
      const consultationId = art14ConsultationId(id, elsewhere);
      const consultationStream = consultationAggregate.category.streamOf(consultationId);
      const consulted = principal(elsewhere, 'caseworker', `${elsewhere.toLowerCase()}-caseworker-1`);
      if (random.chance(0.7)) {
        objected = random.chance(0.1);
        clock.set(new Date(t0 + 3 * DAY));
        const reply: ConsultationCommand = {
          type: 'ReplyToConsultation',
          data: objected
            ? { answer: 'OBJECTION', reasons: 'The items are needed for a national programme' }
            : { answer: 'NO_OBJECTION' },
          metadata: commands.metadataFor(consulted, `seed-${id}`),
        };
        await waitForStream(store, consultationStream);
        await handleCommand(store, consultationDecider, consultationStream, reply, { retries: 3 });
        if (objected) counts.objections++;
      } else {
        await waitForStream(store, consultationStream);
        clock.set(new Date(t0 + 20 * DAY));
        counts.lapses += await deadlines.tick();
      }
    }
    const deny = objected || random.chance(0.02);
    const decidedAt = t0 + (5 + random.int(0, 35)) * DAY + (elsewhere ? 20 * DAY : 0);
    const outcome = deny ? 'DENY' : 'GRANT';
    await run(t0 + 4 * DAY, id, caseworker, {
      type: 'ProposeDecision',
      data: { outcome, art15Grounds: deny ? ['HUMAN_RIGHTS'] : [], conditions: [] },
    });
    clock.set(new Date(decidedAt));
    const context = await decisions.contextFor(id, ms, `seed-${id}`);
    try {
      await run(decidedAt, id, approver, {
        type: 'IssueDecision',
        data: {
          outcome,
          art15Grounds: deny ? ['HUMAN_RIGHTS'] : [],
          conditions: [],
          ...context,
          grantDespiteDenialReasons: 'End user verified on site',
        },
      });
    } catch (error) {
      // An Art 16 consultation opened right before the decision blocks the grant: the case waits.
      if (!(error instanceof DomainError && error.rule === 'consultation-open')) throw error;
      options.onProgress?.(n + 1);
      continue;
    }
    if (deny) counts.denied++;
    else {
      counts.granted++;
      grantedLicences.push({ licenceId: licenceIdFor(id), ms, at: decidedAt });
    }
    options.onProgress?.(n + 1);
  }

  // Later in the year a few licences are suspended, some of them revoked.
  for (const { licenceId, ms, at } of grantedLicences.filter(() => random.chance(0.01))) {
    await waitForStream(store, licenceAggregate.category.streamOf(licenceId));
    const approver = principal(ms, 'approver', `${ms.toLowerCase()}-approver-1`);
    const act = async (days: number, command: WithoutMetadata<LicenceCommand>): Promise<void> => {
      clock.set(new Date(at + days * DAY));
      await commands.execute(licenceAggregate, licenceId, approver, {
        ...command,
        metadata: commands.metadataFor(approver, `seed-${licenceId}`),
      });
    };
    await act(10, {
      type: 'SuspendLicence',
      data: { reason: 'Diversion suspected', grounds: ['END_USE_AND_DIVERSION'] },
    });
    counts.suspended++;
    if (random.chance(0.5)) {
      await act(20, {
        type: 'RevokeLicence',
        data: { reason: 'Diversion confirmed', grounds: ['END_USE_AND_DIVERSION'] },
      });
      counts.revoked++;
    } else {
      await act(20, { type: 'ReinstateLicence', data: { finalAssessment: 'No diversion found' } });
    }
  }
  // Exporters using general authorisations: about one for every ten applications.
  const generalAuthorisations = await seedGeneralAuthorisations(app, clock, random, {
    year: options.year,
    users: Math.max(20, Math.round(options.applications / 10)),
    weights: MEMBER_STATE_WEIGHTS,
  });
  await waitForProjections(app);
  return { ...counts, ...generalAuthorisations };
}

/** Reactors run beside the seed; a step that needs their output waits for it. */
async function waitForStream(store: EventStore, streamId: string): Promise<void> {
  for (let waited = 0; (await store.readStream(streamId, { maxCount: 1 })).length === 0; waited += 10) {
    if (waited > 30_000) throw new Error(`${streamId} did not appear`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function waitForProjections(app: INestApplicationContext): Promise<void> {
  const host = app.get(ProjectionHost);
  for (;;) {
    const statuses = await host.status();
    if (statuses.every((status) => status.lag === 0)) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
