import type { INestApplicationContext } from '@nestjs/common';
import type { Principal, Role } from '@dul/auth';
import type {
  GeneralAuthorisationSettingsByMemberState,
  GeneralAuthorisationUserCommand,
  GeneralAuthorisationVersion,
  MemberStateCode,
} from '@dul/domain';
import {
  administrationRecordId,
  DomainError,
  firstUseRuleFor,
  generalAuthorisationSettingsFor,
  UNION_GENERAL_AUTHORISATIONS,
} from '@dul/domain';
import type { ManualClock } from '@dul/platform';
import { CommandExecution, type WithoutMetadata } from '@dul/platform';
import {
  administrationFiguresAggregate,
  generalAuthorisationUserAggregate,
  registrationIdFor,
} from '../../licensing/public/general-authorisation.aggregates';
import { GENERAL_AUTHORISATION_SETTINGS } from '../../licensing/public/general-authorisation-settings';
import type { SeededRandom } from './random';

export interface GeneralAuthorisationSeedSummary {
  readonly generalAuthorisationUsers: number;
  readonly generalAuthorisationUses: number;
  /** Uses the scope check refused (a destination or item the authorisation does not cover). */
  readonly generalAuthorisationUsesRefused: number;
  readonly generalAuthorisationSuspensions: number;
  readonly lateFirstUseNotifications: number;
  readonly administrationRecords: number;
}

const DAY = 86_400_000;

/** Which Union authorisations exporters use, and where to: EU001 dominates (its ten partners). */
const AUTHORISATIONS: readonly (readonly [string, number, readonly string[]])[] = [
  ['EU001', 70, ['US', 'US', 'US', 'JP', 'JP', 'CH', 'GB', 'GB', 'CA', 'NO', 'AU', 'KR']],
  ['EU002', 8, ['KR', 'TR', 'ZA', 'AR']],
  ['EU005', 6, ['CN', 'IN', 'TR', 'KR']],
  ['EU006', 4, ['TR', 'KR', 'UA']],
  ['EU008', 12, ['BR', 'MX', 'SG', 'IN']],
];

/** Items by authorisation: inside its scope, except the odd entry that is not (the refusal shows in the count). */
const ITEMS: Readonly<Record<string, readonly (readonly [entry: string, min: number, max: number])[]>> = {
  EU001: [
    ['6A003.b.4', 5_000, 400_000],
    ['5A002.a', 1_000, 200_000],
    ['3A001.a.3', 2_000, 300_000],
    ['2B001', 50_000, 2_000_000],
  ],
  EU002: [
    ['1C004', 2_000, 80_000],
    ['3C002', 1_000, 50_000],
  ],
  EU005: [['5A001.c', 10_000, 500_000]],
  EU006: [
    ['1C350.1', 1_000, 60_000],
    ['1C450.a.4', 1_000, 40_000],
  ],
  EU008: [
    ['5A002.a.2', 1_000, 150_000],
    ['5D002.c.1', 500, 90_000],
  ],
};

/**
 * General-authorisation users, their first-use notifications and reports of use, a few suspensions,
 * and each member state's administration and enforcement figures: through the real command path, so
 * the report's sections 5.2, 5.3 and administration are not empty.
 */
