import {
  amount,
  applicationKind,
  art15Grounds,
  calendarDate,
  countryCode,
  currencyCode,
  identifier,
  instant,
  memberStateCode,
  memberStateList,
  notifiedItem,
  notifiedItemShape,
  party,
  recipients,
  text,
} from './common.schemas';
import type { Infer } from './schema-builder';
import { array, boolean, enumOf, integer, nullable, number, object, string } from './schema-builder';

// Contracts between competent authorities (Art 14, Art 16, Art 23(6)). Published field names are ours;
// the denial register's and the consultations' domain events map onto them. Every message is useful
// alone: a review or amendment names the notifying member state and its addressees, an amendment gives
// the denial in full. Consultation messages carry the consultation packet only, never the rest of the
// requesting authority's case.

const denialId = () =>
  identifier('Denial id in the EU denial register; the Kafka key and subject (denials/{denialId}).');

const consultationId = () => identifier('Consultation id; the Kafka key and subject (consultations/{consultationId}).');

const notifyingMemberState = () => memberStateCode('Member state whose authority notified (and owns) the denial.');

const optionalText = (description: string) => nullable(string({ minLength: 1 }), { description });

const reviewClock = {
  reviewDueAt: instant('The notifying authority reviews the denial by then: renews, amends or revokes it (Art 16).'),
  lapsesAt: instant(
    'Unreviewed by then, the overdue review is escalated. The denial stays in force: it never lapses by itself (Art 16(2)); the name is kept for compatibility.',
  ),
};

const transaction = {
  applicationKind: applicationKind(),
  items: array(notifiedItem(), { minItems: 1 }),
  destinationCountry: countryCode('Country of final destination.'),
  endUser: party('End user.'),
  consignee: nullable(party('Consignee.'), { description: 'Consignee; null when the end user receives the items.' }),
};

export const denialNotifiedV1Schema = object({
  denialId: denialId(),
  notificationKind: enumOf(['DENIAL', 'ANNULMENT', 'SUSPENSION', 'SUBSTANTIAL_LIMITATION', 'REVOCATION'], {
    description:
      'What Art 16(2) makes the authority notify: a refused application, or a licence annulled, suspended, ' +
      'substantially limited or revoked.',
  }),
  notifyingMemberState: notifyingMemberState(),
  recipients: recipients(),
  licenceId: nullable(identifier('Licence id.'), {
    description: 'The licence concerned; null for a refused application.',
  }),
  ...transaction,
  grounds: art15Grounds('Art 15 grounds of the decision.'),
  reason: optionalText('Reasons as notified; null when none are given or they are withheld (Art 23(6)).'),
  decidedOn: calendarDate('Date the decision took effect.'),
  notifiedAt: instant('When the denial was notified.'),
  ...reviewClock,
});
export type DenialNotifiedV1 = Infer<typeof denialNotifiedV1Schema>;

export const denialFinalAssessmentRecordedV1Schema = object({
  denialId: denialId(),
  notifyingMemberState: notifyingMemberState(),
  recipients: recipients(),
  assessment: enumOf(['CONFIRMED', 'LIFTED', 'SUPERSEDED'], {
    description:
      'The final assessment after a suspension (Art 16(2)): CONFIRMED keeps it in force as a denial; LIFTED ' +
      '(the licence was reinstated) and SUPERSEDED (by an annulment or revocation entry) withdraw it.',
  }),
  statement: text('The final assessment, in words.'),
  supersededBy: nullable(identifier('Denial id.'), {
    description: 'For SUPERSEDED: the denial entry that replaced the suspension; otherwise null.',
  }),
  recordedAt: instant('When the final assessment was communicated.'),
});
export type DenialFinalAssessmentRecordedV1 = Infer<typeof denialFinalAssessmentRecordedV1Schema>;

export const denialReviewDueV1Schema = object({
  denialId: denialId(),
  notifyingMemberState: notifyingMemberState(),
  recipients: recipients(),
  ...reviewClock,
});
export type DenialReviewDueV1 = Infer<typeof denialReviewDueV1Schema>;

