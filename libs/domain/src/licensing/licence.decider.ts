import type { CommandMetadata, Decider } from '../decider';
import { assertNever } from '../decider';
import { refuse } from '../refusals';
import { grantDespiteDenialNotification } from '../denials/grant-despite-denial';
import { sameSubject } from '../identity/subject.rules';
import type { MemberStateCode } from '../reference/member-states';
import { normaliseMemberState } from '../reference/member-states';
import { addAmounts, checkedAmount, exceeds } from './amounts';
import type { ApplicationItem, ApplicationItemInput, ApplicationKind, Exporter, Party } from './application.content';
import { normaliseItem, optionalText, positiveWholeMonths, requiredText } from './application.content';
import type { Art15Ground, Art16Notification, Art16NotificationKind } from './art16-notification';
import { ART15_GROUNDS, art16Notification } from './art16-notification';
import {
  assertNoBindingObjection,
  assertNoBlockingConsultationOpen,
  checkedConsultationStatus,
  checkedDecisionTerms,
  checkedPriorDenials,
  isGrant,
} from './decision.rules';
import type {
  AmendLicence,
  AnnulLicence,
  DecideLicenceAmendment,
  ExpireLicence,
  IssueLicence,
  LicenceCommand,
  RecordLicenceUsage,
  ReinstateLicence,
  RevokeLicence,
  SuspendLicence,
} from './licence.commands';
import type {
  ItemLimit,
  LicenceAmendmentProposed,
  LicenceEvent,
  LicenceIssued,
  UsageLine,
  WideningDenialMatch,
} from './licence.events';
import { addCalendarMonths, assertValidityWithinLimit, DEFAULT_VALIDITY_CAPS } from './validity';

export type LicenceStatus = 'ACTIVE' | 'SUSPENDED' | 'REVOKED' | 'ANNULLED' | 'EXPIRED';

/** A licensed item with what has been used against it so far. */
export interface LicensedItem extends ApplicationItem {
  readonly usedQuantity: number;
  readonly usedValue: number;
}

export interface Licence {
  readonly status: LicenceStatus;
  readonly licenceId: string;
  readonly applicationId: string;
  readonly kind: ApplicationKind;
  readonly issuingMemberState: MemberStateCode;
  readonly holder: Exporter;
  readonly items: readonly LicensedItem[];
  readonly destinationCountry: string;
  readonly endUser: Party;
  readonly consignee: Party | null;
  readonly conditions: readonly string[];
  readonly validityMonths: number;
  readonly validityJustification: string | null;
  readonly validFrom: string;
  readonly validUntil: string;
  readonly usageIds: readonly string[];
  /** Every declaration (MRN) written off, per item: one declaration is written off once per licence item. */
  readonly writeOffs: readonly WriteOff[];
  /** A widening proposed and not yet decided (absent in licences folded before widenings existed). */
  readonly pendingAmendment?: PendingAmendment | null;
}

/** A proposed widening awaiting another official's decision. */
export type PendingAmendment = LicenceAmendmentProposed['data'];

/** One customs declaration written off against one item of the licence. */
export interface WriteOff {
  readonly declarationReference: string;
  readonly itemIndex: number;
  readonly usageId: string;
  readonly recordedAt: string;
}

export type LicenceState = { readonly status: 'NONE' } | Licence;

/** Statuses from which a licence can still be amended, suspended, annulled or revoked. */
const LIVE_STATUSES: readonly LicenceStatus[] = ['ACTIVE', 'SUSPENDED'];

/** The Licence decider: issued from a grant, then amended, suspended, ended, and used by customs. */
export const licenceDecider: Decider<LicenceCommand, LicenceEvent, LicenceState> = {
  initialState: () => ({ status: 'NONE' }),
  evolve: evolveLicence,
  decide: decideLicence,
};

