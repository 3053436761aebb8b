import { identifier, instant, memberStateCode, text } from './common.schemas';
import type { Infer } from './schema-builder';
import { enumOf, nullable, object } from './schema-builder';

// What customs needs to accept or stop a declaration that names a general authorisation (EU001-EU008
// or a national one): who may use which authorisation, with which authority, and whether the right
// stands now. Like the licence messages, each carries the whole registration after the change, so the
// topic can be compacted to the latest message per registration. Uses are not published: customs
// holds the declarations they come from.

export const customsRegistrationSchema = object(
  {
    registrationId: identifier('Registration id, also the Kafka key and the CloudEvents subject.'),
    authorisation: text('EU001-EU008, or a national code prefixed with its member state (DE-AGG12).'),
    authorisationKind: enumOf(['UNION', 'NATIONAL'], {
      description: 'Union (Annex II) or national general authorisation.',
    }),
    memberState: memberStateCode('Member state whose authority holds the registration.'),
    exporter: object(
      {
        name: text('Exporter name.'),
        identifier: object(
          {
            scheme: enumOf(['EORI', 'OTHER'], { description: 'EORI for Union operators.' }),
            value: text('The identifier, e.g. the EORI number.'),
          },
          {},
        ),
      },
      {},
      { description: 'The exporter who uses the authorisation.' },
    ),
    status: enumOf(['ACTIVE', 'REFUSED', 'SUSPENDED', 'WITHDRAWN'], {
      description:
        'ACTIVE: may use the authorisation. SUSPENDED: not until reinstated. REFUSED, WITHDRAWN: not at all.',
    }),
  },
  {},
  { description: 'The registration as it stands after the change.' },
);
export type CustomsRegistrationV1 = Infer<typeof customsRegistrationSchema>;

export const generalAuthorisationRegistrationChangedV1Schema = object({
  registration: customsRegistrationSchema,
  change: enumOf(['REGISTERED', 'FIRST_USE_NOTIFIED', 'REFUSED', 'SUSPENDED', 'REINSTATED', 'WITHDRAWN'], {
    description: 'What happened to the registration.',
  }),
  reason: nullable(text('The authority’s reason.'), { description: 'Why; null for a registration or first use.' }),
  effectiveAt: instant('When the change took effect.'),
});
export type GeneralAuthorisationRegistrationChangedV1 = Infer<typeof generalAuthorisationRegistrationChangedV1Schema>;