export const denialRenewedV1Schema = object({
  denialId: denialId(),
  notifyingMemberState: notifyingMemberState(),
  recipients: recipients(),
  renewedAt: instant('When the denial was reviewed and renewed.'),
  note: optionalText('Why it was renewed; null when no note was given.'),
  ...reviewClock,
});
export type DenialRenewedV1 = Infer<typeof denialRenewedV1Schema>;

export const denialAmendedV1Schema = object({
  denialId: denialId(),
  notifyingMemberState: notifyingMemberState(),
  recipients: recipients(),
  amendedAt: instant('When the denial was reviewed and amended.'),
  note: text('Why it was amended.'),
  ...transaction,
  grounds: art15Grounds('Art 15 grounds after the amendment.'),
  reason: optionalText('Reasons after the amendment; null when none are given or they are withheld.'),
  ...reviewClock,
});
export type DenialAmendedV1 = Infer<typeof denialAmendedV1Schema>;

export const denialRevokedV1Schema = object({
  denialId: denialId(),
  notifyingMemberState: notifyingMemberState(),
  recipients: recipients(),
  revokedAt: instant('From then on the denial is no longer in force.'),
  reason: text('Why it was revoked.'),
});
export type DenialRevokedV1 = Infer<typeof denialRevokedV1Schema>;

const consultationOutcome = (description: string) =>
  enumOf(
    [
      'OBJECTED',
      'NO_OBJECTION',
      'NO_OBJECTION_BY_SILENCE',
      'ESSENTIALLY_IDENTICAL',
      'NOT_ESSENTIALLY_IDENTICAL',
      'NOT_ESSENTIALLY_IDENTICAL_BY_SILENCE',
      'REVIEW_ENDED',
      'WITHDRAWN',
    ],
    { description },
  );

export const grantDespiteDenialNotifiedV1Schema = object({
  applicationId: identifier('Id of the granted application; the Kafka key and subject (applications/{id}).'),
  notifyingMemberState: memberStateCode('Member state whose authority granted.'),
  recipients: recipients(),
  denials: array(
    object({
      denialId: identifier('A denial in force for an essentially identical transaction.'),
      memberState: memberStateCode('Member state that issued the denial (and was consulted).'),
      consultationId: identifier('The Art 16 consultation held on it.'),
      consultationOutcome: consultationOutcome('How that consultation ended.'),
    }),
    { minItems: 1, description: 'The denials the grant goes against, with what their issuers answered.' },
  ),
  ...transaction,
  reasons: text('Why the authority granted despite the denials (Art 16: notified with the reasons).'),
  grantedAt: instant('When the grant was issued.'),
});
export type GrantDespiteDenialNotifiedV1 = Infer<typeof grantDespiteDenialNotifiedV1Schema>;

const consultationHeader = {
  consultationId: consultationId(),
  kind: enumOf(['ITEMS_LOCATED_ELSEWHERE', 'PRIOR_DENIAL', 'CATCH_ALL'], {
    description:
      'ITEMS_LOCATED_ELSEWHERE: Art 14(1), an objection binds. PRIOR_DENIAL: Art 16, is the transaction ' +
      'essentially identical to the denial? CATCH_ALL: Art 4/5 information with a review period.',
  }),
  requestingMemberState: memberStateCode('Member state whose authority consults (or informs).'),
  recipients: recipients(),
};

const deadline = (description: string) =>
  object(
    {
      memberState: memberStateCode('Member state whose working days the period counts.'),
      workingDays: integer({ minimum: 1, description: 'Length of the period in working days, from opening.' }),
      lastDay: calendarDate('Last working day of the period, in that member state.'),
      endsAt: instant('The instant the last day ends there: a reply is on time before it.'),
    },
    {},
    { description },
  );

const consultationItem = object(
  {
    ...notifiedItemShape(),
    quantity: amount('Quantity, in `unit`.'),
    unit: text('Unit of the quantity.'),
    value: amount('Value, in `currency`.'),
    currency: currencyCode(),
    memberStateWhereLocated: nullable(memberStateCode(), {
      description: 'Member state where the item is located (the consulted one, for Art 14(1)); null outside the Union.',
    }),
  },
  {
    countryOfOrigin: nullable(countryCode(), {
      description: 'Country of origin of the item (Annex III-A); null when not stated. Added in issue 10.',
    }),
  },
);