export function decideLicence(command: LicenceCommand, state: LicenceState): readonly LicenceEvent[] {
  switch (command.type) {
    case 'IssueLicence':
      return issue(command, state);
    case 'AmendLicence':
      return amend(command, state);
    case 'DecideLicenceAmendment':
      return decideAmendment(command, state);
    case 'SuspendLicence':
      return suspend(command, state);
    case 'ReinstateLicence':
      return reinstate(command, state);
    case 'AnnulLicence':
      return annul(command, state);
    case 'RevokeLicence':
      return revoke(command, state);
    case 'ExpireLicence':
      return expire(command, state);
    case 'RecordLicenceUsage':
      return recordUsage(command, state);
    default:
      return assertNever(command, 'licence command');
  }
}

function issue({ data, metadata }: IssueLicence, state: LicenceState): readonly LicenceEvent[] {
  if (state.status !== 'NONE') throw refuse.conflict('licence-exists', 'this licence is already issued');
  const issuingMemberState = issuingAuthority(data.issuingMemberState, metadata);
  if (!isGrant(data.decision.outcome)) {
    throw refuse.ruleViolated('licence-needs-grant', 'a licence is issued only on a grant');
  }
  const terms = checkedDecisionTerms(data.decision);
  const validityMonths = positiveWholeMonths(data.decision.validityMonths, 'decision.validityMonths');
  // The cap is the member state's setting as the decision recorded it, so a licence follows its grant.
  const cap = data.decision.validityCapMonths;
  const caps = typeof cap === 'number' ? { ...DEFAULT_VALIDITY_CAPS, [data.kind]: cap } : DEFAULT_VALIDITY_CAPS;
  assertValidityWithinLimit(data.kind, validityMonths, data.decision.validityJustification, caps);
  if (data.items.length === 0) throw refuse.invalid('items-required', 'a licence covers at least one item');
  return [
    {
      type: 'LicenceIssued',
      data: {
        licenceId: requiredText(data.licenceId, 'licenceId'),
        applicationId: requiredText(data.applicationId, 'applicationId'),
        kind: data.kind,
        issuingMemberState,
        holder: data.holder,
        items: data.items,
        destinationCountry: data.destinationCountry,
        endUser: data.endUser,
        consignee: data.consignee,
        conditions: terms.conditions,
        art15Grounds: terms.art15Grounds,
        validityMonths,
        validityJustification: data.decision.validityJustification,
        validFrom: metadata.now.toISOString(),
        validUntil: addCalendarMonths(metadata.now, validityMonths).toISOString(),
        decisionIssuedBy: data.decision.issuedBy,
        issuedBy: metadata.actor,
      },
    },
  ];
}

function amend({ data, metadata }: AmendLicence, state: LicenceState): readonly LicenceEvent[] {
  const licence = liveLicence(state, metadata, 'amended');
  const reason = requiredText(data.reason, 'reason');
  if (
    data.conditions === undefined &&
    data.validityMonths === undefined &&
    data.itemLimits === undefined &&
    (data.addedItems === undefined || data.addedItems.length === 0)
  ) {
    throw refuse.invalid('nothing-to-amend', 'give new conditions, validityMonths, itemLimits or addedItems');
  }
  assertNoPendingAmendment(licence);
  const validityMonths = amendedValidity(licence, data.validityMonths, metadata.now);
  const itemLimits = amendedItemLimits(licence, data.itemLimits);
  const addedItems = checkedAddedItems(data.addedItems);
  const amended: Licence = {
    ...licence,
    conditions: cleanConditions(data.conditions ?? licence.conditions),
    validityMonths,
    validUntil: validUntilOf(licence, validityMonths),
    items: licence.items.map((item, index) => ({ ...item, ...itemLimits[index] })),
  };
  const widened = wideningOf(licence, validityMonths, itemLimits, addedItems);
  if (widened.length > 0) return proposeWidening(data, amended, itemLimits, addedItems, widened, reason, metadata);
  const notification = data.substantialLimitation
    ? notificationFor('SUBSTANTIAL_LIMITATION', amended, knownGrounds(data.grounds), reason, metadata)
    : null;
  return [
    {
      type: 'LicenceAmended',
      data: {
        reason,
        conditions: amended.conditions,
        validityMonths,
        validUntil: amended.validUntil,
        itemLimits,
        substantialLimitation: data.substantialLimitation,
        notification,
        amendedBy: metadata.actor,
        amendedAt: metadata.now.toISOString(),
      },
    },
  ];
}

