import { Injectable } from '@nestjs/common';
import type { ConsultationStatus } from '@dul/domain';

/**
 * What the licensing decider needs to know of consultations when a decision is issued (Art 14(1),
 * Art 16). The consultation module implements it; until it lands there are no consultations in the
 * system, so none is open and no objection stands, which is what this default answers truthfully.
 */
export interface ConsultationStatusPort {
  statusFor(applicationId: string): Promise<ConsultationStatus>;
}

export const CONSULTATION_STATUS = Symbol.for('dul.ConsultationStatus');

@Injectable()
export class NoConsultationsYet implements ConsultationStatusPort {
  statusFor(): Promise<ConsultationStatus> {
    return Promise.resolve({ blockingOpen: 0, bindingObjection: false });
  }
}
