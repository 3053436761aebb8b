import type { WorkingDayDeadline } from '../calendar/working-days';
import type { DomainEvent } from '../decider';
import { everyType } from '../decider';
import type { MemberStateCode } from '../reference/member-states';
import type {
  ApplicationContent,
  ApplicationItem,
  Exporter,
  OtherParty,
  Party,
} from '../licensing/application.content';

/**
 * The consultations between authorities: Art 14(1) items located in another member state, Art 16 a
 * prior denial of an essentially identical transaction, Art 4/5 catch-all information, and Art 14(2)
 * a member state's request on grounds of its essential security interests.
 */
export const CONSULTATION_KINDS = [
  'ITEMS_LOCATED_ELSEWHERE',
  'PRIOR_DENIAL',
  'CATCH_ALL',
  'SECURITY_INTEREST',
] as const;
export type ConsultationKind = (typeof CONSULTATION_KINDS)[number];

/** What each kind of consultation may be answered with. */
export const CONSULTATION_ANSWERS = {
  /** Art 14(1): an objection binds the consulting authority. */
  ITEMS_LOCATED_ELSEWHERE: ['OBJECTION', 'NO_OBJECTION'],
  /** Art 16: the denying member state's view of the transaction; no veto either way. */
  PRIOR_DENIAL: ['ESSENTIALLY_IDENTICAL', 'NOT_ESSENTIALLY_IDENTICAL'],
  /** Art 4/5: responses are recorded and weighed, never binding. */
  CATCH_ALL: ['CONCUR', 'COMMENT', 'OBJECT'],
  /** Art 14(2): the requested member state's position; non-binding either way. */
  SECURITY_INTEREST: ['REQUEST_ACCEPTED', 'REQUEST_DECLINED'],
} as const satisfies Record<ConsultationKind, readonly string[]>;
export type ConsultationAnswer = (typeof CONSULTATION_ANSWERS)[ConsultationKind][number];

/** How a consultation ended. `_BY_SILENCE` outcomes are what the law reads into a lapsed reply period. */
export const CONSULTATION_OUTCOMES = [
  'OBJECTED',
  'NO_OBJECTION',
  'NO_OBJECTION_BY_SILENCE',
  'ESSENTIALLY_IDENTICAL',
  'NOT_ESSENTIALLY_IDENTICAL',
  'NOT_ESSENTIALLY_IDENTICAL_BY_SILENCE',
  /** Art 16 when a member state sets ART16_SILENCE_OUTCOME=ESSENTIALLY_IDENTICAL (practice, not law). */
  'ESSENTIALLY_IDENTICAL_BY_SILENCE',
  'REVIEW_ENDED',
  'WITHDRAWN',
  /** Art 14(2): the requested member state accepts (will not grant; will annul, suspend, modify, revoke). */
  'REQUEST_ACCEPTED',
  /** Art 14(2): it declines; it may grant (or keep the licence) all the same. */
  'REQUEST_DECLINED',
  /** Art 14(2): the 10 working days ended without an answer; the consultation is over, nothing binds. */
  'ENDED_WITHOUT_ANSWER',
] as const;
export type ConsultationOutcome = (typeof CONSULTATION_OUTCOMES)[number];

/**
 * Art 14(2): what the requesting member state asks of the one that grants: not to grant an
 * authorisation, or, once granted, to annul, suspend, modify or revoke it.
 */
export const SECURITY_INTEREST_REQUESTS = ['NOT_TO_GRANT', 'ANNUL', 'SUSPEND', 'MODIFY', 'REVOKE'] as const;
export type SecurityInterestRequest = (typeof SECURITY_INTEREST_REQUESTS)[number];

/**
 * Where a consultation's period and the meaning of silence come from, fixed when it opens so that a
 * later change of setting never changes how an open consultation ends. TEXT: the article's figure;
 * PRACTICE: EU practice the article does not state (Art 16); READING: our reading, a setting.
 */
export interface ConsultationRules {
  readonly basis: 'TEXT' | 'PRACTICE' | 'READING';
  readonly workingDays: number;
  /** The setting that gave the period, or null when it is the article's fixed figure. */
  readonly periodSetting: string | null;
  /** What silence closes the consultation with when the period ends. */
  readonly silenceOutcome: ConsultationOutcome;
  /** The setting that gave silence its meaning, or null when the article (or its nature) does. */
  readonly silenceSetting: string | null;
}

