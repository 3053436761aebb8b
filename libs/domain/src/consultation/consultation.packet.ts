import { refuse } from '../refusals';
import type { MemberStateCode } from '../reference/member-states';
import { normaliseCountryCode } from '../reference/member-states';
import type { ApplicationContent, ApplicationKind, Party } from '../licensing/application.content';
import { optionalText, requiredText } from '../licensing/application.content';
import type { ConsultationPacket, ConsultationPacketAnnexIIIA } from './consultation.events';
import { isAnnexIISectionAPart2Destination } from '../reference/annex-ii';
import type { AnnexIvReference } from '../reference/annex-iv';
import { ANNEX_IV_FIXTURE } from '../reference/annex-iv';

/**
 * Stream id of the Art 14(1) consultation of one member state about one application. Deterministic,
 * so opening it twice (a retried process manager) meets the existing stream instead of a duplicate.
 */
export function itemsLocatedElsewhereConsultationId(applicationId: string, consulted: MemberStateCode): string {
  return `${applicationId}/art14/${consulted}`;
}

/** Stream id of the Art 16 consultation about one application and one matching denial. */
export function priorDenialConsultationId(applicationId: string, denialId: string): string {
  return `${applicationId}/art16/${denialId}`;
}

/**
 * What a widening's consultations are keyed by in place of the application id: the Art 14(1) and
 * Art 16 consultations of a widening are its own, apart from those of the application it amends.
 */
export function wideningConsultationSubjectId(applicationId: string, licenceId: string, amendmentId: string): string {
  return `${applicationId}/licence/${licenceId}/widening/${amendmentId}`;
}

/** What Art 14(1) asks of one application: whom to consult, and who is only recorded. */
export interface Art14Assessment {
  /** Member states consulted: items located there, and the destination or an item calls for it. */
  readonly consult: readonly MemberStateCode[];
  /** Member states where items are located but no consultation is due (listed destination, no Annex IV item). */
  readonly recordedOnly: readonly MemberStateCode[];
  /** Why, in words, for the record and the queue. */
  readonly reason: string;
}

/**
 * Art 14(1): for an individual export authorisation whose items are or will be located in another
 * member state, the deciding authority consults that member state when the destination is not in
 * Annex II Section A Part 2, or for any destination when an item is in Annex IV. Otherwise the other
 * member states are recorded (they are in the content) and have no say. One consultation each, so
 * each runs on its own calendar and its own objection. Annex IV membership comes from the reference
 * list and the items' classifications (a NOT_LISTED item is never in Annex IV).
 */
export function art14Assessment(
  kind: ApplicationKind,
  authority: MemberStateCode,
  content: Pick<ApplicationContent, 'items' | 'destinationCountry'>,
  annexIv: AnnexIvReference = ANNEX_IV_FIXTURE,
): Art14Assessment {
  const located = [
    ...new Set(
      content.items
        .map((item) => item.memberStateWhereLocated)
        .filter((state): state is MemberStateCode => state !== null && state !== authority),
    ),
  ];
  if (kind !== 'INDIVIDUAL' || located.length === 0) {
    return {
      consult: [],
      recordedOnly: kind === 'INDIVIDUAL' ? [] : located,
      reason: 'Art 14(1) applies to individual export authorisations with items located in another member state',
    };
  }
  const annexIvItem = content.items.some(
    (item) => item.classification.kind === 'LISTED' && annexIv.covers(item.classification.controlEntry),
  );
  if (annexIvItem) {
    return {
      consult: located,
      recordedOnly: [],
      reason: 'an item is in Annex IV: consulted for any destination (Art 14(1))',
    };
  }
  if (isAnnexIISectionAPart2Destination(content.destinationCountry)) {
    return {
      consult: [],
      recordedOnly: located,
      reason: `destination ${content.destinationCountry} is in Annex II Section A Part 2 and no item is in Annex IV: no consultation (Art 14(1))`,
    };
  }
  return {
    consult: located,
    recordedOnly: [],
    reason: `destination ${content.destinationCountry} is not in Annex II Section A Part 2: consulted (Art 14(1))`,
  };
}

/** The member states the deciding authority must consult under Art 14(1) (see art14Assessment). */
export function memberStatesToConsult(
  kind: ApplicationKind,
  authority: MemberStateCode,
  content: Pick<ApplicationContent, 'items' | 'destinationCountry'>,
  annexIv: AnnexIvReference = ANNEX_IV_FIXTURE,
): readonly MemberStateCode[] {
  return art14Assessment(kind, authority, content, annexIv).consult;
}

/**
 * The packet a consulted member state sees, from the application: the transaction and the stated
 * grounds, never the caseworker's notes, risk flags or proposal.
 */
export function consultationPacketFrom(
  content: ApplicationContent,
  extra: { readonly endUse?: string | null; readonly grounds?: readonly string[] } = {},
): ConsultationPacket {
  return {
    exporter: content.exporter,
    items: content.items,
    endUser: content.endUser,
    consignee: content.consignee,
    otherParties: content.otherParties,
    destinationCountry: content.destinationCountry,
    // The end use itself (Art 12(4)), never the end-use statement's reference: the consulted member
    // state judges the use; the statement is named beside it. An application recorded before issue 10
    // has no end use, and its packet says so (null) rather than passing the reference off as one.
    endUse: optionalText(extra.endUse ?? content.endUse),
    ...annexIIIAOf(content),
    grounds: cleanGrounds(extra.grounds ?? []),
  };
}

/** The Annex III-A parts a consulted member state needs beside the parties and items (issue 10). */
function annexIIIAOf(content: ConsultationPacketAnnexIIIA): Required<ConsultationPacketAnnexIIIA> {
  return {
    endUseStatement: content.endUseStatement ?? null,
    memberStateOfCustomsExport: content.memberStateOfCustomsExport ?? null,
    contract: content.contract ?? null,
    services: content.services ?? null,
    transit: content.transit ?? null,
  };
}

/** Checks the packet's shape (INVALID) and returns it as stored: codes normalised, grounds trimmed. */
export function normalisePacket(packet: ConsultationPacket): ConsultationPacket {
  if (!Array.isArray(packet.items) || packet.items.length === 0) {
    throw refuse.invalid('packet-items', 'packet.items: the consulted member state must see at least one item');
  }
  return {
    exporter: packet.exporter ?? null,
    items: packet.items,
    endUser: party(packet.endUser, 'packet.endUser'),
    consignee: packet.consignee ? party(packet.consignee, 'packet.consignee') : null,
    otherParties: packet.otherParties ?? [],
    destinationCountry: country(packet.destinationCountry, 'packet.destinationCountry'),
    endUse: optionalText(packet.endUse),
    // Kept as given (already normalised with the application): a packet without them stays as it was.
    ...Object.fromEntries(Object.entries(annexIIIAOf(packet)).filter(([key]) => key in packet)),
    grounds: cleanGrounds(packet.grounds ?? []),
  };
}

function party(input: Party, field: string): Party {
  return {
    name: requiredText(input.name, `${field}.name`),
    address: requiredText(input.address, `${field}.address`),
    country: country(input.country, `${field}.country`),
  };
}

function country(value: string, field: string): string {
  const code = typeof value === 'string' ? normaliseCountryCode(value) : undefined;
  if (code === undefined) throw refuse.invalid('country-code-format', `${field} must be an ISO 3166-1 alpha-2 code`);
  return code;
}

function cleanGrounds(grounds: readonly string[]): readonly string[] {
  return [...new Set(grounds.map((ground) => ground.trim()).filter((ground) => ground !== ''))];
}
