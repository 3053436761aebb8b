/**
 * Which stored fields hold personal data of natural persons: the one list the crypto-shredding store
 * wrapper, the docs (docs/reliability.md, "Personal data") and the tests use.
 *
 * A reading of GDPR Art 4(1) and Art 17 together with Regulation (EU) 2021/821 Art 27: an exporter,
 * end user, consignee or other party (agent, broker, intermediate consignee) may be a natural person
 * (a sole trader, an individual end user, a named contact). The Annex III-A content does not say
 * which parties are natural persons, and a name alone cannot tell a sole trader from a company, so
 * every party's name and address, and the exporter's identifier value (an EORI of a sole trader
 * identifies a person), are treated as personal data and encrypted with a key per data subject.
 * Country codes, goods, values and control entries are not personal data and stay in clear: the
 * Art 26 report and the denial screening's destination and goods checks need them after an erasure.
 *
 * Not shredded, also a reading: the actors in event metadata (officials' user ids at the identity
 * provider). They are pseudonymous identifiers, and who decided is the evidence Art 27 record-keeping
 * and four-eyes review rely on, so GDPR Art 17(3)(b) (legal obligation) exempts them from erasure.
 */

/** Keys under which a party object sits, at any depth of an event's data (content, packets, denials, licences). */
export const PARTY_KEYS = ['exporter', 'holder', 'endUser', 'consignee', 'otherParties', 'party', 'provider'] as const;

/** The personal-data fields of a party object, as paths inside it. */
export const PARTY_PERSONAL_FIELDS: readonly (readonly string[])[] = [['name'], ['address'], ['identifier', 'value']];

/**
 * Where these parties occur in events today (documentation; the walk below finds them wherever they
 * sit, so a new event type carrying a party is covered without editing this list).
 */
export const PERSONAL_DATA_FIELDS: readonly string[] = [
  'ApplicationSubmitted / ApplicationAmended: content.exporter.{name,address,identifier.value}',
  'ApplicationSubmitted / ApplicationAmended: content.endUser.{name,address}, content.consignee.{name,address}',
  'ApplicationSubmitted / ApplicationAmended: content.otherParties[].{name,address}',
  'ApplicationSubmitted / ApplicationAmended: content.services.provider.{name,address} (broker or provider, issue 10)',
  'LicenceIssued (and licence snapshots): holder.{name,address,identifier.value}, endUser, consignee as above',
  'Screening results carried in events: party.{name,address}',
  'ConsultationOpened: packet.exporter, packet.endUser, packet.consignee, packet.otherParties, packet.services.provider as above',
  'DenialNotified / DenialAmended: endUser.{name,address}, consignee.{name,address}',
];

/** What an erased field reads as, everywhere: read models, reports, stream messages. */
export const ERASED_MARKER = '[erased]';

export interface PersonalDataField {
  /** Path from the event's data to the field, e.g. ['content', 'endUser', 'name']. */
  readonly path: readonly (string | number)[];
  readonly value: string;
  /**
   * What identifies the data subject the field is about: the party's normalised name and country.
   * The same person across applications shares one key, so one erasure reaches every copy.
   */
  readonly subject: string;
}

/** The subject basis of a party: case-, accent- and spacing-insensitive name, and its country. */
export function partySubject(name: string, country: string | undefined): string {
  const normalised = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return `party:${normalised}|${(country ?? '').toUpperCase()}`;
}

/** Every personal-data field in an event's data, with the subject it belongs to. */
export function findPersonalData(data: unknown): PersonalDataField[] {
  const found: PersonalDataField[] = [];
  walk(data, [], found);
  return found;
}

function walk(value: unknown, path: (string | number)[], found: PersonalDataField[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => walk(item, [...path, index], found));
    return;
  }
  if (typeof value !== 'object' || value === null) return;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    if ((PARTY_KEYS as readonly string[]).includes(key)) {
      const parties: { party: unknown; at: (string | number)[] }[] = Array.isArray(child)
        ? (child as unknown[]).map((party, index) => ({ party, at: [...path, key, index] }))
        : [{ party: child, at: [...path, key] }];
      for (const { party, at } of parties) collectParty(party, at, found);
    } else {
      walk(child, [...path, key], found);
    }
  }
}

function collectParty(party: unknown, at: (string | number)[], found: PersonalDataField[]): void {
  if (typeof party !== 'object' || party === null) return;
  const record = party as Record<string, unknown>;
  if (typeof record['name'] !== 'string') return;
  const subject = partySubject(record['name'], typeof record['country'] === 'string' ? record['country'] : undefined);
  for (const field of PARTY_PERSONAL_FIELDS) {
    let current: unknown = record;
    for (const step of field)
      current =
        typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[step] : undefined;
    if (typeof current === 'string') found.push({ path: [...at, ...field], value: current, subject });
  }
}
