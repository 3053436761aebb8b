import { refuse } from '../refusals';
import { checkedAmount } from './amounts';
import { normaliseControlEntry } from '../reference/control-list-entry';
import type { MemberStateCode } from '../reference/member-states';
import { normaliseCountryCode, normaliseMemberState } from '../reference/member-states';

/** Kinds of authorisation an authority decides on one by one (Art 12, 13, 7, 11). */
export const APPLICATION_KINDS = [
  'INDIVIDUAL',
  'GLOBAL',
  'LARGE_PROJECT',
  'BROKERING',
  'TECHNICAL_ASSISTANCE',
  'TRANSIT',
  'INTRA_EU_TRANSFER',
] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number];

/** Why an unlisted item still needs a licence: Art 4 catch-all, Art 5 cyber-surveillance, Art 9/10 national list. */
export const CATCH_ALL_GROUNDS = ['ART4', 'ART5', 'NATIONAL'] as const;
export type CatchAllGround = (typeof CATCH_ALL_GROUNDS)[number];

/** An item is either on Annex I (normalised entry) or caught by a catch-all. */
export type ItemClassification =
  | { readonly kind: 'LISTED'; readonly controlEntry: string }
  | { readonly kind: 'NOT_LISTED'; readonly catchAllGround: CatchAllGround };

export type ExporterIdentifierScheme = 'EORI' | 'OTHER';

/**
 * Whether the exporter is a legal or a natural person (Art 2(3): "any natural or legal person").
 * It decides whether an EORI number is required (see `normaliseExporter`).
 */
export const EXPORTER_KINDS = ['LEGAL_PERSON', 'NATURAL_PERSON'] as const;
export type ExporterKind = (typeof EXPORTER_KINDS)[number];

export interface ExporterIdentifier {
  readonly scheme: ExporterIdentifierScheme;
  readonly value: string;
}

export interface Exporter {
  readonly name: string;
  readonly identifier: ExporterIdentifier;
  readonly address: string;
  /** Null when the exporter is neither resident nor established in the Union. */
  readonly memberStateOfEstablishment: MemberStateCode | null;
  /** ISO 3166-1 alpha-2; equals memberStateOfEstablishment when that is set. */
  readonly country: string;
  /** Absent on applications recorded before issue 10: read them as LEGAL_PERSON (`exporterKindOf`). */
  readonly kind?: ExporterKind;
}

export interface Party {
  readonly name: string;
  readonly address: string;
  readonly country: string;
}

export type OtherPartyRole = 'AGENT' | 'BROKER' | 'INTERMEDIATE_CONSIGNEE' | 'OTHER';

export interface OtherParty extends Party {
  readonly role: OtherPartyRole;
}

export interface ApplicationItem {
  readonly classification: ItemClassification;
  readonly description: string;
  /** Combined Nomenclature code, 8 digits. */
  readonly hsCode: string;
  readonly quantity: number;
  readonly unit: string;
  /** In the currency's major unit, at most three decimals. */
  readonly value: number;
  /** ISO 4217. */
  readonly currency: string;
  /** Null when the item is located outside the Union (e.g. brokering between third countries). */
  readonly memberStateWhereLocated: MemberStateCode | null;
  /**
   * Country of origin (Annex III-A), ISO 3166-1 alpha-2; null when not stated. Absent on applications
   * recorded before issue 10.
   */
  readonly countryOfOrigin?: string | null;
}

/** The contract the export performs (Annex III-A: "contract date", and its reference if any). */
export interface Contract {
  /** Calendar date, YYYY-MM-DD. */
  readonly date: string;
  readonly reference: string | null;
}

/** The broker (Art 2(7)) or provider of technical assistance (Art 2(9)) who provides the services. */
export interface ServiceProvider extends Party {
  /** Null when resident or established outside the Union. */
  readonly memberStateOfEstablishment: MemberStateCode | null;
}

/** Brokering services or technical assistance: who provides them and what they are. */
export interface Services {
  readonly provider: ServiceProvider;
  readonly description: string;
}