// Annex III-A parts of the packet added with issue 10: optional fields of v1 (a tolerant reader may
// ignore them); null when the application does not state them or was recorded before.
const packetAnnexIIIA = {
  endUseStatement: optionalText('Reference to (or text of) the signed end-use statement; null when exempted.'),
  memberStateOfCustomsExport: nullable(memberStateCode(), {
    description: 'Member state where the items enter the customs export procedure (Annex III-A); null when not stated.',
  }),
  contract: nullable(
    object({
      date: calendarDate('Date of the contract (Annex III-A).'),
      reference: optionalText('Contract reference; null when none is given.'),
    }),
    { description: 'The contract the export performs; null when not stated.' },
  ),
  services: nullable(
    object({
      provider: object({
        name: text('Name.'),
        address: text('Address.'),
        country: countryCode(),
        memberStateOfEstablishment: nullable(memberStateCode(), {
          description: 'Member state of residence or establishment; null outside the Union.',
        }),
      }),
      description: text('The brokering services or technical assistance, in words.'),
    }),
    {
      description:
        'BROKERING and TECHNICAL_ASSISTANCE: the broker or provider and the services (Art 6, Art 8); otherwise null.',
    },
  ),
  transit: nullable(
    object({
      route: text('The route in words.'),
      memberStateOfTransit: memberStateCode('Member state of transit (Art 7).'),
    }),
    { description: 'TRANSIT: the route and the member state of transit; otherwise null.' },
  ),
};

const packetParty = (description: string) =>
  object({ name: text('Name.'), address: text('Address.'), country: countryCode() }, {}, { description });

export const consultationOpenedV1Schema = object({
  ...consultationHeader,
  consulted: memberStateList('Member states that may answer: one for Art 14/16, every other one for a catch-all.'),
  commissionInformed: boolean({
    description: 'True when the Commission is informed (catch-all); it reads, it does not answer.',
  }),
  deadline: deadline('When the reply period ends.'),
  maxWorkingDays: integer({ minimum: 1, description: 'The longest the period may become, extensions included.' }),
  denialId: nullable(identifier('Denial id.'), { description: 'PRIOR_DENIAL: the denial matched; otherwise null.' }),
  match: nullable(
    object({
      score: number({ minimum: 0, maximum: 1, description: 'Similarity from 0 (nothing) to 1 (identical).' }),
      matchedFields: array(text('A field that matched.'), { minItems: 1 }),
    }),
    { description: 'PRIOR_DENIAL: why screening matched the denial (Art 2(22)); otherwise null.' },
  ),
  catchAll: nullable(
    object({
      article: enumOf(['ART4', 'ART5']),
      decision: text('The Art 4/5 decision the member state took, in words.'),
      detailsWithheld: optionalText(
        'Why details are withheld as too sensitive (Art 5(4), Art 23(6)); null when none are.',
      ),
    }),
    { description: 'CATCH_ALL: the decision the other member states are informed of; otherwise null.' },
  ),
  packet: object(
    {
      exporter: nullable(
        object(
          {
            name: text('Exporter name.'),
            identifier: object({
              scheme: enumOf(['EORI', 'OTHER']),
              value: text('The identifier: the EORI number, or another one where no EORI applies.'),
            }),
            address: text('Address.'),
            country: countryCode(),
          },
          {
            kind: enumOf(['LEGAL_PERSON', 'NATURAL_PERSON'], {
              description:
                'Legal or natural person (Art 2(3)); an EORI is required only of a legal person in the Union. Added in issue 10.',
            }),
          },
        ),
        { description: 'The exporter; null when the consultation concerns no application.' },
      ),
      items: array(consultationItem, { minItems: 1 }),
      endUser: packetParty('End user.'),
      consignee: nullable(packetParty('Consignee.'), {
        description: 'Consignee; null when the end user receives the items.',
      }),
      otherParties: array(
        object({
          role: enumOf(['AGENT', 'BROKER', 'INTERMEDIATE_CONSIGNEE', 'OTHER']),
          name: text('Name.'),
          address: text('Address.'),
          country: countryCode(),
        }),
        { description: 'Agents, brokers, intermediate consignees.' },
      ),
      destinationCountry: countryCode('Country of final destination.'),
      endUse: optionalText(
        'Stated end use in words (Art 12(4)); null when not stated. Before issue 10 producers put the end-use statement reference here; it is now `endUseStatement`.',
      ),
      grounds: array(text('A ground.'), { description: 'The grounds the requesting authority states, in words.' }),
    },
    packetAnnexIIIA,
    { description: 'The consultation packet: what the consulted authority needs to answer, nothing more.' },
  ),
  openedAt: instant('When the consultation was opened.'),
});
export type ConsultationOpenedV1 = Infer<typeof consultationOpenedV1Schema>;

