import { refuse } from '../refusals';
import type { MemberStateCode } from '../reference/member-states';
import { normaliseCountryCode } from '../reference/member-states';
import type { ApplicationContent, ApplicationKind, Party } from '../licensing/application.content';
import { optionalText, requiredText } from '../licensing/application.content';
import type { ConsultationPacket } from './consultation.events';

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
 * The member states the deciding authority must consult under Art 14(1): every member state, other than
 * its own, where an item of an individual-licence application is or will be located. One consultation
 * each, so each runs on its own calendar and its own objection.
 */
export function memberStatesToConsult(
  kind: ApplicationKind,
  authority: MemberStateCode,
  content: Pick<ApplicationContent, 'items'>,
): readonly MemberStateCode[] {
  if (kind !== 'INDIVIDUAL') return [];
  const located = content.items
    .map((item) => item.memberStateWhereLocated)
    .filter((state): state is MemberStateCode => state !== null && state !== authority);
  return [...new Set(located)];
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
    endUse: optionalText(extra.endUse ?? content.endUseStatement),
    grounds: cleanGrounds(extra.grounds ?? []),
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