function suspend({ data, metadata }: SuspendLicence, state: LicenceState): readonly LicenceEvent[] {
  const licence = liveLicence(state, metadata, 'suspended');
  if (licence.status === 'SUSPENDED') throw refuse.conflict('licence-suspended', 'the licence is already suspended');
  const reason = requiredText(data.reason, 'reason');
  const grounds = knownGrounds(data.grounds);
  return [
    {
      type: 'LicenceSuspended',
      data: {
        reason,
        grounds,
        notification: notificationFor('SUSPENSION', licence, grounds, reason, metadata),
        suspendedBy: metadata.actor,
        suspendedAt: metadata.now.toISOString(),
      },
    },
  ];
}

function reinstate({ data, metadata }: ReinstateLicence, state: LicenceState): readonly LicenceEvent[] {
  const licence = liveLicence(state, metadata, 'reinstated');
  if (licence.status !== 'SUSPENDED')
    throw refuse.conflict('licence-not-suspended', 'only a suspended licence is reinstated');
  const finalAssessment = requiredText(data.finalAssessment, 'finalAssessment');
  return [
    {
      type: 'LicenceReinstated',
      data: {
        finalAssessment,
        notification: notificationFor('FINAL_ASSESSMENT', licence, [], finalAssessment, metadata),
        reinstatedBy: metadata.actor,
        reinstatedAt: metadata.now.toISOString(),
      },
    },
  ];
}

function annul({ data, metadata }: AnnulLicence, state: LicenceState): readonly LicenceEvent[] {
  const licence = liveLicence(state, metadata, 'annulled');
  const reason = requiredText(data.reason, 'reason');
  const grounds = knownGrounds(data.grounds);
  return [
    {
      type: 'LicenceAnnulled',
      data: {
        reason,
        grounds,
        notification: notificationFor('ANNULMENT', licence, grounds, reason, metadata),
        annulledBy: metadata.actor,
        annulledAt: metadata.now.toISOString(),
      },
    },
  ];
}

function revoke({ data, metadata }: RevokeLicence, state: LicenceState): readonly LicenceEvent[] {
  const licence = liveLicence(state, metadata, 'revoked');
  const reason = requiredText(data.reason, 'reason');
  const grounds = knownGrounds(data.grounds);
  return [
    {
      type: 'LicenceRevoked',
      data: {
        reason,
        grounds,
        notification: notificationFor('REVOCATION', licence, grounds, reason, metadata),
        revokedBy: metadata.actor,
        revokedAt: metadata.now.toISOString(),
      },
    },
  ];
}

function expire({ metadata }: ExpireLicence, state: LicenceState): readonly LicenceEvent[] {
  const licence = existingLicence(state);
  // A timer may fire twice or after the licence ended otherwise: there is nothing left to expire.
  if (!LIVE_STATUSES.includes(licence.status)) return [];
  if (metadata.now.getTime() < Date.parse(licence.validUntil)) {
    throw refuse.ruleViolated('licence-not-yet-expired', `the licence is valid until ${licence.validUntil}`);
  }
  return [{ type: 'LicenceExpired', data: { validUntil: licence.validUntil, expiredAt: metadata.now.toISOString() } }];
}

function recordUsage({ data, metadata }: RecordLicenceUsage, state: LicenceState): readonly LicenceEvent[] {
  const licence = existingLicence(state);
  assertUsable(licence, metadata.now);
  const usageId = requiredText(data.usageId, 'usageId');
  if (licence.usageIds.includes(usageId)) {
    throw refuse.conflict('usage-already-recorded', `usage ${usageId} is already recorded`);
  }
  const lines = checkedUsageLines(licence, data.lines);
  const mrn = declarationReference(data.declarationReference);
  lines.forEach((line) => assertNotWrittenOff(licence, mrn, line.itemIndex));
  lines.forEach((line) => assertWithinLicensedAmounts(licence, line));
  return [
    {
      type: 'LicenceUsageRecorded',
      data: {
        usageId,
        customsOffice: customsOffice(data.customsOffice),
        declarationReference: mrn,
        lines,
        recordedBy: metadata.actor,
        recordedAt: metadata.now.toISOString(),
      },
    },
  ];
}