/** A transit (Art 2(11), Art 7): the way the items take and the member state they pass through. */
export interface Transit {
  /** The route in words: from where, through which places and by which means, to where. */
  readonly route: string;
  readonly memberStateOfTransit: MemberStateCode;
}

/** Annex III-A content as stored in events: normalised and validated. */
export interface ApplicationContent {
  readonly exporter: Exporter;
  readonly items: readonly ApplicationItem[];
  readonly endUser: Party;
  /** Null when the end user receives the items itself. */
  readonly consignee: Party | null;
  readonly otherParties: readonly OtherParty[];
  readonly destinationCountry: string;
  /** Reference to (or text of) the signed end-use statement. */
  readonly endUseStatement: string | null;
  readonly endUseStatementExemption: { readonly reason: string } | null;
  readonly requestedValidityMonths: number;
  /** Recorded justification for a large project beyond four years. */
  readonly validityJustification: string | null;
  readonly largeProjectName: string | null;
  readonly icpDeclared: boolean;
  readonly icpWaiverReason: string | null;
  // Annex III-A fields added with issue 10. Optional in the stored type: applications recorded before
  // have none of them and still fold (an event is never rewritten); new ones always carry them, null
  // where not stated.
  /** The intended end use of the items, in words (Art 12(4)); not the end-use statement's reference. */
  readonly endUse?: string | null;
  /** The member state where the items enter the customs export procedure (Annex III-A). */
  readonly memberStateOfCustomsExport?: MemberStateCode | null;
  readonly contract?: Contract | null;
  /** BROKERING and TECHNICAL_ASSISTANCE: the broker or provider and the services; null otherwise. */
  readonly services?: Services | null;
  /** TRANSIT: the route and the member state of transit; null otherwise. */
  readonly transit?: Transit | null;
}

export type ItemClassificationInput =
  | { readonly kind: 'LISTED'; readonly controlEntry: string }
  | { readonly kind: 'NOT_LISTED'; readonly catchAllGround: CatchAllGround };

export type ApplicationItemInput = Omit<ApplicationItem, 'memberStateWhereLocated' | 'classification'> & {
  readonly classification: ItemClassificationInput;
  readonly memberStateWhereLocated: string | null;
};

export type ServicesInput = Omit<Services, 'provider'> & {
  readonly provider: Omit<ServiceProvider, 'memberStateOfEstablishment'> & {
    readonly memberStateOfEstablishment: string | null;
  };
};

export type TransitInput = Omit<Transit, 'memberStateOfTransit'> & { readonly memberStateOfTransit: string };

export interface ContractInput {
  readonly date: string;
  readonly reference?: string | null;
}

/** Annex III-A content as it arrives: codes in any case, optional parts may be left out. */
export interface ApplicationContentInput {
  readonly exporter: Omit<Exporter, 'memberStateOfEstablishment'> & {
    readonly memberStateOfEstablishment: string | null;
  };
  readonly items: readonly ApplicationItemInput[];
  readonly endUser: Party;
  readonly consignee?: Party | null;
  readonly otherParties?: readonly OtherParty[];
  readonly destinationCountry: string;
  readonly endUseStatement?: string | null;
  readonly endUseStatementExemption?: { readonly reason: string } | null;
  readonly requestedValidityMonths: number;
  readonly validityJustification?: string | null;
  readonly largeProjectName?: string | null;
  readonly icpDeclared: boolean;
  readonly icpWaiverReason?: string | null;
  readonly endUse?: string | null;
  readonly memberStateOfCustomsExport?: string | null;
  readonly contract?: ContractInput | null;
  readonly services?: ServicesInput | null;
  readonly transit?: TransitInput | null;
}

const OTHER_PARTY_ROLES: readonly OtherPartyRole[] = ['AGENT', 'BROKER', 'INTERMEDIATE_CONSIGNEE', 'OTHER'];

/**
 * Checks the shape of every field and returns the content as stored: codes normalised, optional parts
 * made explicit nulls. Refuses with INVALID (400) naming the first field that is wrong.
 */
