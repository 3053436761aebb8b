import type { ICommandHandler } from '@nestjs/cqrs';
import { Command as BusCommand, CommandHandler, QueryBus } from '@nestjs/cqrs';
import type { DecideLicenceAmendment, LicenceCommand } from '@dul/domain';
import type { Clock, PrincipalWrite, WithoutMetadata, WriteOutcome } from '@dul/platform';
import { CLOCK, CommandExecution } from '@dul/platform';
import { Inject } from '@nestjs/common';
import { WideningDecisionContextQuery } from '../../consultation/public/decision-context.query';
import type { WideningDecisionContext } from '../../consultation/public/decision-context.port';
import { licenceAggregate } from '../public/application.aggregate';

/** The decision on a widening as sent: screening and consultations are the handler's, never the client's. */
export type LicenceAmendmentDecisionRequest = PrincipalWrite<LicenceCommand> & {
  readonly command: {
    readonly type: 'DecideLicenceAmendment';
    readonly data: Omit<DecideLicenceAmendment['data'], keyof WideningDecisionContext>;
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
 * Asks consultation for the widening's decision context (Art 14, 16: the widened licence screened
 * again, its consultations opened and read), then hands the decision to the decider, as an
 * application's decision is handled.
 */
@CommandHandler(DecideLicenceAmendmentCommand)
export class DecideLicenceAmendmentHandler implements ICommandHandler<DecideLicenceAmendmentCommand> {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly runner: CommandExecution,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async execute({ id, request }: DecideLicenceAmendmentCommand): Promise<WriteOutcome> {
    const { principal, correlationId } = request;
    const found = await this.queryBus.execute(new WideningDecisionContextQuery(id, principal.ms, correlationId));
    // No widening of this member state's licence to assess: the decider answers 404 or 409 without one.
    const context: WideningDecisionContext = found ?? {
      consultations: { blockingOpen: 0, bindingObjection: false },
      priorDenials: [],
      screening: { screenedAt: this.clock.now().toISOString(), denialMatches: [] },
    };
    const command = {
      type: 'DecideLicenceAmendment',
      data: { ...request.command.data, ...context },
    } as WithoutMetadata<DecideLicenceAmendment>;
    return this.runner.run(licenceAggregate, id, { ...request, command });
  }
}
