import { array, boolean, enumOf, nullable, number, object, string } from './schema-builder';

// Published vocabularies are spelled out here rather than imported from libs/domain: a domain change
// must not silently change a published contract. The mappers assign domain values to these types, so a
// new domain value fails to compile until a contract version decides what to publish for it.

export const countryCode = (description = 'ISO 3166-1 alpha-2 country code.') =>
  string({ pattern: '^[A-Z]{2}$', description });

export const memberStateCode = (description = 'ISO 3166-1 alpha-2 code of an EU member state (Greece is GR).') =>
  string({ pattern: '^[A-Z]{2}$', description });

export const memberStateList = (description: string) => array(memberStateCode(), { description, uniqueItems: true });

export const calendarDate = (description: string) => string({ format: 'date', description });

export const instant = (description: string) => string({ format: 'date-time', description });

export const identifier = (description: string) => string({ minLength: 1, description });

export const text = (description: string) => string({ minLength: 1, description });

/** A quantity or value in major units, at most three decimals. */
export const amount = (description: string) => number({ minimum: 0, description });

export const currencyCode = () => string({ pattern: '^[A-Z]{3}$', description: 'ISO 4217 currency code.' });

export const controlEntry = () =>
  nullable(string({ pattern: '^[0-9][A-E][0-9]{3}(\\.[a-z0-9]+)*$' }), {
    description: 'Normalised Annex I control list entry such as 5A001.j; null for an item that is not listed.',
  });

export const catchAllGround = () =>
  nullable(enumOf(['ART4', 'ART5', 'NATIONAL']), {
    description:
      'Why an unlisted item needs a licence: Art 4 catch-all, Art 5 cyber-surveillance, Art 9/10 national list; null when listed.',
  });

export const hsCode = () => string({ pattern: '^[0-9]{8}$', description: 'Combined Nomenclature code, 8 digits.' });

export const applicationKind = () =>
  enumOf(
    ['INDIVIDUAL', 'GLOBAL', 'LARGE_PROJECT', 'BROKERING', 'TECHNICAL_ASSISTANCE', 'TRANSIT', 'INTRA_EU_TRANSFER'],
    { description: 'Kind of authorisation (Art 12, 13, 7, 11).' },
  );

export const art15Grounds = (description: string) =>
  array(
    enumOf([
      'NON_PROLIFERATION',
      'SANCTIONS',
      'FOREIGN_AND_SECURITY_POLICY',
      'HUMAN_RIGHTS',
      'END_USE_AND_DIVERSION',
      'INTERNAL_COMPLIANCE_PROGRAMME',
    ]),
    { description, uniqueItems: true },
  );

export const licenceStatus = () =>
  enumOf(['ACTIVE', 'SUSPENDED', 'REVOKED', 'ANNULLED', 'EXPIRED'], {
    description: 'The licence status after the change. Only an ACTIVE licence may be used.',
  });

/** A party as another authority needs it to recognise a transaction (Art 2(22)): name, address, country. */
export const party = (description: string) =>
  object(
    {
      name: text('Name as on the application.'),
      address: text('Address as on the application.'),
      country: countryCode(),
    },
    {},
    { description },
  );

/** Who an authorities message is addressed to (Art 16: the other member states and the Commission). */
export const recipients = () =>
  object(
    {
      memberStates: memberStateList('Member states the message is addressed to.'),
      commission: boolean({ description: 'True when the Commission is an addressee.' }),
    },
    {},
    { description: 'Addressees; a gateway serving one member state filters on this.' },
  );

/**
 * An item as another authority needs it to recognise an essentially identical transaction: the
 * control entry (or catch-all ground), the technical description and the CN code.
 */
export const notifiedItemShape = () => ({
  controlEntry: controlEntry(),
  catchAllGround: catchAllGround(),
  description: text('Technical description of the item.'),
  hsCode: hsCode(),
});

export const notifiedItem = () => object(notifiedItemShape());