// ---- amendment ----

function amendedValidity(licence: Licence, months: number | undefined, now: Date): number {
  if (months === undefined) return licence.validityMonths;
  const validity = positiveWholeMonths(months, 'validityMonths');
  // The issue's justification covered the term then granted, not a later extension.
  assertValidityWithinLimit(licence.kind, validity, null);
  if (Date.parse(validUntilOf(licence, validity)) <= now.getTime()) {
    throw refuse.ruleViolated('validity-ends-in-past', 'the amended validity would already have ended; revoke instead');
  }
  return validity;
}

/**
 * A widening (longer validity, more quantity or value on any item, an item added) grants what was
 * never assessed. Reading of Art 12 and Art 14-16: it is a new authorisation decision, so it is a new
 * assessment: proposed by one official, decided by another (four-eyes), screened against the denial
 * register right before the decision, with the Art 14(1) and Art 16 consultations the widened licence
 * needs (the consultation context opens them on the proposal and again before the decision; the
 * decision waits for them as an application's does). Another destination, end user or consignee is
 * another transaction, not a widening of this one: a new application. A narrowing stays an
 * amendment, notified when substantial (Art 16).
 */
function wideningOf(
  licence: Licence,
  validityMonths: number,
  limits: readonly ItemLimit[],
  addedItems: readonly ApplicationItem[],
): readonly string[] {
  const widened: string[] = [];
  if (validityMonths > licence.validityMonths)
    widened.push(`validity ${licence.validityMonths} → ${validityMonths} months`);
  limits.forEach((limit, index) => {
    const item = licence.items[index] as LicensedItem;
    if (exceeds(limit.quantity, item.quantity))
      widened.push(`items[${index}].quantity ${item.quantity} → ${limit.quantity}`);
    if (exceeds(limit.value, item.value)) widened.push(`items[${index}].value ${item.value} → ${limit.value}`);
  });
  addedItems.forEach((item, offset) => {
    const entry = item.classification.kind === 'LISTED' ? item.classification.controlEntry : 'not listed';
    widened.push(`items[${licence.items.length + offset}] added (${entry}, ${item.quantity} ${item.unit})`);
  });
  return widened;
}

/** Added items are checked as an application's items are; none when left out. */
function checkedAddedItems(items: readonly ApplicationItemInput[] | undefined): readonly ApplicationItem[] {
  return (items ?? []).map((item, offset) => normaliseItem(item, `addedItems[${offset}]`));
}

/**
 * The licence as it would be if its pending widening were approved: what the widening's consultations
 * and screening assess (Art 14(1), Art 16). Null when no widening is pending.
 */
export function widenedLicence(licence: Licence): Licence | null {
  const pending = licence.pendingAmendment ?? null;
  if (pending === null) return null;
  return {
    ...licence,
    conditions: pending.conditions,
    validityMonths: pending.validityMonths,
    validUntil: pending.validUntil,
    items: [
      ...licence.items.map((item, index) => ({ ...item, ...pending.itemLimits[index] })),
      ...(pending.addedItems ?? []).map((item) => ({ ...item, usedQuantity: 0, usedValue: 0 })),
    ],
  };
}

function proposeWidening(
  data: AmendLicence['data'],
  amended: Licence,
  itemLimits: readonly ItemLimit[],
  addedItems: readonly ApplicationItem[],
  widened: readonly string[],
  reason: string,
  metadata: CommandMetadata,
): readonly LicenceEvent[] {
  if (data.substantialLimitation) {
    throw refuse.ruleViolated(
      'widening-is-not-a-limitation',
      `this amendment widens the licence (${widened.join(', ')}): it cannot be notified as a substantial limitation; send the limitation and the widening apart`,
    );
  }
  // The consultations the widened licence needs are opened by the consultation context on this event.
  return [
    {
      type: 'LicenceAmendmentProposed',
      data: {
        amendmentId: requiredText(data.amendmentId ?? '', 'amendmentId'),
        reason,
        conditions: amended.conditions,
        validityMonths: amended.validityMonths,
        validUntil: amended.validUntil,
        itemLimits,
        ...(addedItems.length > 0 && { addedItems }),
        widened,
        proposedBy: metadata.actor,
        proposedAt: metadata.now.toISOString(),
      },
    },
  ];
}

