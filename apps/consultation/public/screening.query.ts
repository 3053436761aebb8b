import { Query } from '@nestjs/cqrs';
import type { DenialMatch, ScreeningCandidate } from '@dul/domain';

/**
 * Screens a transaction against the denials in force (Art 16, Art 2(22)), with the screening the
 * decision path uses. Asked by licensing before it decides a widening amendment; handled by the
 * consultation context (ConsultationContextModule).
 */
export class ScreenTransactionQuery extends Query<readonly DenialMatch[]> {
  constructor(readonly candidate: ScreeningCandidate) {
    super();
  }
}