export function normaliseApplicationContent(input: ApplicationContentInput): ApplicationContent {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw refuse.invalid('content-shape', 'content must be an object with the Annex III-A fields');
  }
  // Input arrives from the edge; the type says array, the request may not.
  const items: readonly ApplicationItemInput[] = input.items;
  if (!isList(items)) throw refuse.invalid('items-required', 'items must be a list of items');
  if (items.length === 0) throw refuse.invalid('items-required', 'items: at least one item is required');
  return {
    exporter: normaliseExporter(input.exporter),
    items: items.map((item, index) => normaliseItem(item, `items[${index}]`)),
    endUser: normaliseParty(input.endUser, 'endUser'),
    consignee: input.consignee ? normaliseParty(input.consignee, 'consignee') : null,
    otherParties: (input.otherParties ?? []).map((party, index) =>
      normaliseOtherParty(party, `otherParties[${index}]`),
    ),
    destinationCountry: countryCode(input.destinationCountry, 'destinationCountry'),
    endUseStatement: optionalText(input.endUseStatement),
    endUseStatementExemption: normaliseExemption(input.endUseStatementExemption),
    requestedValidityMonths: positiveWholeMonths(input.requestedValidityMonths, 'requestedValidityMonths'),
    validityJustification: optionalText(input.validityJustification),
    largeProjectName: optionalText(input.largeProjectName),
    icpDeclared: input.icpDeclared === true,
    icpWaiverReason: optionalText(input.icpWaiverReason),
    endUse: optionalText(input.endUse),
    memberStateOfCustomsExport: input.memberStateOfCustomsExport
      ? memberState(input.memberStateOfCustomsExport, 'memberStateOfCustomsExport')
      : null,
    contract: input.contract ? normaliseContract(input.contract) : null,
    services: input.services ? normaliseServices(input.services) : null,
    transit: input.transit ? normaliseTransit(input.transit) : null,
  };
}

/** The exporter's kind; an application recorded before issue 10 has none and is a legal person's. */
export function exporterKindOf(exporter: Pick<Exporter, 'kind'>): ExporterKind {
  return exporter.kind ?? 'LEGAL_PERSON';
}

/** Normalises a classification: a listed entry to its stored form, a catch-all ground checked. */
export function normaliseClassification(input: ItemClassificationInput, field: string): ItemClassification {
  if (input.kind === 'LISTED') return { kind: 'LISTED', controlEntry: controlEntry(input.controlEntry, field) };
  if (!(CATCH_ALL_GROUNDS as readonly string[]).includes(input.catchAllGround)) {
    throw refuse.invalid('catch-all-ground', `${field}.catchAllGround must be one of ${CATCH_ALL_GROUNDS.join(', ')}`);
  }
  return { kind: 'NOT_LISTED', catchAllGround: input.catchAllGround };
}

/** A whole number of months, at least one. */
export function positiveWholeMonths(months: number, field: string): number {
  if (!Number.isInteger(months) || months < 1) {
    throw refuse.invalid('validity-months-format', `${field} must be a whole number of months, at least 1`);
  }
  return months;
}

function normaliseExporter(input: ApplicationContentInput['exporter']): Exporter {
  const kind = exporterKind(input.kind);
  const exporter: Exporter = {
    name: requiredText(input.name, 'exporter.name'),
    identifier: normaliseIdentifier(input.identifier),
    address: requiredText(input.address, 'exporter.address'),
    memberStateOfEstablishment: establishment(input.memberStateOfEstablishment, 'exporter'),
    country: countryCode(input.country, 'exporter.country'),
    kind,
  };
  assertEstablishmentMatchesCountry(exporter, 'exporter');
  assertEoriWhereItApplies(exporter, kind);
  return exporter;
}

// Old clients send no kind: they were written when every exporter was read as a legal person.
function exporterKind(kind: ExporterKind | undefined): ExporterKind {
  if (kind === undefined) return 'LEGAL_PERSON';
  if (!(EXPORTER_KINDS as readonly string[]).includes(kind)) {
    throw refuse.invalid('exporter-kind', `exporter.kind must be one of ${EXPORTER_KINDS.join(', ')}`);
  }
  return kind;
}