function assertNoPendingAmendment(licence: Licence): void {
  const pending = licence.pendingAmendment ?? null;
  if (pending === null) return;
  throw refuse.conflict(
    'amendment-pending',
    `widening ${pending.amendmentId} proposed by ${pending.proposedBy} at ${pending.proposedAt} awaits a decision: approve or refuse it first`,
  );
}

function decideAmendment({ data, metadata }: DecideLicenceAmendment, state: LicenceState): readonly LicenceEvent[] {
  const licence = liveLicence(state, metadata, 'amended');
  const pending = licence.pendingAmendment ?? null;
  if (pending === null || pending.amendmentId !== data.amendmentId) {
    throw refuse.conflict(
      'no-pending-amendment',
      `no widening ${String(data.amendmentId)} awaits a decision on this licence`,
    );
  }
  // Four-eyes, with the subjects compared as for an application's decision (NFKC, case folded).
  if (sameSubject(metadata.actor, pending.proposedBy)) {
    throw refuse.forbidden('four-eyes', 'the official who decides a widening must not be the one who proposed it');
  }
  const reasons = requiredText(data.reasons, 'reasons');
  const decidedAt = metadata.now.toISOString();
  if (data.outcome === 'REFUSE') {
    return [
      {
        type: 'LicenceAmendmentRefused',
        data: { amendmentId: pending.amendmentId, reasons, refusedBy: metadata.actor, refusedAt: decidedAt },
      },
    ];
  }
  if (data.outcome !== 'APPROVE') throw refuse.invalid('amendment-outcome', 'outcome must be APPROVE or REFUSE');
  // As for an application's grant (Art 14(1), Art 16): an objection binds, open consultations are awaited.
  const consultations = checkedConsultationStatus(data.consultations);
  assertNoBindingObjection(consultations);
  assertNoBlockingConsultationOpen(consultations);
  const priorDenials = checkedPriorDenials(data.priorDenials);
  const matches = data.screening.denialMatches;
  assertEveryMatchConsulted(matches, priorDenials);
  const grantDespiteDenial: readonly LicenceEvent[] =
    priorDenials.length > 0
      ? [
          {
            type: 'LicenceGrantDespiteDenialNotified',
            data: {
              ...grantDespiteDenialNotification({
                applicationId: licence.applicationId,
                grantingMemberState: licence.issuingMemberState,
                reasons: data.grantDespiteDenialReasons ?? '',
                denials: priorDenials,
                notifiedBy: metadata.actor,
                at: metadata.now,
              }).data,
              licenceId: licence.licenceId,
              amendmentId: pending.amendmentId,
            },
          },
        ]
      : [];
  // Customs may have written off more, and time passed, since the proposal.
  const itemLimits = pending.itemLimits.map((limit, index) =>
    checkedItemLimit(licence.items[index] as LicensedItem, limit, `itemLimits[${index}]`),
  );
  if (Date.parse(pending.validUntil) <= metadata.now.getTime()) {
    throw refuse.ruleViolated('validity-ends-in-past', 'the proposed validity has already ended; refuse the widening');
  }
  return [
    {
      type: 'LicenceAmended',
      data: {
        reason: pending.reason,
        conditions: pending.conditions,
        validityMonths: pending.validityMonths,
        validUntil: pending.validUntil,
        itemLimits,
        ...(pending.addedItems !== undefined && pending.addedItems.length > 0 && { addedItems: pending.addedItems }),
        substantialLimitation: false,
        notification: null,
        amendedBy: metadata.actor,
        amendedAt: decidedAt,
        widening: {
          amendmentId: pending.amendmentId,
          widened: pending.widened,
          proposedBy: pending.proposedBy,
          proposedAt: pending.proposedAt,
          screenedAt: data.screening.screenedAt,
          denialMatches: matches,
          priorDenials,
        },
      },
    },
    ...grantDespiteDenial,
  ];
}