/** The rule that closed a consultation: an answer, the deadline passing in silence, or a withdrawal. */
export interface ClosingRule {
  readonly basis: 'ANSWER' | 'SILENCE' | 'WITHDRAWAL';
  readonly workingDays: number;
  readonly periodSetting: string | null;
  readonly silenceSetting: string | null;
  /** In words, e.g. "deadline passed (10 working days, ART16_CONSULTATION_WORKING_DAYS); silence = ...". */
  readonly statement: string;
}

/** Which catch-all article the informing member state relied on. */
export type CatchAllArticle = 'ART4' | 'ART5';

/**
 * Why screening matched the application against a denial in force (Art 2(22)). Screening's fuller
 * DenialMatch fits here; only the score and the matched fields are kept for the consulted member state.
 */
export interface PriorDenialMatch {
  /** Similarity from 0 (nothing) to 1 (identical), as the screening computed it. */
  readonly score: number;
  /** The fields that matched, e.g. 'controlEntry', 'endUser', 'consignee', 'destinationCountry'. */
  readonly matchedFields: readonly string[];
}

/**
 * A widening amendment of the application's licence, when a consultation is about the widening
 * rather than the application itself (a widening is a new assessment: Art 14(1) and Art 16 apply).
 */
export interface ConsultedWidening {
  readonly licenceId: string;
  readonly amendmentId: string;
}

/** What the consultation is about; the discriminant is the kind. */
export type ConsultationSubject =
  | {
      readonly kind: 'ITEMS_LOCATED_ELSEWHERE';
      readonly applicationId: string;
      /** Absent when the consultation is about the application. */
      readonly widening?: ConsultedWidening;
    }
  | {
      readonly kind: 'PRIOR_DENIAL';
      readonly applicationId: string;
      readonly denialId: string;
      readonly match: PriorDenialMatch;
      /** Absent when the consultation is about the application. */
      readonly widening?: ConsultedWidening;
    }
  | {
      readonly kind: 'CATCH_ALL';
      /** Null when the decision was not taken on an application (e.g. an exporter was informed). */
      readonly applicationId: string | null;
      readonly article: CatchAllArticle;
      /** The Art 4/5 decision the member state took, in words. */
      readonly decision: string;
      /** Why details are withheld as too sensitive (Art 5(4), Art 23(6)); null when nothing is. */
      readonly detailsWithheld: string | null;
    }
  | {
      readonly kind: 'SECURITY_INTEREST';
      /** The application concerned, also for a request about its licence. */
      readonly applicationId: string;
      /** Null for a request not to grant; the licence for a request to annul, suspend, modify, revoke. */
      readonly licenceId: string | null;
      readonly request: SecurityInterestRequest;
      /** The essential security interests the requesting member state invokes, in words. */
      readonly grounds: string;
    };

/**
 * What the consulted member state may see: the transaction (items, parties, destination, end use)
 * and the grounds the consulting authority gives, never the rest of its case file.
 */
/** Annex III-A parts a packet carries since issue 10; absent on packets recorded before (they still fold). */
export type ConsultationPacketAnnexIIIA = Partial<
  Pick<ApplicationContent, 'endUseStatement' | 'memberStateOfCustomsExport' | 'contract' | 'services' | 'transit'>
>;

export interface ConsultationPacket extends ConsultationPacketAnnexIIIA {
  readonly exporter: Exporter | null;
  readonly items: readonly ApplicationItem[];
  readonly endUser: Party;
  readonly consignee: Party | null;
  readonly otherParties: readonly OtherParty[];
  readonly destinationCountry: string;
  /** The intended end use in words (Art 12(4)); before issue 10 packets carried the statement's reference here. */
  readonly endUse: string | null;
  /** The grounds the consulting authority states, in words. */
  readonly grounds: readonly string[];
}

export type ConsultationOpened = DomainEvent<
  'ConsultationOpened',
  {
    readonly consultationId: string;
    readonly kind: ConsultationKind;
    readonly subject: ConsultationSubject;
    /** The consulting (deciding or informing) authority. */
    readonly requester: MemberStateCode;
    /** Who may answer: one member state for Art 14/16, every other member state for a catch-all. */
    readonly consulted: readonly MemberStateCode[];
    /** True when the Commission is informed too (catch-all); it reads, it does not answer. */
    readonly commissionInformed: boolean;
    readonly packet: ConsultationPacket;
    /** Whose working days the period counts: the consulted member state (Art 14/16), the requester (catch-all). */
    readonly calendar: MemberStateCode;
    /** The longest the period may become, extensions included, in working days from opening. */
    readonly maxWorkingDays: number;
    readonly deadline: WorkingDayDeadline;
    /** Absent on consultations opened before the rules were recorded: today's defaults apply. */
    readonly rules?: ConsultationRules;
    readonly openedBy: string;
    readonly openedAt: string;
  }
