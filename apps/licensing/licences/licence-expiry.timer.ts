import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { ExpireLicence } from '@dul/domain';
import type { Clock } from '@dul/platform';
import { CLOCK, DueTimer } from '@dul/platform';
import type { ProjectionStore } from '@dul/projections';
import { PROJECTION_STORE } from '@dul/projections';
import type { LicenceDocument } from './licence-register.projection';
import { LICENCES_PROJECTION } from './licence-register.projection';
import { LicenceWrite } from '../public/licensing.commands';

export const LICENCE_EXPIRY_OPTIONS = Symbol.for('dul.LicenceExpiryOptions');
export interface LicenceExpiryOptions {
  readonly pollMs: number;
}

/**
 * The durable timer behind LicenceExpired. Its work list is the licence register itself (licences
 * still pending expiry, by validUntil). Sending ExpireLicence twice is harmless: the decider decides
 * nothing for a licence that has already ended.
 */
@Injectable()
export class LicenceExpiryTimer extends DueTimer {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(PROJECTION_STORE) private readonly readModels: ProjectionStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LICENCE_EXPIRY_OPTIONS) options: LicenceExpiryOptions,
  ) {
    super(options.pollMs);
  }

  protected now(): Date {
    return this.clock.now();
  }

  protected async fire(now: Date): Promise<number> {
    let expired = 0;
    for (;;) {
      const due = await this.readModels.findDocuments<LicenceDocument>(LICENCES_PROJECTION, {
        where: { expiryPending: true },
        before: { validUntil: now.toISOString() },
        limit: 100,
      });
      let progressed = 0;
      for (const licence of due) {
        const command: ExpireLicence = {
          type: 'ExpireLicence',
          data: {},
          metadata: { actor: 'system:licence-expiry', memberState: licence.authority, now, correlationId: licence.id },
        };
        const outcome = await this.commandBus.execute(
          new LicenceWrite(licence.id, { by: 'process', command, retries: 3 }),
        );
        if (outcome.appended > 0) progressed++;
      }
      expired += progressed;
      // Documents leave the list once the projection applies LicenceExpired; stop when nothing moved.
      if (due.length < 100 || progressed === 0) return expired;
    }
  }
}
