import { Inject } from '@nestjs/common';
import type { ICommandHandler } from '@nestjs/cqrs';
import { Command as BusCommand, CommandHandler, QueryBus } from '@nestjs/cqrs';
import type { DecideLicenceAmendment, LicenceCommand } from '@dul/domain';
import { screeningCandidateFromApplication } from '@dul/domain';
import type { EventStore } from '@dul/event-store';
import { aggregateStream, EVENT_STORE } from '@dul/event-store';
import type { Clock, PrincipalWrite, WithoutMetadata, WriteOutcome } from '@dul/platform';
import { CLOCK, CommandExecution } from '@dul/platform';
import { ScreenTransactionQuery } from '../../consultation/public/screening.query';
import { licenceAggregate } from '../public/application.aggregate';

/** The decision on a widening as sent: the screening is the handler's, never the client's. */
export type LicenceAmendmentDecisionRequest = PrincipalWrite<LicenceCommand> & {
  readonly command: {
    readonly type: 'DecideLicenceAmendment';
    readonly data: Omit<DecideLicenceAmendment['data'], 'screening'>;
  };
};

export class DecideLicenceAmendmentCommand extends BusCommand<WriteOutcome> {
  constructor(
    readonly id: string,
    readonly request: LicenceAmendmentDecisionRequest,
  ) {
    super();
  }
}

/**
 * Screens the widened licence against the denial register right before the decision (Art 16: before
 * deciding), with the screening an application's decision uses, then hands the decision to the decider.
 */
@CommandHandler(DecideLicenceAmendmentCommand)
export class DecideLicenceAmendmentHandler implements ICommandHandler<DecideLicenceAmendmentCommand> {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly runner: CommandExecution,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ id, request }: DecideLicenceAmendmentCommand): Promise<WriteOutcome> {
    const { decider, category } = licenceAggregate;
    const licence = (await aggregateStream(this.store, decider, category.streamOf(id))).state;
    // Another member state's or a missing licence: nothing to screen; the runner answers 404.
    const owned = licence.status !== 'NONE' && licence.issuingMemberState === request.principal.ms;
    const matches = owned
      ? await this.queryBus.execute(
          new ScreenTransactionQuery(screeningCandidateFromApplication(licence.issuingMemberState, licence)),
        )
      : [];
    const command = {
      type: 'DecideLicenceAmendment',
      data: {
        ...request.command.data,
        screening: {
          screenedAt: this.clock.now().toISOString(),
          denialMatches: matches.map(({ denialId, issuingMemberState, score, explanation }) => ({
            denialId,
            issuingMemberState,
            score,
            explanation,
          })),
        },
      },
    } as WithoutMetadata<DecideLicenceAmendment>;
    return this.runner.run(licenceAggregate, id, { ...request, command });
  }
}
