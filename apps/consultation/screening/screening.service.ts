import { Inject, Injectable } from '@nestjs/common';
import type { DenialInForce, DenialMatch, ScreeningCandidate } from '@dul/domain';
import { countryKey, screenTransaction } from '@dul/domain';
import type { ProjectionStore } from '@dul/projections';
import { PROJECTION_STORE } from '@dul/projections';
import type { DenialDocument } from '../denials/denial-register.projection';
import { DENIALS_PROJECTION } from '../denials/denial-register.projection';

const PAGE = 500;

/**
 * Screens a transaction against every denial in force issued by another member state (Art 2(22),
 * Art 16). The register's read model narrows by destination in the database; the pure screening
 * compares items and parties and explains each match.
 */
@Injectable()
export class ScreeningService {
  constructor(@Inject(PROJECTION_STORE) private readonly readModels: ProjectionStore) {}

  async screen(candidate: ScreeningCandidate, now: Date): Promise<readonly DenialMatch[]> {
    return screenTransaction(candidate, await this.denialsInForceTo(candidate.destinationCountry, now));
  }

  /**
   * Denials in force (not revoked or withdrawn) for one destination. An overdue review does not take a
   * denial out of screening (Art 16(2): a denial never lapses); `now` is kept for the callers' instant.
   */
  async denialsInForceTo(destination: string, _now: Date): Promise<DenialInForce[]> {
    const found: DenialInForce[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await this.readModels.findDocuments<DenialDocument>(DENIALS_PROJECTION, {
        where: { status: 'IN_FORCE', destination: countryKey(destination) },
        limit: PAGE,
        offset,
      });
      found.push(...page.map(({ denial }) => toDenialInForce(denial)));
      if (page.length < PAGE) return found;
    }
  }
}

export function toDenialInForce(denial: DenialDocument['denial']): DenialInForce {
  return {
    denialId: denial.denialId,
    issuingMemberState: denial.issuingMemberState,
    controlEntries: denial.items.flatMap((item) => (item.controlEntry === null ? [] : [item.controlEntry])),
    destinationCountry: denial.destinationCountry,
    endUser: denial.endUser,
    consignee: denial.consignee,
    grounds: denial.grounds,
    notifiedAt: denial.notifiedAt.slice(0, 10),
    kind: denial.source.kind,
    catchAllGrounds: denial.items.flatMap((item) =>
      item.controlEntry === null && item.catchAllGround !== null ? [item.catchAllGround] : [],
    ),
  };
}
