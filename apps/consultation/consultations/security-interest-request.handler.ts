import { Inject } from '@nestjs/common';
import { Command, CommandBus, CommandHandler } from '@nestjs/cqrs';
import type { ICommandHandler } from '@nestjs/cqrs';
import type { Principal } from '@dul/auth';
import type { Application, SecurityInterestRequest } from '@dul/domain';
import { consultationPacketFrom, refuse } from '@dul/domain';
import type { EventStore } from '@dul/event-store';
import { aggregateStream, EVENT_STORE } from '@dul/event-store';
import type { WriteOutcome } from '@dul/platform';
import { licenceAggregate } from '../../licensing/public/application.aggregate';
import { ConsultationWrite } from '../public/consultation.commands';
import { securityInterestConsultationId } from '../public/consultation-ids';
import type { ConsultationSettings } from '../public/consultation-settings';
import { CONSULTATION_SETTINGS } from '../public/consultation-settings';
import { ConsultationOpening } from './consultation-opening';

export interface SecurityInterestRequestInput {
  readonly request: SecurityInterestRequest;
  /** For NOT_TO_GRANT. */
  readonly applicationId?: string;
  /** For ANNUL, SUSPEND, MODIFY, REVOKE. */
  readonly licenceId?: string;
  readonly grounds: string;
}

/** Art 14(2): the caller's member state asks the one that decides on an application (or licence). */
export class RequestSecurityInterest extends Command<WriteOutcome> {
  constructor(
    readonly principal: Principal,
    readonly correlationId: string,
    readonly input: SecurityInterestRequestInput,
  ) {
    super();
  }
}

/**
 * Opens the Art 14(2) consultation with the member state that decides, taken from the record (the
 * application's authority, or the licence's issuer), never from the client, with the transaction as
 * the packet. The period is the ART14_2_CONSULTATION_WORKING_DAYS setting. A request not to grant is
 * refused once the application is decided (ask about the licence instead); a request about a licence
 * once the licence has ended.
 */
@CommandHandler(RequestSecurityInterest)
export class SecurityInterestRequestHandler implements ICommandHandler<RequestSecurityInterest, WriteOutcome> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly opening: ConsultationOpening,
    private readonly commandBus: CommandBus,
    @Inject(CONSULTATION_SETTINGS) private readonly settings: ConsultationSettings,
  ) {}

  async execute({ principal, correlationId, input }: RequestSecurityInterest): Promise<WriteOutcome> {
    if (principal.ms === null) {
      throw refuse.forbidden('authority-required', 'a security-interest request comes from a member state authority');
    }
    const { application, licenceId } = await this.subjectOf(input);
    const consultationId = securityInterestConsultationId(
      licenceId === null ? { applicationId: application.applicationId } : { licenceId },
      principal.ms,
      input.request,
    );
    const write = new ConsultationWrite(consultationId, {
      by: 'principal',
      principal,
      correlationId,
      command: {
        type: 'OpenConsultation',
        data: {
          consultationId,
          kind: 'SECURITY_INTEREST',
          applicationId: application.applicationId,
          licenceId,
          request: input.request,
          grounds: input.grounds,
          consulted: application.authority,
          replyWorkingDays: this.settings.securityInterestWorkingDays,
          packet: consultationPacketFrom(application.content, { grounds: [input.grounds] }),
        },
      },
    });
    return this.commandBus.execute(write);
  }

  private async subjectOf(
    input: SecurityInterestRequestInput,
  ): Promise<{ readonly application: Application; readonly licenceId: string | null }> {
    if (input.request === 'NOT_TO_GRANT') {
      if (input.applicationId === undefined || input.licenceId !== undefined) {
        throw refuse.invalid('subject-of-request', 'a request NOT_TO_GRANT names an applicationId and no licenceId');
      }
      const application = await this.application(input.applicationId);
      if (application.status === 'GRANTED' || application.status === 'DENIED' || application.status === 'WITHDRAWN') {
        throw refuse.conflict(
          'application-decided',
          `application ${application.applicationId} is ${application.status}: ask to annul, suspend, modify or revoke its licence instead`,
        );
      }
      return { application, licenceId: null };
    }
    if (input.licenceId === undefined || input.applicationId !== undefined) {
      throw refuse.invalid(
        'subject-of-request',
        `a request to ${input.request} names a licenceId and no applicationId`,
      );
    }
    const { decider, category } = licenceAggregate;
    const licence = (await aggregateStream(this.store, decider, category.streamOf(input.licenceId))).state;
    if (licence.status === 'NONE') throw refuse.notFound('licence-not-found', `no licence ${input.licenceId}`);
    if (licence.status !== 'ACTIVE' && licence.status !== 'SUSPENDED') {
      throw refuse.conflict('licence-ended', `licence ${input.licenceId} is ${licence.status}`);
    }
    return { application: await this.application(licence.applicationId), licenceId: licence.licenceId };
  }

  private async application(applicationId: string): Promise<Application> {
    const application = await this.opening.application(applicationId);
    if (!application) throw refuse.notFound('application-not-found', `no application ${applicationId}`);
    return application;
  }
}

/** Art 14(2): the requesting member state withdraws its request (If-Match like every consultation write). */
export class WithdrawSecurityInterest extends Command<WriteOutcome> {
  constructor(
    readonly consultationId: string,
    readonly principal: Principal,
    readonly correlationId: string,
    readonly reason: string,
    readonly ifMatch: number | undefined,
  ) {
    super();
  }
}

/**
 * Only an Art 14(2) request is withdrawn through the API: an Art 14(1) or Art 16 consultation is the
 * law's, not the consulting authority's, to drop (it ends with the application, by the process).
 */
@CommandHandler(WithdrawSecurityInterest)
export class WithdrawSecurityInterestHandler implements ICommandHandler<WithdrawSecurityInterest, WriteOutcome> {
  constructor(
    private readonly opening: ConsultationOpening,
    private readonly commandBus: CommandBus,
  ) {}

  async execute({ consultationId, principal, correlationId, reason, ifMatch }: WithdrawSecurityInterest) {
    const consultation = await this.opening.consultation(consultationId);
    const party =
      consultation.status !== 'NONE' &&
      principal.ms !== null &&
      [consultation.requester, ...consultation.consulted].includes(principal.ms);
    if (!party) throw refuse.notFound('consultation-not-found', `no consultation ${consultationId}`);
    if (consultation.kind !== 'SECURITY_INTEREST') {
      throw refuse.ruleViolated(
        'withdraw-security-interest-only',
        `only an Art 14(2) request is withdrawn through the API; this is ${consultation.kind}`,
      );
    }
    const write = new ConsultationWrite(consultationId, {
      by: 'principal',
      principal,
      correlationId,
      ifMatch,
      command: { type: 'WithdrawConsultation', data: { reason } },
    });
    return this.commandBus.execute<ConsultationWrite, WriteOutcome>(write);
  }
}
