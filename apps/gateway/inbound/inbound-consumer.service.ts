import type { BeforeApplicationShutdown, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { Consumer, KafkaMessage, Producer } from 'kafkajs';
import type { NotifyDenial, ReplyToConsultation } from '@dul/domain';
import {
  MEMBER_STATE_CODES,
  DEFAULT_DENIAL_REVIEW_GRACE_DAYS,
  DomainError,
  normaliseMemberState,
  otherMemberStates,
} from '@dul/domain';
import { CommandBus } from '@nestjs/cqrs';
import { EventStoreError } from '@dul/event-store';
import { ConsultationWrite, DenialWrite } from '../../consultation/public/consultation.commands';
import type { Clock } from '@dul/platform';
import { CLOCK, fieldProblems } from '@dul/platform';
import { senderOfInboundTopic } from '@dul/contracts';
import { ensureTopics, kafkaClient, settleWithin } from '@dul/messaging';
import { connectionOf, gatewayTopics, RELAY_OPTIONS, type RelayOptions } from '../relay/relay.service';
import { RetryingStart } from '../retrying-start';
import {
  DEAD_LETTER_TOPIC,
  inboundTopicFor,
  InboundConsultationReply,
  InboundDenialNotification,
} from './inbound-messages';

/** Why a message cannot be processed, ever: it goes to the dead-letter topic, never back to the queue. */
class Poison extends Error {}

/**
 * Consumes what national systems and other deployments send (consultation replies, denial
 * notifications), validates each message and turns it into a command. Each member state writes to its
 * own inbound topic, which only its principal may write (broker ACL): the sender is the topic's member
 * state, and a message that claims another member state inside is dead-lettered. A malformed message, or one
 * the rules refuse, goes to the dead-letter topic with the reason, and the messages behind it carry
 * on. Only a transient failure (the database away) stops the partition, to retry the same message.
 */
@Injectable()
export class InboundConsumerService
  implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly logger = new Logger(InboundConsumerService.name);
  private consumer: Consumer | undefined;
  private joined = false;

  /** True once the consumer has joined its group and receives messages (health, tests). */
  get ready(): boolean {
    return this.joined;
  }
  private producer: Producer | undefined;
  /** Consumers disconnected by us, at shutdown or to start over. */
  private readonly letGo = new WeakSet<Consumer>();

  constructor(
    private readonly commandBus: CommandBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(RELAY_OPTIONS) private readonly options: RelayOptions,
  ) {}

  private readonly starter = new RetryingStart('Inbound consumer', this.logger);

  onApplicationBootstrap(): void {
    if (this.options.brokers) this.starter.run(() => this.start(this.options.brokers ?? ''));
  }

  private async start(brokers: string): Promise<void> {
    await this.onApplicationShutdown();
    const kafka = kafkaClient(connectionOf(this.options), 'dul-inbound');
    const topics = gatewayTopics(this.options.replicationFactor).filter(
      (spec) => spec.topic === DEAD_LETTER_TOPIC || senderOfInboundTopic(spec.topic) !== undefined,
    );
    await ensureTopics(kafka, topics);
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1 });
    await this.producer.connect();
    const consumer: Consumer = kafka.consumer({
      groupId: this.options.inboundGroup ?? 'dul-inbound',
      // A consumer we have let go of is never restarted: kafkajs restarts a consumer that crashes while
      // it leaves (a disconnect during a group join ends in a crash), and it would rejoin the group.
      retry: { retries: 5, restartOnFailure: () => Promise.resolve(!this.letGo.has(consumer)) },
    });
    this.consumer = consumer;
    this.consumer.on(this.consumer.events.GROUP_JOIN, () => (this.joined = true));
    // kafkajs restarts a crashed consumer itself when the error is retriable; otherwise we start over.
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) this.starter.run(() => this.start(brokers));
    });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: MEMBER_STATE_CODES.map(inboundTopicFor), fromBeginning: true });
    await this.consumer.run({ eachMessage: ({ topic, message }) => this.consume(message, topic) });
  }

  async onApplicationShutdown(): Promise<void> {
    const { consumer, producer } = this;
    this.joined = false;
    this.consumer = undefined;
    this.producer = undefined;
    // Bounded: a group join held by a dead member must not hold the shutdown (settleWithin says why).
    const graceMs = this.options.shutdownGraceMs ?? 2_000;
    if (consumer) this.letGo.add(consumer);
    if (consumer && !(await settleWithin(consumer.disconnect(), graceMs)))
      this.logger.warn(`Inbound consumer did not leave its group within ${graceMs} ms; going on without it`);
    if (producer && !(await settleWithin(producer.disconnect(), graceMs)))
      this.logger.warn(`Dead-letter producer did not disconnect within ${graceMs} ms; going on without it`);
  }

  /** Stops retrying too; only on the app's own shutdown. */
  beforeApplicationShutdown(): void {
    this.starter.stop();
  }

  /** Exposed for tests: handles one message, received on `topic`, as the consumer does. */
  async consume(message: KafkaMessage, topic: string): Promise<void> {
    const sender = senderOfInboundTopic(topic);
    try {
      if (sender === undefined) throw new Poison(`${topic} is not a member state's inbound topic`);
      await this.handle(parse(message), sender, topic);
    } catch (error) {
      const reason = poisonReason(error);
      if (reason === undefined) throw error; // transient: kafkajs retries the same message
      this.logger.warn(`Inbound message at offset ${message.offset} dead-lettered: ${reason}`);
      await this.producer?.send({
        topic: DEAD_LETTER_TOPIC,
        acks: -1,
        messages: [
          {
            key: message.key,
            value: message.value,
            headers: {
              ...message.headers,
              'dul-dlq-reason': reason,
              'dul-dlq-source-topic': topic,
              'dul-dlq-source-offset': message.offset,
            },
          },
        ],
      });
    }
  }

  private async handle(
    input: InboundConsultationReply | InboundDenialNotification,
    sender: string,
    topic: string,
  ): Promise<void> {
    const now = this.clock.now();
    // The broker authenticated the writer of this topic; the member state inside is only a claim.
    const claimed = input.type === 'ConsultationReply' ? input.memberState : input.issuingMemberState;
    const claimedCode = normaliseMemberState(claimed);
    if (claimedCode === undefined || claimedCode !== sender) {
      throw new Poison(
        `sender-mismatch: the message claims ${claimed} but arrived on ${topic}, which only ${sender} may write`,
      );
    }
    if (input.type === 'ConsultationReply') {
      const command: ReplyToConsultation = {
        type: 'ReplyToConsultation',
        data: { answer: input.answer, ...(input.reasons !== undefined && { reasons: input.reasons }) },
        metadata: { actor: input.actor, memberState: claimedCode, now, correlationId: input.consultationId },
      };
      const write = new ConsultationWrite(input.consultationId, {
        by: 'process',
        command,
        extraMetadata: { via: topic },
      });
      try {
        await this.commandBus.execute(write);
      } catch (error) {
        // A reply to a consultation this store never opened cannot succeed on a retry.
        if (error instanceof DomainError && error.rule === 'consultation-not-found') {
          throw new Poison(`no consultation ${input.consultationId}`);
        }
        throw error;
      }
      return;
    }
    const issuer = normaliseMemberState(input.issuingMemberState);
    if (!issuer) throw new Poison(`unknown member state ${input.issuingMemberState}`);
    const command: NotifyDenial = {
      type: 'NotifyDenial',
      data: {
        denialId: input.denialId,
        reviewGraceDays: DEFAULT_DENIAL_REVIEW_GRACE_DAYS,
        notification: {
          kind: 'DENIAL',
          notifyingMemberState: issuer,
          recipients: { memberStates: otherMemberStates(issuer), commission: true },
          applicationId: `external:${input.denialId}`,
          licenceId: null,
          applicationKind: 'INDIVIDUAL',
          items: input.items.map((item) => ({
            controlEntry: item.controlEntry ?? null,
            catchAllGround: null,
            description: item.description,
            hsCode: item.hsCode,
          })),
          destinationCountry: input.destinationCountry,
          endUser: input.endUser,
          consignee: input.consignee ?? null,
          grounds: input.grounds,
          reason: input.reason ?? null,
          effectiveOn: input.decidedOn.slice(0, 10),
          reviewDueBy: null,
        },
      },
      metadata: { actor: input.actor, memberState: issuer, now, correlationId: input.denialId },
    };
    try {
      // Event ids derived from the denial id: the same notification delivered twice appends nothing twice.
      const write = new DenialWrite(input.denialId, {
        by: 'process',
        command,
        eventIdsFrom: `inbound:${input.denialId}`,
        extraMetadata: { via: topic },
      });
      await this.commandBus.execute(write);
    } catch (error) {
      // The same notification delivered twice is not poison: it is already in the register.
      if (error instanceof DomainError && error.rule === 'denial-exists') return;
      throw error;
    }
  }
}

function parse(message: KafkaMessage): InboundConsultationReply | InboundDenialNotification {
  let raw: unknown;
  try {
    raw = JSON.parse(message.value?.toString() ?? '');
  } catch {
    throw new Poison('the value is not JSON');
  }
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  let instance: InboundConsultationReply | InboundDenialNotification;
  if (type === 'ConsultationReply') instance = plainToInstance(InboundConsultationReply, raw as object);
  else if (type === 'DenialNotification') instance = plainToInstance(InboundDenialNotification, raw as object);
  else throw new Poison(`type must be ConsultationReply or DenialNotification (got ${JSON.stringify(type)})`);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) {
    throw new Poison(
      fieldProblems(errors)
        .map((problem) => `${problem.field} ${problem.problem}`)
        .join('; '),
    );
  }
  return instance;
}

/** The reason a failure is permanent, or undefined when retrying may help. */
function poisonReason(error: unknown): string | undefined {
  if (error instanceof Poison) return error.message;
  if (error instanceof DomainError) return `${error.code} ${error.rule ?? ''}: ${error.message}`;
  if (error instanceof EventStoreError && error.code !== 'WRONG_EXPECTED_VERSION')
    return `${error.code}: ${error.message}`;
  return undefined;
}