/**
 * Art 16: every denial the screening matched right before the decision must have been consulted on
 * first. The consultation context opens a consultation for each match before it answers, so a match
 * without one means the context was bypassed: refused, never decided unconsulted.
 */
function assertEveryMatchConsulted(
  matches: readonly WideningDenialMatch[],
  priorDenials: readonly { readonly denialId: string }[],
): void {
  const unconsulted = matches.filter((match) => !priorDenials.some((denial) => denial.denialId === match.denialId));
  if (unconsulted.length === 0) return;
  throw refuse.ruleViolated(
    'widening-denial-not-consulted',
    `screening matched denial(s) in force ${unconsulted.map((match) => `${match.denialId} (${match.issuingMemberState})`).join(', ')} with no Art 16 consultation of the denying member state: consult it before deciding`,
  );
}

function amendedItemLimits(licence: Licence, limits: readonly ItemLimit[] | undefined): readonly ItemLimit[] {
  if (limits === undefined) return licence.items.map(({ quantity, value }) => ({ quantity, value }));
  if (limits.length !== licence.items.length) {
    throw refuse.invalid('item-limits', `itemLimits needs one entry per item (${licence.items.length})`);
  }
  return limits.map((limit, index) =>
    checkedItemLimit(licence.items[index] as LicensedItem, limit, `itemLimits[${index}]`),
  );
}

// Lowering a limit below what customs has already written off would make the ledger contradict itself.
function checkedItemLimit(item: LicensedItem, limit: ItemLimit, field: string): ItemLimit {
  const quantity = checkedAmount(limit.quantity, `${field}.quantity`, { positive: true });
  const value = checkedAmount(limit.value, `${field}.value`, { positive: false });
  if (exceeds(item.usedQuantity, quantity) || exceeds(item.usedValue, value)) {
    throw refuse.ruleViolated(
      'limit-below-usage',
      `${field} is below what is already used (${item.usedQuantity} ${item.unit}, ${item.usedValue} ${item.currency})`,
    );
  }
  return { quantity, value };
}

function validUntilOf(licence: Licence, months: number): string {
  return addCalendarMonths(new Date(licence.validFrom), months).toISOString();
}

function cleanConditions(conditions: readonly string[]): readonly string[] {
  return [...new Set(conditions.map((condition) => condition.trim()).filter((condition) => condition !== ''))];
}

// ---- usage ----

function assertUsable(licence: Licence, now: Date): void {
  if (licence.status !== 'ACTIVE') {
    throw refuse.conflict('licence-not-active', `no usage can be recorded against a ${licence.status} licence`);
  }
  // The expiry timer may not have run yet; validity is a matter of the date, not of the event.
  if (now.getTime() >= Date.parse(licence.validUntil)) {
    throw refuse.ruleViolated('usage-after-validity', `the licence was valid until ${licence.validUntil}`);
  }
}

function checkedUsageLines(licence: Licence, lines: readonly UsageLine[]): readonly UsageLine[] {
  if (lines.length === 0) throw refuse.invalid('usage-lines', 'a usage records at least one line');
  const indexes = lines.map((line) => line.itemIndex);
  if (new Set(indexes).size !== indexes.length) {
    throw refuse.invalid('usage-lines', 'each item appears at most once in a usage');
  }
  return lines.map((line, index) => checkedUsageLine(licence, line, `lines[${index}]`));
}

function checkedUsageLine(licence: Licence, line: UsageLine, field: string): UsageLine {
  if (!Number.isInteger(line.itemIndex) || licence.items[line.itemIndex] === undefined) {
    throw refuse.invalid('item-index', `${field}.itemIndex ${line.itemIndex} is not an item of this licence`);
  }
  return {
    itemIndex: line.itemIndex,
    quantity: checkedAmount(line.quantity, `${field}.quantity`, { positive: true }),
    value: checkedAmount(line.value, `${field}.value`, { positive: false }),
  };
}