export const consultationRepliedV1Schema = object({
  ...consultationHeader,
  repliedBy: memberStateCode('Consulted member state that replied.'),
  answer: enumOf(
    ['OBJECTION', 'NO_OBJECTION', 'ESSENTIALLY_IDENTICAL', 'NOT_ESSENTIALLY_IDENTICAL', 'CONCUR', 'COMMENT', 'OBJECT'],
    {
      description:
        'ITEMS_LOCATED_ELSEWHERE: OBJECTION (binding) or NO_OBJECTION. PRIOR_DENIAL: ESSENTIALLY_IDENTICAL or ' +
        'NOT_ESSENTIALLY_IDENTICAL. CATCH_ALL: CONCUR, COMMENT or OBJECT (never binding).',
    },
  ),
  reasons: optionalText('Reasons given with the reply; null when none.'),
  repliedAt: instant('When the reply was recorded.'),
});
export type ConsultationRepliedV1 = Infer<typeof consultationRepliedV1Schema>;

export const consultationExtensionRequestedV1Schema = object({
  ...consultationHeader,
  requestedBy: memberStateCode('Consulted member state asking for more time.'),
  additionalWorkingDays: integer({ minimum: 1, description: 'Working days asked for on top of the current period.' }),
  reason: text('Why more time is needed.'),
  requestedAt: instant('When the extension was asked for.'),
});
export type ConsultationExtensionRequestedV1 = Infer<typeof consultationExtensionRequestedV1Schema>;

export const consultationExtensionGrantedV1Schema = object({
  ...consultationHeader,
  grantedBy: memberStateCode('Member state that granted the extension (the requester).'),
  additionalWorkingDays: integer({ minimum: 1, description: 'Working days granted on top of the previous period.' }),
  deadline: deadline('The new end of the reply period (at most 30 working days in total).'),
  grantedAt: instant('When the extension was granted.'),
});
export type ConsultationExtensionGrantedV1 = Infer<typeof consultationExtensionGrantedV1Schema>;

export const consultationExtensionDeclinedV1Schema = object({
  ...consultationHeader,
  declinedBy: memberStateCode('Member state that declined the extension (the requester).'),
  reason: text('Why the extension was declined.'),
  declinedAt: instant('When the extension was declined.'),
});
export type ConsultationExtensionDeclinedV1 = Infer<typeof consultationExtensionDeclinedV1Schema>;

export const consultationDeadlineLapsedV1Schema = object({
  ...consultationHeader,
  deadline: deadline('The reply period that ended without a reply.'),
  lapsedAt: instant('When the period ended: the moment silence took its legal meaning.'),
});
export type ConsultationDeadlineLapsedV1 = Infer<typeof consultationDeadlineLapsedV1Schema>;

/** The rule that closed a consultation, as recorded; an optional field added within v1. */
const closingRule = () =>
  object(
    {
      basis: enumOf(['ANSWER', 'SILENCE', 'WITHDRAWAL'], {
        description:
          'ANSWER: the consulted member state replied; SILENCE: the period ended; WITHDRAWAL: the requester withdrew.',
      }),
      workingDays: integer({ minimum: 1, description: 'The period in working days as opened.' }),
      periodSetting: nullable(text('Setting name.'), {
        description:
          "The setting that gave the period (e.g. ART16_CONSULTATION_WORKING_DAYS); null when it is the article's figure.",
      }),
      silenceSetting: nullable(text('Setting name.'), {
        description:
          'For SILENCE: the setting that gave silence its meaning (ART16_SILENCE_OUTCOME, EU practice, not the text of Art 16); otherwise null.',
      }),
      statement: text('The rule in words, with the settings and their values.'),
    },
    {},
    {
      description:
        'The rule that closed the consultation. Absent on messages of consultations closed before it was recorded.',
    },
  );

