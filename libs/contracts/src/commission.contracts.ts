import {
  amount,
  applicationKind,
  art15Grounds,
  calendarDate,
  catchAllGround,
  controlEntry,
  countryCode,
  currencyCode,
  identifier,
  licenceStatus,
  memberStateCode,
} from './common.schemas';
import type { Infer } from './schema-builder';
import { array, boolean, enumOf, object } from './schema-builder';

// Statistics-grade contracts for the Commission's Art 26 report: every message carries the dimensions
// the report groups by (member state, kind, destination, control entry, cyber-surveillance, value), so a
// consumer aggregates without joins. No exporter, end user, consignee, actor, reasoning or free text.
// Case ids are opaque; they let a consumer count each case once and follow it to its decision.

const statisticalItem = object(
  {
    controlEntry: controlEntry(),
    catchAllGround: catchAllGround(),
    cyberSurveillance: boolean({
      description: 'True for a cyber-surveillance item (Art 2(20)): a flagged Annex I entry or an Art 5 catch-all.',
    }),
    value: amount('Value of the item, in `currency`.'),
    currency: currencyCode(),
  },
  {},
  { description: 'An item as the report counts it.' },
);

const statisticalItems = () => array(statisticalItem, { minItems: 1 });

const cyberSurveillance = () =>
  boolean({ description: 'True when at least one item is a cyber-surveillance item (the Art 26(2) table).' });

export const applicationReceivedV1Schema = object({
  applicationId: identifier('Opaque application id.'),
  memberState: memberStateCode('Member state whose authority received the application.'),
  kind: applicationKind(),
  destinationCountry: countryCode('Country of final destination.'),
  items: statisticalItems(),
  cyberSurveillance: cyberSurveillance(),
  receivedOn: calendarDate('Date the application was registered (UTC).'),
});
export type ApplicationReceivedV1 = Infer<typeof applicationReceivedV1Schema>;

export const decisionIssuedV1Schema = object({
  applicationId: identifier('Opaque application id.'),
  memberState: memberStateCode('Member state whose authority decided.'),
  kind: applicationKind(),
  outcome: enumOf(['GRANT', 'GRANT_WITH_CONDITIONS', 'DENY']),
  art15Grounds: art15Grounds('Art 15 considerations the decision rests on; at least one for a denial.'),
  destinationCountry: countryCode('Country of final destination.'),
  items: statisticalItems(),
  cyberSurveillance: cyberSurveillance(),
  receivedOn: calendarDate('Date the application was registered (UTC).'),
  decidedOn: calendarDate('Date the decision was issued (UTC).'),
});
export type DecisionIssuedV1 = Infer<typeof decisionIssuedV1Schema>;

export const licenceLifecycleV1Schema = object({
  licenceId: identifier('Opaque licence id.'),
  applicationId: identifier('Opaque id of the application the licence was granted on.'),
  memberState: memberStateCode('Member state whose authority issued the licence.'),
  kind: applicationKind(),
  change: enumOf(['ISSUED', 'AMENDED', 'SUSPENDED', 'REINSTATED', 'ANNULLED', 'REVOKED', 'EXPIRED'], {
    description: 'What happened to the licence.',
  }),
  status: licenceStatus(),
  substantialLimitation: boolean({ description: 'True for an amendment that substantially limits the licence.' }),
  destinationCountry: countryCode('Country of final destination.'),
  items: array(statisticalItem, {
    minItems: 1,
    description: 'Licensed items with their licensed value after the change.',
  }),
  cyberSurveillance: cyberSurveillance(),
  effectiveOn: calendarDate('Date the change took effect (UTC).'),
});
export type LicenceLifecycleV1 = Infer<typeof licenceLifecycleV1Schema>;
