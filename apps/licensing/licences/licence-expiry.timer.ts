import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { ExpireLicence } from '@dul/domain';
import type { Clock } from '@dul/platform';
import type { DueWork } from '@dul/platform';
import { CLOCK, DueWorkTimer } from '@dul/platform';
import type { ProjectionStore } from '@dul/projections';
import { PROJECTION_STORE } from '@dul/projections';
import type { LicenceDocument } from './licence-register.projection';
import { LICENCES_PROJECTION } from './licence-register.projection';
import { LicenceWrite } from '../public/licensing.commands';

export const LICENCE_EXPIRY_OPTIONS = Symbol.for('dul.LicenceExpiryOptions');
export interface LicenceExpiryOptions {
  readonly pollMs: number;
}

/** Licences still pending expiry whose validUntil has passed get ExpireLicence. */
export const LICENCE_EXPIRY: DueWork<LicenceDocument> = {
  projection: LICENCES_PROJECTION,
  due: (now) => ({ where: { expiryPending: true }, before: { validUntil: now.toISOString() } }),
  pageSize: 100,
  // Documents leave the list once the projection applies LicenceExpired: page on while that happens.
  drain: true,
  write: (licence, now) => {
    const command: ExpireLicence = {
      type: 'ExpireLicence',
      data: {},
      metadata: { actor: 'system:licence-expiry', memberState: licence.authority, now, correlationId: licence.id },
    };
    return new LicenceWrite(licence.id, { by: 'process', command, retries: 3 });
  },
};

/**
 * The durable timer behind LicenceExpired. Its work list is the licence register itself (licences
 * still pending expiry, by validUntil). Sending ExpireLicence twice is harmless: the decider decides
 * nothing for a licence that has already ended.
 */
@Injectable()
export class LicenceExpiryTimer extends DueWorkTimer<LicenceDocument> {
  constructor(
    commandBus: CommandBus,
    @Inject(PROJECTION_STORE) readModels: ProjectionStore,
    @Inject(CLOCK) clock: Clock,
    @Inject(LICENCE_EXPIRY_OPTIONS) options: LicenceExpiryOptions,
  ) {
    super(LICENCE_EXPIRY, commandBus, readModels, clock, options.pollMs);
  }
}
