import {
  amount,
  applicationKind,
  catchAllGround,
  controlEntry,
  countryCode,
  currencyCode,
  hsCode,
  identifier,
  instant,
  licenceStatus,
  memberStateCode,
  text,
} from './common.schemas';
import type { Infer } from './schema-builder';
import { array, boolean, enumOf, integer, nullable, object } from './schema-builder';

// Customs contracts carry what a customs office needs to accept or stop an export declaration, and
// nothing of the applicant's case: no risk flags, caseworker notes, reasoning, end-use statement,
// addresses or actors. Every message carries the whole licence as it stands after the change, so each
// message is useful alone and the topic can be compacted to the latest message per licence.

const licensedItem = object(
  {
    line: integer({ minimum: 0, description: 'Position of the item on the licence, from 0; usage lines refer to it.' }),
    controlEntry: controlEntry(),
    catchAllGround: catchAllGround(),
    description: text('Description of the item.'),
    hsCode: hsCode(),
    quantity: amount('Licensed quantity, in `unit`.'),
    unit: text('Unit of the quantity, e.g. pcs or kg.'),
    value: amount('Licensed value, in `currency`.'),
    currency: currencyCode(),
    usedQuantity: amount('Quantity written off against the licence so far.'),
    usedValue: amount('Value written off against the licence so far, in `currency`.'),
    memberStateWhereLocated: nullable(memberStateCode(), {
      description: 'Member state where the item is located; null when outside the Union.',
    }),
  },
  {},
  { description: 'A licensed item with what has been used against it.' },
);

const tradeParty = (description: string) =>
  object({ name: text('Name as on the licence.'), country: countryCode() }, {}, { description });

/** The licence as customs sees it, after the change a message reports. */
export const customsLicenceSchema = object(
  {
    licenceId: identifier('Licence id, also the Kafka key and the CloudEvents subject (licences/{licenceId}).'),
    issuingMemberState: memberStateCode('Member state whose authority issued the licence.'),
    kind: applicationKind(),
    status: licenceStatus(),
    holder: object(
      {
        name: text('Exporter (licence holder) name.'),
        identifier: object(
          {
            scheme: enumOf(['EORI', 'OTHER'], { description: 'EORI for Union operators.' }),
            value: text('The identifier, e.g. the EORI number.'),
          },
          {},
        ),
        country: countryCode('Country where the holder is established.'),
      },
      {},
      { description: 'The licence holder.' },
    ),
    items: array(licensedItem, { minItems: 1 }),
    destinationCountry: countryCode('Country of final destination.'),
    endUser: tradeParty('End user.'),
    consignee: nullable(tradeParty('Consignee.'), {
      description: 'Consignee; null when the end user receives the items.',
    }),
    validFrom: instant('Valid from this instant.'),
    validUntil: instant('Valid until this instant (excluded).'),
    conditions: array(text('A condition.'), { description: 'Conditions attached to the licence.' }),
  },
  {},
  { description: 'The licence as it stands after the change.' },
);
export type CustomsLicenceV1 = Infer<typeof customsLicenceSchema>;

const effectiveAt = (description: string) => instant(description);

export const licenceIssuedV1Schema = object({
  licence: customsLicenceSchema,
  effectiveAt: effectiveAt('When the licence takes effect (its validFrom).'),
});
export type LicenceIssuedV1 = Infer<typeof licenceIssuedV1Schema>;

export const licenceAmendedV1Schema = object({
  licence: customsLicenceSchema,
  reason: text('Why the licence was amended.'),
  substantialLimitation: boolean({
    description: 'True when the amendment substantially limits the licence (also notified under Art 16).',
  }),
  effectiveAt: effectiveAt('When the amendment took effect.'),
});
export type LicenceAmendedV1 = Infer<typeof licenceAmendedV1Schema>;

export const licenceSuspendedV1Schema = object({
  licence: customsLicenceSchema,
  reason: text('Why the licence was suspended.'),
  effectiveAt: effectiveAt('When the suspension took effect.'),
});
export type LicenceSuspendedV1 = Infer<typeof licenceSuspendedV1Schema>;

export const licenceReinstatedV1Schema = object({
  licence: customsLicenceSchema,
  effectiveAt: effectiveAt('When the licence became usable again.'),
});
export type LicenceReinstatedV1 = Infer<typeof licenceReinstatedV1Schema>;

export const licenceRevokedV1Schema = object({
  licence: customsLicenceSchema,
  reason: text('Why the licence was revoked.'),
  effectiveAt: effectiveAt('When the revocation took effect.'),
});
export type LicenceRevokedV1 = Infer<typeof licenceRevokedV1Schema>;

export const licenceAnnulledV1Schema = object({
  licence: customsLicenceSchema,
  reason: text('Why the licence was annulled.'),
  effectiveAt: effectiveAt('When the annulment took effect.'),
});
export type LicenceAnnulledV1 = Infer<typeof licenceAnnulledV1Schema>;

export const licenceExpiredV1Schema = object({
  licence: customsLicenceSchema,
  effectiveAt: effectiveAt('When the licence ceased to be valid (its validUntil).'),
});
export type LicenceExpiredV1 = Infer<typeof licenceExpiredV1Schema>;

export const licenceUsageRecordedV1Schema = object({
  licence: customsLicenceSchema,
  usage: object(
    {
      usageId: identifier('Id of the usage record.'),
      customsOffice: text('Customs office reference number, e.g. DE004852.'),
      declarationReference: text('Movement reference number (MRN) of the export declaration.'),
      lines: array(
        object({
          line: integer({ minimum: 0, description: 'The licensed item written off (its `line`).' }),
          quantity: amount('Quantity written off.'),
          value: amount('Value written off, in `currency`.'),
          currency: currencyCode(),
        }),
        { minItems: 1 },
      ),
    },
    {},
    { description: 'What this declaration wrote off; `licence.items[].used*` already include it.' },
  ),
  effectiveAt: effectiveAt('When the usage was recorded.'),
});
export type LicenceUsageRecordedV1 = Infer<typeof licenceUsageRecordedV1Schema>;