function assertWithinLicensedAmounts(licence: Licence, line: UsageLine): void {
  const item = licence.items[line.itemIndex] as LicensedItem;
  if (exceeds(addAmounts(item.usedQuantity, line.quantity), item.quantity)) {
    throw refuse.ruleViolated(
      'usage-exceeds-quantity',
      `item ${line.itemIndex}: ${line.quantity} ${item.unit} more would exceed the licensed ${item.quantity} (used ${item.usedQuantity})`,
    );
  }
  if (exceeds(addAmounts(item.usedValue, line.value), item.value)) {
    throw refuse.ruleViolated(
      'usage-exceeds-value',
      `item ${line.itemIndex}: ${line.value} ${item.currency} more would exceed the licensed ${item.value} (used ${item.usedValue})`,
    );
  }
}

// Customs office reference number: country code and six characters (the EU customs office list).
function customsOffice(value: string): string {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!/^[A-Z]{2}[A-Z0-9]{6}$/.test(code)) {
    throw refuse.invalid(
      'customs-office-format',
      `customsOffice '${value}' is not a customs office reference (e.g. DE004852)`,
    );
  }
  return code;
}

// Movement reference number: two-digit year, country code, fourteen letters or digits.
// A declaration is one export; writing it off twice against the same item would count the goods twice
// and let the licence's quantity or value be exhausted (or hidden) by a repeat.
function assertNotWrittenOff(licence: Licence, mrn: string, itemIndex: number): void {
  const earlier = licence.writeOffs.find(
    (entry) => entry.declarationReference === mrn && entry.itemIndex === itemIndex,
  );
  if (earlier === undefined) return;
  throw refuse.conflict(
    'declaration-already-written-off',
    `declaration ${mrn} was already written off against item ${itemIndex} of this licence in usage ${earlier.usageId} at ${earlier.recordedAt}`,
  );
}

function declarationReference(value: string): string {
  const mrn = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!/^[0-9]{2}[A-Z]{2}[A-Z0-9]{14}$/.test(mrn)) {
    throw refuse.invalid('declaration-reference-format', `declarationReference '${value}' is not an 18-character MRN`);
  }
  return mrn;
}

// ---- guards and notifications ----

function issuingAuthority(issuingMemberState: string, metadata: CommandMetadata): MemberStateCode {
  const issuing = normaliseMemberState(issuingMemberState);
  if (issuing === undefined) throw refuse.invalid('member-state-code', 'issuingMemberState is not an EU member state');
  assertActingFor(issuing, metadata);
  return issuing;
}

function assertActingFor(memberState: MemberStateCode, metadata: CommandMetadata): void {
  const acting = metadata.memberState === undefined ? undefined : normaliseMemberState(metadata.memberState);
  if (acting === memberState) return;
  throw refuse.forbidden('authority-boundary', `only the authority of ${memberState} acts on this licence`);
}

function existingLicence(state: LicenceState): Licence {
  if (state.status === 'NONE') throw refuse.notFound('licence-not-found', 'no such licence');
  return state;
}

/** A licence the issuing authority can still act on: not revoked, annulled or expired. */
function liveLicence(state: LicenceState, metadata: CommandMetadata, action: string): Licence {
  const licence = existingLicence(state);
  assertActingFor(licence.issuingMemberState, metadata);
  if (!LIVE_STATUSES.includes(licence.status)) {
    throw refuse.conflict('licence-ended', `a ${licence.status} licence cannot be ${action}`);
  }
  return licence;
}

function knownGrounds(grounds: readonly Art15Ground[] | undefined): readonly Art15Ground[] {
  const given = grounds ?? [];
  const unknown = given.filter((ground) => !(ART15_GROUNDS as readonly string[]).includes(ground));
  if (unknown.length > 0) throw refuse.invalid('art15-ground', `unknown Art 15 ground(s) ${unknown.join(', ')}`);
  return [...new Set(given)];
}