export const consultationClosedV1Schema = object(
  {
    ...consultationHeader,
    outcome: consultationOutcome(
      'How the consultation ended; OBJECTED is a binding Art 14(1) objection, *_BY_SILENCE what the law reads into ' +
        'silence. Where a member state gives Art 16 silence the meaning ESSENTIALLY_IDENTICAL (ART16_SILENCE_OUTCOME), ' +
        'the outcome is ESSENTIALLY_IDENTICAL with closingRule.basis SILENCE.',
    ),
    reason: optionalText('For WITHDRAWN: why the requester withdrew; otherwise null.'),
    closedAt: instant('When the consultation was closed.'),
  },
  { closingRule: closingRule() },
);
export type ConsultationClosedV1 = Infer<typeof consultationClosedV1Schema>;

// Art 14(2) security-interest consultations have their own types: their kind, answers and outcomes
// are not in the consultation.*.v1 vocabularies, and a v1 enum never gains a value.

const securityInterestHeader = {
  consultationId: consultationId(),
  requestingMemberState: memberStateCode('Member state invoking its essential security interests (Art 14(2)).'),
  requestedMemberState: memberStateCode('Member state deciding on the authorisation (the one consulted).'),
  recipients: recipients(),
  request: enumOf(['NOT_TO_GRANT', 'ANNUL', 'SUSPEND', 'MODIFY', 'REVOKE'], {
    description:
      'What the requesting member state asks: not to grant, or to annul, suspend, modify or revoke the licence.',
  }),
  licenceId: nullable(identifier('Licence id.'), { description: 'The licence concerned; null for NOT_TO_GRANT.' }),
};

export const securityInterestRequestedV1Schema = object({
  ...securityInterestHeader,
  grounds: text('The essential security interests invoked, in words.'),
  deadline: deadline(
    "When the non-binding consultation is to be terminated: 10 working days (Art 14(2), setting ART14_2_CONSULTATION_WORKING_DAYS), in the requested member state's calendar (reading).",
  ),
  openedAt: instant('When the request was made.'),
});
export type SecurityInterestRequestedV1 = Infer<typeof securityInterestRequestedV1Schema>;

export const securityInterestClosedV1Schema = object({
  ...securityInterestHeader,
  outcome: enumOf(['REQUEST_ACCEPTED', 'REQUEST_DECLINED', 'ENDED_WITHOUT_ANSWER', 'WITHDRAWN'], {
    description:
      'REQUEST_ACCEPTED or REQUEST_DECLINED: the requested member state answered (non-binding either way); ' +
      'ENDED_WITHOUT_ANSWER: the period ended; WITHDRAWN: the requester withdrew.',
  }),
  reasons: optionalText('Reasons given with the answer (required to decline), or for the withdrawal; null otherwise.'),
  closingRule: closingRule(),
  closedAt: instant('When the consultation was closed.'),
});
export type SecurityInterestClosedV1 = Infer<typeof securityInterestClosedV1Schema>;

export const securityInterestGrantNotifiedV1Schema = object({
  consultationId: consultationId(),
  notifyingMemberState: memberStateCode('Member state that granted despite the request (the requested one).'),
  requestingMemberState: memberStateCode('Member state that asked it not to grant.'),
  recipients: recipients(),
  licenceId: nullable(identifier('Licence id.'), { description: 'The licence issued by the grant, when known.' }),
  items: array(notifiedItem(), { minItems: 1 }),
  destinationCountry: countryCode('Country of final destination.'),
  endUser: party('End user.'),
  consignee: nullable(party('Consignee.'), { description: 'Consignee; null when the end user receives the items.' }),
  consultationOutcome: nullable(
    enumOf(['REQUEST_ACCEPTED', 'REQUEST_DECLINED', 'ENDED_WITHOUT_ANSWER'], {
      description: 'How the consultation ended before the grant.',
    }),
    { description: 'Null when the grant came while the consultation was still open (it never blocks a grant).' },
  ),
  grantedAt: instant('When the authorisation was granted.'),
  notifiedAt: instant('When the grant was notified.'),
});
export type SecurityInterestGrantNotifiedV1 = Infer<typeof securityInterestGrantNotifiedV1Schema>;
