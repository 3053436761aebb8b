import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@dul/auth';
import { refuse } from '@dul/domain';
import { ReadConsistency } from '@dul/platform';
import type { ProjectionStore } from '@dul/projections';
import { PROJECTION_STORE } from '@dul/projections';
import type { Page } from '../applications/application-queries';
import type { ListLicencesQueryDto } from '../dto/queries.dto';
import type { LicenceDocument } from './licence-register.projection';
import { LICENCES_PROJECTION } from './licence-register.projection';

export type LicenceSummary = Omit<LicenceDocument, 'licence'>;

/** The member state's licence register, scoped to the caller's authority. */
@Injectable()
export class LicenceQueries {
  constructor(
    @Inject(PROJECTION_STORE) private readonly readModels: ProjectionStore,
    private readonly consistency: ReadConsistency,
  ) {}

  async list(
    principal: Principal,
    query: ListLicencesQueryDto,
    consistentWith?: number,
  ): Promise<Page<LicenceSummary>> {
    const consistent = await this.consistency.waitFor(LICENCES_PROJECTION, consistentWith);
    const filter = {
      where: {
        authority: principal.ms ?? '',
        ...(query.status && { status: query.status }),
        ...(query.destination && { destination: query.destination === 'EL' ? 'GR' : query.destination }),
      },
    };
    const limit = query.limit ?? 50;
    const offset = query.offset ?? 0;
    const [documents, total] = await Promise.all([
      this.readModels.findDocuments<LicenceDocument>(LICENCES_PROJECTION, { ...filter, limit, offset }),
      this.readModels.countDocuments(LICENCES_PROJECTION, filter),
    ]);
    return {
      items: documents.map(({ licence: _licence, ...summary }) => summary),
      total,
      limit,
      offset,
      consistent,
    };
  }

  async detail(
    principal: Principal,
    id: string,
    consistentWith?: number,
  ): Promise<LicenceDocument & { consistent: boolean }> {
    const consistent = await this.consistency.waitFor(LICENCES_PROJECTION, consistentWith);
    const document = await this.readModels.getDocument<LicenceDocument>(LICENCES_PROJECTION, id);
    if (!document || document.authority !== principal.ms) {
      throw refuse.notFound('licence-not-found', `no licence ${id}`);
    }
    return { ...document, consistent };
  }

  /** The licence issued for an application, if any (the licence id is derived from the application's). */
  async forApplication(principal: Principal, applicationId: string): Promise<LicenceSummary[]> {
    const documents = await this.readModels.findDocuments<LicenceDocument>(LICENCES_PROJECTION, {
      where: { authority: principal.ms ?? '', applicationId },
    });
    return documents.map(({ licence: _licence, ...summary }) => summary);
  }
}