>;

export type ExtensionRequested = DomainEvent<
  'ExtensionRequested',
  {
    readonly requestedBy: MemberStateCode;
    readonly requestedByActor: string;
    /** Working days asked for on top of the current period. */
    readonly additionalWorkingDays: number;
    readonly reason: string;
    readonly requestedAt: string;
  }
>;

export type ExtensionGranted = DomainEvent<
  'ExtensionGranted',
  {
    readonly grantedBy: MemberStateCode;
    readonly grantedByActor: string;
    /** Working days granted on top of the previous period (at most those requested). */
    readonly additionalWorkingDays: number;
    readonly previousDeadline: WorkingDayDeadline;
    /** Counted from the opening again, so the total never drifts: deadline.workingDays is the total. */
    readonly deadline: WorkingDayDeadline;
    readonly grantedAt: string;
  }
>;

export type ExtensionDeclined = DomainEvent<
  'ExtensionDeclined',
  {
    readonly declinedBy: MemberStateCode;
    readonly declinedByActor: string;
    readonly reason: string;
    readonly declinedAt: string;
  }
>;

export type ConsultationReplied = DomainEvent<
  'ConsultationReplied',
  {
    readonly repliedBy: MemberStateCode;
    readonly repliedByActor: string;
    readonly answer: ConsultationAnswer;
    readonly reasons: string | null;
    readonly repliedAt: string;
  }
>;

export type ConsultationDeadlineLapsed = DomainEvent<
  'ConsultationDeadlineLapsed',
  {
    readonly deadline: WorkingDayDeadline;
    /** When the period ended (the deadline's endsAt): the moment silence took effect. */
    readonly lapsedAt: string;
    /** When the timer recorded it; later than lapsedAt after a restart. */
    readonly recordedAt: string;
  }
>;

export type ConsultationClosed = DomainEvent<
  'ConsultationClosed',
  {
    readonly outcome: ConsultationOutcome;
    /** Only for a withdrawal: why the consulting authority withdrew. */
    readonly reason: string | null;
    /** Absent on consultations closed before the closing rule was recorded. */
    readonly closingRule?: ClosingRule;
    readonly closedBy: string;
    readonly closedAt: string;
  }
>;

/**
 * Art 14(2): the requested member state granted the authorisation the requesting member state asked
 * it not to grant, and notifies the Commission and the other member states. Recorded on the
 * consultation's stream by the process that sees the grant; published to the authorities and the
 * Commission.
 */
export type SecurityInterestGrantNotified = DomainEvent<
  'SecurityInterestGrantNotified',
  {
    readonly applicationId: string;
    readonly licenceId: string | null;
    readonly grantingMemberState: MemberStateCode;
    readonly requestingMemberState: MemberStateCode;
    /** Every other member state (the requesting one among them) and the Commission. */
    readonly recipients: { readonly memberStates: readonly MemberStateCode[]; readonly commission: true };
    /** How the consultation stood at the grant; null while it was still open (it never blocks). */
    readonly consultationOutcome: ConsultationOutcome | null;
    readonly grantedAt: string;
    readonly notifiedBy: string;
    readonly notifiedAt: string;
  }
>;

export type ConsultationEvent =
  | ConsultationOpened
  | ExtensionRequested
  | ExtensionGranted
  | ExtensionDeclined
  | ConsultationReplied
  | ConsultationDeadlineLapsed
  | ConsultationClosed
  | SecurityInterestGrantNotified;

/** Every ConsultationEvent type, in the order of the union (what projections of the whole stream handle). */
export const CONSULTATION_EVENT_TYPES = everyType<ConsultationEvent['type']>({
  ConsultationOpened: true,
  ExtensionRequested: true,
  ExtensionGranted: true,
  ExtensionDeclined: true,
  ConsultationReplied: true,
  ConsultationDeadlineLapsed: true,
  ConsultationClosed: true,
  SecurityInterestGrantNotified: true,
});
