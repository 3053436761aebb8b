import type { ICommandHandler } from '@nestjs/cqrs';
import { Command as BusCommand, CommandHandler, QueryBus } from '@nestjs/cqrs';
import type { ApplicationCommand, IssueDecision } from '@dul/domain';
import type { PrincipalWrite, WithoutMetadata, WriteOutcome } from '@dul/platform';
import { CommandExecution } from '@dul/platform';
import { DecisionContextQuery } from '../../consultation/public/decision-context.query';
import type { DecisionContext } from '../../consultation/public/decision-context.port';
import { applicationAggregate } from '../public/application.aggregate';

/** The approver's decision as sent: what the consultation context adds is asked for by the handler. */
export type DecisionRequest = PrincipalWrite<ApplicationCommand> & {
  readonly command: {
    readonly type: 'IssueDecision';
    readonly data: Omit<IssueDecision['data'], keyof DecisionContext>;
  };
};

export class DecideApplication extends BusCommand<WriteOutcome> {
  constructor(
    readonly id: string,
    readonly request: DecisionRequest,
  ) {
    super();
  }
}

/** Asks consultation for the decision context (Art 14, 16), then issues the decision with it. */
@CommandHandler(DecideApplication)
export class DecideApplicationHandler implements ICommandHandler<DecideApplication> {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly runner: CommandExecution,
  ) {}

  async execute({ id, request }: DecideApplication): Promise<WriteOutcome> {
    const { principal, correlationId } = request;
    const context = await this.queryBus.execute(new DecisionContextQuery(id, principal.ms, correlationId));
    const command = {
      type: 'IssueDecision',
      data: { ...request.command.data, ...context },
    } as WithoutMetadata<IssueDecision>;
    return this.runner.run(applicationAggregate, id, { ...request, command });
  }
}