function notificationFor(
  kind: Art16NotificationKind,
  licence: Licence,
  grounds: readonly Art15Ground[],
  reason: string,
  metadata: CommandMetadata,
): Art16Notification {
  return art16Notification(
    kind,
    licence.issuingMemberState,
    {
      applicationId: licence.applicationId,
      licenceId: licence.licenceId,
      applicationKind: licence.kind,
      items: licence.items,
      destinationCountry: licence.destinationCountry,
      endUser: licence.endUser,
      consignee: licence.consignee,
    },
    { grounds, reason: optionalText(reason), at: metadata.now },
  );
}

// ---- evolve ----

export function evolveLicence(state: LicenceState, event: LicenceEvent): LicenceState {
  if (event.type === 'LicenceIssued') return issued(event.data);
  // Any other event on a stream without an issued licence is ignored: evolve must not throw on history.
  if (state.status === 'NONE') return state;
  return evolveExisting(state, event);
}

function issued(data: LicenceIssued['data']): Licence {
  return {
    status: 'ACTIVE',
    licenceId: data.licenceId,
    applicationId: data.applicationId,
    kind: data.kind,
    issuingMemberState: data.issuingMemberState,
    holder: data.holder,
    items: data.items.map((item) => ({ ...item, usedQuantity: 0, usedValue: 0 })),
    destinationCountry: data.destinationCountry,
    endUser: data.endUser,
    consignee: data.consignee,
    conditions: data.conditions,
    validityMonths: data.validityMonths,
    validityJustification: data.validityJustification,
    validFrom: data.validFrom,
    validUntil: data.validUntil,
    usageIds: [],
    writeOffs: [],
    pendingAmendment: null,
  };
}

function evolveExisting(state: Licence, event: LicenceEvent): Licence {
  switch (event.type) {
    case 'LicenceIssued':
      return issued(event.data);
    case 'LicenceAmended': {
      const { conditions, validityMonths, validUntil, itemLimits, addedItems } = event.data;
      const items = [
        ...state.items.map((item, index) => ({ ...item, ...itemLimits[index] })),
        ...(addedItems ?? []).map((item) => ({ ...item, usedQuantity: 0, usedValue: 0 })),
      ];
      return { ...state, conditions, validityMonths, validUntil, items, pendingAmendment: null };
    }
    case 'LicenceAmendmentProposed':
      return { ...state, pendingAmendment: event.data };
    case 'LicenceAmendmentRefused':
      return { ...state, pendingAmendment: null };
    case 'LicenceGrantDespiteDenialNotified':
      return state;
    case 'LicenceSuspended':
      return { ...state, status: 'SUSPENDED' };
    case 'LicenceReinstated':
      return { ...state, status: 'ACTIVE' };
    case 'LicenceAnnulled':
      return { ...state, status: 'ANNULLED' };
    case 'LicenceRevoked':
      return { ...state, status: 'REVOKED' };
    case 'LicenceExpired':
      return { ...state, status: 'EXPIRED' };
    case 'LicenceUsageRecorded':
      return {
        ...state,
        items: state.items.map((item, index) => withUsage(item, event.data.lines, index)),
        usageIds: [...state.usageIds, event.data.usageId],
        writeOffs: [
          ...(state.writeOffs ?? []),
          ...event.data.lines.map((line) => ({
            declarationReference: event.data.declarationReference,
            itemIndex: line.itemIndex,
            usageId: event.data.usageId,
            recordedAt: event.data.recordedAt,
          })),
        ],
      };
    default:
      return assertNever(event, 'licence event');
  }
}

function withUsage(item: LicensedItem, lines: readonly UsageLine[], itemIndex: number): LicensedItem {
  const line = lines.find((candidate) => candidate.itemIndex === itemIndex);
  if (line === undefined) return item;
  return {
    ...item,
    usedQuantity: addAmounts(item.usedQuantity, line.quantity),
    usedValue: addAmounts(item.usedValue, line.value),
  };
}
