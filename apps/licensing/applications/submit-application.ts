import { createHash } from 'node:crypto';
import { Inject } from '@nestjs/common';
import type { ICommandHandler } from '@nestjs/cqrs';
import { Command as BusCommand, CommandHandler } from '@nestjs/cqrs';
import stringify from 'safe-stable-stringify';
import { v5 as uuidv5 } from 'uuid';
import type { Principal } from '@dul/auth';
import type { ApplicationContentInput, ApplicationKind, SubmitApplication, ValidityPolicy } from '@dul/domain';
import { capsOf, VALIDITY_POLICY } from '../validity-policy';
import { DomainError, refuse } from '@dul/domain';
import type { EventStore } from '@dul/event-store';
import { ConcurrencyError, EVENT_STORE } from '@dul/event-store';
import type { WriteResult } from '@dul/platform';
import { CommandExecution } from '@dul/platform';
import { applicationAggregate } from '../public/application.aggregate';

const IDEMPOTENCY_NAMESPACE = '8d1f6a8e-4f7b-4a55-8a59-3c1e2d9b7f10';

export interface SubmitRequest {
  readonly kind: ApplicationKind;
  readonly content: ApplicationContentInput;
}

/** POST /v1/applications as a CommandBus message. */
export class SubmitApplicationCommand extends BusCommand<WriteResult> {
  constructor(
    readonly principal: Principal,
    readonly request: SubmitRequest,
    readonly correlationId: string,
    readonly idempotencyKey?: string,
  ) {
    super();
  }
}

/**
 * POST /v1/applications. With an Idempotency-Key the application id is derived from the authority and
 * the key, and the request's hash is recorded on the event: a repeat with the same body gets the same
 * answer, a repeat with another body a 422. The event log is the idempotency store.
 */
@CommandHandler(SubmitApplicationCommand)
export class SubmitApplicationHandler implements ICommandHandler<SubmitApplicationCommand> {
  constructor(
    private readonly commands: CommandExecution,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(VALIDITY_POLICY) private readonly validityPolicy: ValidityPolicy,
  ) {}

  async execute({ principal, request, correlationId, idempotencyKey }: SubmitApplicationCommand): Promise<WriteResult> {
    if (idempotencyKey === undefined) return this.submitAs(crypto.randomUUID(), principal, request, correlationId, {});
    if (!/^[\x21-\x7e]{1,200}$/.test(idempotencyKey)) {
      throw refuse.invalid('idempotency-key', 'Idempotency-Key must be 1 to 200 visible ASCII characters');
    }
    const id = uuidv5(`${principal.ms ?? ''}:${idempotencyKey}`, IDEMPOTENCY_NAMESPACE);
    const requestHash = createHash('sha256')
      .update(stringify(request) ?? '')
      .digest('hex');
    const earlier = await this.earlierAnswer(id, requestHash);
    if (earlier) return earlier;
    try {
      return await this.submitAs(id, principal, request, correlationId, { idempotencyKey, requestHash });
    } catch (error) {
      // Two requests with one key at once: the loser answers what the winner stored.
      const raced =
        error instanceof ConcurrencyError || (error instanceof DomainError && error.rule === 'application-exists');
      const answer = raced ? await this.earlierAnswer(id, requestHash) : undefined;
      if (answer) return answer;
      throw error;
    }
  }

  private submitAs(
    id: string,
    principal: Principal,
    request: SubmitRequest,
    correlationId: string,
    extraMetadata: Record<string, string>,
  ): Promise<WriteResult> {
    const command: SubmitApplication = {
      type: 'SubmitApplication',
      data: {
        applicationId: id,
        kind: request.kind,
        content: request.content,
        validityCaps: capsOf(this.validityPolicy, principal.ms),
      },
      metadata: this.commands.metadataFor(principal, correlationId),
    };
    return this.commands.execute(applicationAggregate, id, principal, command, { extraMetadata });
  }

  private async earlierAnswer(id: string, requestHash: string): Promise<WriteResult | undefined> {
    const [first] = await this.store.readStream(applicationAggregate.category.streamOf(id), { maxCount: 1 });
    if (!first) return undefined;
    if (first.metadata.requestHash !== requestHash) {
      throw refuse.ruleViolated(
        'idempotency-key-reused',
        'This Idempotency-Key was already used with a different request body; use a new key for a new application',
      );
    }
    return { id, version: first.streamVersion, position: first.globalPosition };
  }
}