/**
 * Annex III-A box 1 asks for the exporter's EORI number "if applicable". Reading: it applies to a legal
 * person established in the Union, which must register for an EORI to lodge customs declarations
 * (Union Customs Code, Art 9); a natural person (Art 2(3)) need not have one, and an exporter
 * established outside the Union may not. Those give another identifier (scheme OTHER: a national
 * identity, tax or company number), which customs needs to recognise the licence holder.
 */
function assertEoriWhereItApplies(exporter: Exporter, kind: ExporterKind): void {
  if (kind !== 'LEGAL_PERSON' || exporter.memberStateOfEstablishment === null) return;
  if (exporter.identifier.scheme === 'EORI') return;
  throw refuse.invalid(
    'eori-required',
    'exporter.identifier.scheme must be EORI: a legal-person exporter established in the Union identifies with its EORI number (Annex III-A; a natural person or an exporter outside the Union may use OTHER)',
  );
}

function establishment(value: string | null, field: string): MemberStateCode | null {
  return value === null ? null : memberState(value, `${field}.memberStateOfEstablishment`);
}

// A member state of establishment is the party's country; a null one means a third country. A
// mismatch is a contradiction in the form, and competence hangs on this field, so refuse it.
function assertEstablishmentMatchesCountry(
  party: { readonly memberStateOfEstablishment: MemberStateCode | null; readonly country: string },
  field: string,
): void {
  const established = party.memberStateOfEstablishment;
  const countryIsMemberState = normaliseMemberState(party.country) !== undefined;
  if (established !== null ? party.country !== established : countryIsMemberState) {
    throw refuse.invalid(
      field === 'exporter' ? 'exporter-establishment-country' : 'provider-establishment-country',
      `${field}.country ${party.country} contradicts memberStateOfEstablishment ${established ?? 'null (outside the EU)'}`,
    );
  }
}

function normaliseContract(input: ContractInput): Contract {
  return { date: calendarDate(input.date, 'contract.date'), reference: optionalText(input.reference) };
}

function normaliseServices(input: ServicesInput): Services {
  const { provider } = input;
  if (typeof provider !== 'object' || provider === null) {
    throw refuse.invalid('required-field', 'services.provider is required');
  }
  const normalised: ServiceProvider = {
    ...normaliseParty(provider, 'services.provider'),
    memberStateOfEstablishment: establishment(provider.memberStateOfEstablishment, 'services.provider'),
  };
  assertEstablishmentMatchesCountry(normalised, 'services.provider');
  return { provider: normalised, description: requiredText(input.description, 'services.description') };
}

function normaliseTransit(input: TransitInput): Transit {
  return {
    route: requiredText(input.route, 'transit.route'),
    memberStateOfTransit: memberState(input.memberStateOfTransit, 'transit.memberStateOfTransit'),
  };
}

// YYYY-MM-DD and a day the calendar has (2026-02-30 is refused, not rolled over to March).
function calendarDate(value: string, field: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  const parsed = /^\d{4}-\d{2}-\d{2}$/.test(text) ? new Date(`${text}T00:00:00.000Z`) : undefined;
  if (parsed === undefined || Number.isNaN(parsed.getTime()) || parsed.toISOString().slice(0, 10) !== text) {
    throw refuse.invalid('date-format', `${field} must be a calendar date, YYYY-MM-DD`);
  }
  return text;
}

function normaliseIdentifier(input: ExporterIdentifier): ExporterIdentifier {
  const value = requiredText(input.value, 'exporter.identifier.value');
  if (input.scheme === 'OTHER') return { scheme: 'OTHER', value };
  if (input.scheme !== 'EORI')
    throw refuse.invalid('identifier-scheme', 'exporter.identifier.scheme must be EORI or OTHER');
  const eori = value.toUpperCase().replace(/\s+/g, '');
  // EORI: the issuing country's two letters, then up to 15 letters or digits.
  if (!/^[A-Z]{2}[A-Z0-9]{1,15}$/.test(eori)) {
    throw refuse.invalid('eori-format', `exporter.identifier.value '${value}' is not an EORI number`);
  }
  return { scheme: 'EORI', value: eori };
}