export async function seedGeneralAuthorisations(
  app: INestApplicationContext,
  clock: ManualClock,
  random: SeededRandom,
  options: {
    readonly year: number;
    readonly users: number;
    readonly weights: readonly (readonly [MemberStateCode, number])[];
  },
): Promise<GeneralAuthorisationSeedSummary> {
  const commands = app.get(CommandExecution);
  const settings = app.get<GeneralAuthorisationSettingsByMemberState>(GENERAL_AUTHORISATION_SETTINGS);
  const counts = {
    generalAuthorisationUsers: 0,
    generalAuthorisationUses: 0,
    generalAuthorisationUsesRefused: 0,
    generalAuthorisationSuspensions: 0,
    lateFirstUseNotifications: 0,
    administrationRecords: 0,
  };
  const principal = (ms: MemberStateCode, role: Role): Principal => ({
    sub: `${ms.toLowerCase()}-${role}-1`,
    ms,
    roles: [role],
  });
  const day = (at: number) => new Date(at).toISOString().slice(0, 10);
  const start = Date.UTC(options.year, 0, 2, 9);

  for (let n = 0; n < options.users; n++) {
    const ms = random.weighted(options.weights);
    const [code, , destinations] = random.weighted(AUTHORISATIONS.map((spec) => [spec, spec[1]] as const));
    const authorisation = UNION_GENERAL_AUTHORISATIONS.find(
      (version) => version.code === code,
    ) as GeneralAuthorisationVersion;
    const memberStateSettings = generalAuthorisationSettingsFor(ms, settings);
    const exporter = {
      name: `Exporter ${ms}-${n}`,
      identifier: { scheme: 'EORI' as const, value: `${ms}${String(900000 + n).padStart(12, '0')}` },
      address: `Hafenstrasse ${random.int(1, 200)}`,
    };
    const id = registrationIdFor(ms, code, exporter.identifier);
    const caseworker = principal(ms, 'caseworker');
    const send = async (at: number, who: Principal, command: WithoutMetadata<GeneralAuthorisationUserCommand>) => {
      clock.set(new Date(at));
      const full = {
        ...command,
        metadata: commands.metadataFor(who, `seed-gea-${id}`),
      } as GeneralAuthorisationUserCommand;
      await commands.execute(generalAuthorisationUserAggregate, id, who, full);
    };
    const registeredAt = start + Math.floor(random.next() * 200) * DAY;
    const firstExport = registeredAt + random.int(1, 40) * DAY;
    // Where no registration is required, some exporters start with the first-use notification
    // (never for EU007/EU008, whose own rule requires registration first in every member state).
    const firstUseRule = firstUseRuleFor(code, memberStateSettings);
    const notifyOnly = !firstUseRule.registrationBeforeFirstUse && random.chance(0.2);
    const notifiedAt = firstExport + (random.chance(0.15) ? random.int(31, 60) : random.int(1, 25)) * DAY;
    if (notifyOnly) {
      await send(notifiedAt, caseworker, {
        type: 'NotifyGeneralAuthorisationFirstUse',
        data: {
          firstExportDate: day(firstExport),
          settings: memberStateSettings,
          subject: { registrationId: id, authorisation, exporter },
        },
      });
    } else {
      await send(registeredAt, caseworker, {
        type: 'RegisterForGeneralAuthorisation',
        data: { registrationId: id, authorisation, exporter },
      });
    }
    counts.generalAuthorisationUsers++;
    if (notifiedAt - firstExport > firstUseRule.firstUseNotificationDays * DAY) counts.lateFirstUseNotifications++;

    const uses = random.int(1, 6);
    const items = ITEMS[code] ?? [];
    for (let u = 0; u < uses; u++) {
      const exportAt = firstExport + u * random.int(5, 25) * DAY;
      if (exportAt >= Date.UTC(options.year, 11, 20)) break;
      // Now and then a report names a destination outside the scope: refused, as an authority would.
      const destination = random.chance(0.04) ? 'RU' : random.pick(destinations);
      const lines = Array.from({ length: random.int(1, 2) }, () => {
        const [entry, min, max] = random.pick(items);
        return {
          description: `Equipment under ${entry}`,
          controlEntry: entry,
          quantity: random.int(1, 10),
          unit: 'pcs',
          value: Math.round(min + random.next() ** 2 * (max - min)),
          currency: 'EUR',
        };
      });
      try {
        await send(exportAt + DAY, caseworker, {
          type: 'RecordGeneralAuthorisationUse',
          data: {
            useId: `${id}-${u}`,
            exportDate: day(exportAt),
            destinationCountry: destination,
            declarationReference: `${String(options.year % 100).padStart(2, '0')}${ms}${String(n * 10 + u).padStart(14, '0')}`,
            items: lines,
            versions: [authorisation],
            settings: memberStateSettings,
          },
        });
        counts.generalAuthorisationUses++;
      } catch (error) {
        if (!(error instanceof DomainError) || error.rule !== 'outside-authorisation-scope') throw error;
        counts.generalAuthorisationUsesRefused++;
      }
      if (u === 0 && !notifyOnly) {
        await send(Math.max(notifiedAt, exportAt + 2 * DAY), caseworker, {
          type: 'NotifyGeneralAuthorisationFirstUse',
          data: { firstExportDate: day(firstExport), settings: memberStateSettings },
        }).catch((error: unknown) => {
          if (!(error instanceof DomainError)) throw error;
        });
      }
    }
    if (random.chance(0.03)) {
      await send(Date.UTC(options.year, 11, 22, 10), principal(ms, 'approver'), {
        type: 'SuspendGeneralAuthorisationRight',
        data: {
          reason: 'Reports of use overdue; diversion suspected',
          grounds: ['END_USE_AND_DIVERSION'],
          denialInSubstance: random.chance(0.5),
        },
      });
      counts.generalAuthorisationSuspensions++;
    }
  }

  // Every authority's administration and enforcement figures for the year, entered in mid-December.
  for (const [ms, weight] of options.weights) {
    const approver = principal(ms, 'approver');
    clock.set(new Date(Date.UTC(options.year, 11, 15, 10)));
    await commands.execute(administrationFiguresAggregate, administrationRecordId(ms, options.year), approver, {
      type: 'RecordAdministrationFigures' as const,
      data: {
        year: options.year,
        staffFte: Math.round(weight * 4 + random.int(2, 10)),
        outreachEvents: weight * 2 + random.int(0, 10),
        infringements: random.int(0, weight),
        penalties: random.int(0, Math.ceil(weight / 3)),
        penaltiesValueEur: random.int(0, weight) * 25_000,
      },
      metadata: commands.metadataFor(approver, `seed-admin-${ms}`),
    });
    counts.administrationRecords++;
  }
  return counts;
}