/** One item as an application (or a widening that adds it to a licence) states it, normalised and checked. */
export function normaliseItem(input: ApplicationItemInput, field: string): ApplicationItem {
  return {
    classification: normaliseClassification(input.classification, `${field}.classification`),
    description: requiredText(input.description, `${field}.description`),
    hsCode: hsCode(input.hsCode, `${field}.hsCode`),
    quantity: checkedAmount(input.quantity, `${field}.quantity`, { positive: true }),
    unit: requiredText(input.unit, `${field}.unit`),
    value: checkedAmount(input.value, `${field}.value`, { positive: false }),
    currency: currency(input.currency, `${field}.currency`),
    memberStateWhereLocated:
      input.memberStateWhereLocated === null
        ? null
        : memberState(input.memberStateWhereLocated, `${field}.memberStateWhereLocated`),
    countryOfOrigin: input.countryOfOrigin ? countryCode(input.countryOfOrigin, `${field}.countryOfOrigin`) : null,
  };
}

function normaliseParty(input: Party, field: string): Party {
  return {
    name: requiredText(input.name, `${field}.name`),
    address: requiredText(input.address, `${field}.address`),
    country: countryCode(input.country, `${field}.country`),
  };
}

function normaliseOtherParty(input: OtherParty, field: string): OtherParty {
  if (!OTHER_PARTY_ROLES.includes(input.role)) {
    throw refuse.invalid('party-role', `${field}.role must be one of ${OTHER_PARTY_ROLES.join(', ')}`);
  }
  return { role: input.role, ...normaliseParty(input, field) };
}

function normaliseExemption(input: { readonly reason: string } | null | undefined): { reason: string } | null {
  if (!input) return null;
  return { reason: requiredText(input.reason, 'endUseStatementExemption.reason') };
}

/** Trimmed text, or INVALID 'required-field' when missing or blank. */
export function requiredText(value: unknown, field: string): string {
  const text = typeof value === 'string' ? value.trim() : '';
  if (text === '') throw refuse.invalid('required-field', `${field} is required`);
  return text;
}

/** Trimmed text, or null when missing or blank. */
export function optionalText(value: string | null | undefined): string | null {
  const text = value?.trim() ?? '';
  return text === '' ? null : text;
}

function countryCode(value: string, field: string): string {
  const code = typeof value === 'string' ? normaliseCountryCode(value) : undefined;
  if (code === undefined) throw refuse.invalid('country-code-format', `${field} must be an ISO 3166-1 alpha-2 code`);
  return code;
}

function memberState(value: string, field: string): MemberStateCode {
  const code = typeof value === 'string' ? normaliseMemberState(value) : undefined;
  if (code === undefined) throw refuse.invalid('member-state-code', `${field} '${value}' is not an EU member state`);
  return code;
}

function controlEntry(value: string, field: string): string {
  try {
    return normaliseControlEntry(value);
  } catch (error) {
    throw refuse.invalid('control-entry-format', `${field}.controlEntry: ${(error as Error).message}`);
  }
}

// Written with spaces or dots in practice ('8471 30 00', '8471.30.00'); stored as the bare 8 digits.
function hsCode(value: string, field: string): string {
  const digits = typeof value === 'string' ? value.replace(/[\s.]/g, '') : '';
  if (!/^[0-9]{8}$/.test(digits)) throw refuse.invalid('hs-code-format', `${field} must be an 8-digit CN code`);
  return digits;
}

function currency(value: string, field: string): string {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!/^[A-Z]{3}$/.test(code)) throw refuse.invalid('currency-format', `${field} must be an ISO 4217 code`);
  return code;
}

function isList(value: unknown): boolean {
  return Array.isArray(value);
}
