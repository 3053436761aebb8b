import { fold } from '../decider';
import { deciderSpec } from '../testing/decider-spec';
import {
  APPLICATION_ID,
  CONSIGNEE,
  END_USER,
  NOW,
  applicationHistory,
  contentInput,
  itemInput,
  meta,
} from '../testing/licensing.fixtures';
import type { ApplicationKind } from './application.content';
import { normaliseApplicationContent } from './application.content';
import { applicationDecider } from './application.decider';
import type { Application } from './application.decider';
import type { IssueLicenceData, LicenceCommand } from './licence.commands';
import { issueLicenceFromGrant } from './licence.commands';
import type { Licence } from './licence.decider';
import { licenceDecider, widenedLicence } from './licence.decider';
import type { LicenceEvent, UsageLine } from './licence.events';

const spec = deciderSpec(licenceDecider);

const LICENCE_ID = 'lic-1';
const VALID_UNTIL = '2026-03-10T09:00:00.000Z';
const authority = meta({ actor: 'boss@bafa' });
const customs = meta({ actor: 'customs@zoll', memberState: 'NL' });
const later = (iso: string) => meta({ actor: 'boss@bafa', now: new Date(iso) });

const content = normaliseApplicationContent(
  contentInput({
    items: [
      itemInput(),
      itemInput({ description: 'Probe software licences', quantity: 0.3, unit: 'kg', value: 1000.1 }),
    ],
  }),
);

function issueData(
  overrides: Partial<IssueLicenceData> = {},
  decision: Partial<IssueLicenceData['decision']> = {},
): IssueLicenceData {
  return {
    licenceId: LICENCE_ID,
    applicationId: APPLICATION_ID,
    kind: 'INDIVIDUAL',
    issuingMemberState: 'DE',
    holder: content.exporter,
    items: content.items,
    destinationCountry: 'JP',
    endUser: END_USER,
    consignee: CONSIGNEE,
    ...overrides,
    decision: {
      outcome: 'GRANT',
      art15Grounds: [],
      conditions: [],
      validityMonths: 12,
      validityJustification: null,
      issuedBy: 'boss@bafa',
      ...decision,
    },
  };
}

const issueLicence = (data = issueData(), metadata = meta({ actor: 'registry@bafa' })): LicenceCommand => ({
  type: 'IssueLicence',
  data,
  metadata,
});

const issuedEvent = (kind: ApplicationKind = 'INDIVIDUAL', validityMonths = 12): LicenceEvent => {
  const [event] = licenceDecider.decide(
    issueLicence(issueData({ kind }, { validityMonths, validityJustification: 'long build' })),
    {
      status: 'NONE',
    },
  );
  if (event === undefined) throw new Error('no LicenceIssued');
  return event;
};

/** A licence issued with other content (items, destination). */
const issuedEventWith = (overrides: Partial<IssueLicenceData>): LicenceEvent =>
  licenceDecider.decide(issueLicence(issueData(overrides)), { status: 'NONE' })[0] as LicenceEvent;

const lifecycle = {
  suspended: (): LicenceEvent =>
    licenceDecider.decide(suspend(), fold(licenceDecider, [issuedEvent()]))[0] as LicenceEvent,
  revoked: (): LicenceEvent => ({ ...revokedTemplate() }),
  annulled: (): LicenceEvent => ({ ...annulledTemplate() }),
  expired: (): LicenceEvent => ({ type: 'LicenceExpired', data: { validUntil: VALID_UNTIL, expiredAt: VALID_UNTIL } }),
};

function revokedTemplate(): LicenceEvent {
  return licenceDecider.decide(revoke(), fold(licenceDecider, [issuedEvent()]))[0] as LicenceEvent;
}
function annulledTemplate(): LicenceEvent {
  return licenceDecider.decide(
    { type: 'AnnulLicence', data: { reason: 'issued on false information' }, metadata: authority },
    fold(licenceDecider, [issuedEvent()]),
  )[0] as LicenceEvent;
}

function suspend(metadata = authority): LicenceCommand {
  return {
    type: 'SuspendLicence',
    data: { reason: 'end user under investigation', grounds: ['END_USE_AND_DIVERSION'] },
    metadata,
  };
}
function revoke(metadata = authority): LicenceCommand {
  return {
    type: 'RevokeLicence',
    data: { reason: 'diversion confirmed', grounds: ['END_USE_AND_DIVERSION'] },
    metadata,
  };
}
// Distinct declarations: one MRN is written off once per licence item.
const MRN_2 = '25NL22345678901234';
const MRN_3 = '25NL32345678901234';
function use(
  lines: readonly UsageLine[],
  overrides: Partial<{ usageId: string; customsOffice: string; declarationReference: string }> = {},
  metadata = customs,
): LicenceCommand {
  return {
    type: 'RecordLicenceUsage',
    data: {
      usageId: 'use-1',
      customsOffice: 'NL000396',
      declarationReference: '25NL12345678901234',
      lines,
      ...overrides,
    },
    metadata,
  };
}
const expire = (metadata = later(VALID_UNTIL)): LicenceCommand => ({ type: 'ExpireLicence', data: {}, metadata });
const amend = (
  data: Partial<Extract<LicenceCommand, { type: 'AmendLicence' }>['data']>,
  metadata = authority,
): LicenceCommand => ({
  type: 'AmendLicence',
  data: { reason: 'end user asked for fewer units', substantialLimitation: false, ...data },
  metadata,
});

function notificationOf(events: readonly LicenceEvent[]): unknown {
  const [event] = events;
  return event !== undefined && 'notification' in event.data ? event.data.notification : undefined;
}

describe('Licence decider', () => {
  describe('issuing from a grant', () => {
    it('issues a licence valid from the issue instant for the granted number of months', () => {
      spec
        .given([])
        .when(issueLicence())
        .then([
          {
            type: 'LicenceIssued',
            data: {
              licenceId: LICENCE_ID,
              applicationId: APPLICATION_ID,
              kind: 'INDIVIDUAL',
              issuingMemberState: 'DE',
              holder: content.exporter,
              items: content.items,
              destinationCountry: 'JP',
              endUser: END_USER,
              consignee: CONSIGNEE,
              conditions: [],
              art15Grounds: [],
              validityMonths: 12,
              validityJustification: null,
              validFrom: NOW.toISOString(),
              validUntil: VALID_UNTIL,
              decisionIssuedBy: 'boss@bafa',
              issuedBy: 'registry@bafa',
            },
          },
        ]);
    });

    it('ends a validity that starts on the 31st on the last day of a shorter month', () => {
      const [event] = spec
        .given([])
        .when(issueLicence(issueData({}, { validityMonths: 1 }), meta({ now: new Date('2024-01-31T12:00:00Z') })))
        .events();
      expect(event?.data).toMatchObject({ validUntil: '2024-02-29T12:00:00.000Z' });
    });

    it('refuses to issue a licence on a denial', () => {
      spec
        .given([])
        .when(issueLicence(issueData({}, { outcome: 'DENY', art15Grounds: ['SANCTIONS'] })))
        .thenRefuses('RULE_VIOLATED', 'licence-needs-grant');
    });

    it('refuses a conditional grant without its conditions', () => {
      spec
        .given([])
        .when(issueLicence(issueData({}, { outcome: 'GRANT_WITH_CONDITIONS' })))
        .thenRefuses('RULE_VIOLATED', 'conditions-required');
    });

    it('refuses to issue the same licence twice', () => {
      spec.given([issuedEvent()]).when(issueLicence()).thenRefuses('CONFLICT', 'licence-exists');
    });

    it("refuses an authority other than the application's", () => {
      spec
        .given([])
        .when(issueLicence(issueData(), meta({ memberState: 'FR' })))
        .thenRefuses('FORBIDDEN', 'authority-boundary');
    });

    it.each<[ApplicationKind, number]>([
      ['INDIVIDUAL', 25],
      ['GLOBAL', 25],
    ])('refuses %s licences of %i months (at most 24)', (kind, months) => {
      spec
        .given([])
        .when(issueLicence(issueData({ kind }, { validityMonths: months })))
        .thenRefuses('RULE_VIOLATED', 'validity-limit');
    });

    it('refuses a large-project licence beyond 48 months without a recorded justification', () => {
      spec
        .given([])
        .when(issueLicence(issueData({ kind: 'LARGE_PROJECT' }, { validityMonths: 60 })))
        .thenRefuses('RULE_VIOLATED', 'validity-limit');
    });

    it('issues a large-project licence beyond 48 months when a justification is recorded', () => {
      const [event] = spec
        .given([])
        .when(
          issueLicence(
            issueData({ kind: 'LARGE_PROJECT' }, { validityMonths: 60, validityJustification: 'build until 2030' }),
          ),
        )
        .events();
      expect(event?.data).toMatchObject({ validUntil: '2030-03-10T09:00:00.000Z' });
    });

    it('builds the IssueLicence data from a granted application', () => {
      const h = applicationHistory;
      const granted = fold(applicationDecider, [
        h.submitted(),
        h.assessed(),
        h.proposed('GRANT_WITH_CONDITIONS'),
        h.issued('GRANT_WITH_CONDITIONS'),
      ]);
      const data = issueLicenceFromGrant(granted as Application, LICENCE_ID);
      expect(data).toMatchObject({
        licenceId: LICENCE_ID,
        issuingMemberState: 'DE',
        decision: { outcome: 'GRANT_WITH_CONDITIONS', conditions: ['no re-export'], validityMonths: 12 },
      });
      expect(spec.given([]).when(issueLicence(data)).events()[0]?.data).toMatchObject({ conditions: ['no re-export'] });
    });

    it('refuses to build a licence from an application that is not granted', () => {
      const h = applicationHistory;
      const denied = fold(applicationDecider, [h.submitted(), h.assessed(), h.proposed('DENY'), h.issued('DENY')]);
      let refusal: unknown;
      try {
        issueLicenceFromGrant(denied as Application, LICENCE_ID);
      } catch (error) {
        refusal = error;
      }
      expect(refusal).toMatchObject({ code: 'CONFLICT', rule: 'licence-needs-grant' });
    });
  });

  describe('usage ledger', () => {
    it('writes one declaration (MRN) off once per licence item: a second attempt is refused 409 naming the earlier entry', () => {
      const first = licenceDecider.decide(
        use([{ itemIndex: 0, quantity: 1, value: 10 }]),
        fold(licenceDecider, [issuedEvent()]),
      );
      const given = [issuedEvent(), ...first];
      const error = spec
        .given(given)
        .when(
          use([{ itemIndex: 0, quantity: 1, value: 10 }], {
            usageId: 'use-2',
            declarationReference: '25nl12345678901234',
          }),
        )
        .thenRefuses('CONFLICT', 'declaration-already-written-off');
      expect(error.message).toContain('use-1');
      // The same declaration may still cover another item of the licence, once.
      expect(
        spec
          .given(given)
          .when(use([{ itemIndex: 1, quantity: 0.1, value: 0.1 }], { usageId: 'use-3' }))
          .events(),
      ).toHaveLength(1);
    });

    it('records a customs declaration written off against the licence', () => {
      spec
        .given([issuedEvent()])
        .when(use([{ itemIndex: 0, quantity: 4, value: 100000 }], { customsOffice: 'nl000396' }))
        .then([
          {
            type: 'LicenceUsageRecorded',
            data: {
              usageId: 'use-1',
              customsOffice: 'NL000396',
              declarationReference: '25NL12345678901234',
              lines: [{ itemIndex: 0, quantity: 4, value: 100000 }],
              recordedBy: 'customs@zoll',
              recordedAt: NOW.toISOString(),
            },
          },
        ]);
    });

    it('accumulates what is used per item', () => {
      const state = spec
        .given([issuedEvent()])
        .when(
          use([
            { itemIndex: 0, quantity: 4, value: 100000 },
            { itemIndex: 1, quantity: 0.1, value: 0.1 },
          ]),
        )
        .thenState() as Licence;
      expect(state.items.map(({ usedQuantity, usedValue }) => ({ usedQuantity, usedValue }))).toEqual([
        { usedQuantity: 4, usedValue: 100000 },
        { usedQuantity: 0.1, usedValue: 0.1 },
      ]);
    });

    it('refuses usage beyond the licensed quantity', () => {
      spec
        .given([issuedEvent()])
        .when(use([{ itemIndex: 0, quantity: 11, value: 1 }]))
        .thenRefuses('RULE_VIOLATED', 'usage-exceeds-quantity');
    });

    it('refuses usage beyond the licensed value', () => {
      spec
        .given([issuedEvent()])
        .when(use([{ itemIndex: 0, quantity: 1, value: 250000.01 }]))
        .thenRefuses('RULE_VIOLATED', 'usage-exceeds-value');
    });

    it('refuses usage that exceeds the licence only together with earlier usage', () => {
      const first = spec
        .given([issuedEvent()])
        .when(use([{ itemIndex: 0, quantity: 6, value: 1 }]))
        .events();
      spec
        .given([issuedEvent(), ...first])
        .when(use([{ itemIndex: 0, quantity: 5, value: 1 }], { usageId: 'use-2', declarationReference: MRN_2 }))
        .thenRefuses('RULE_VIOLATED', 'usage-exceeds-quantity');
    });

    it('accepts using exactly the licensed amount in fractional steps (0.1 + 0.2 of 0.3)', () => {
      const first = spec
        .given([issuedEvent()])
        .when(use([{ itemIndex: 1, quantity: 0.1, value: 0.1 }]))
        .events();
      const second = spec
        .given([issuedEvent(), ...first])
        .when(use([{ itemIndex: 1, quantity: 0.2, value: 1000 }], { usageId: 'use-2', declarationReference: MRN_2 }))
        .events();
      expect(second).toHaveLength(1);
      spec
        .given([issuedEvent(), ...first, ...second])
        .when(use([{ itemIndex: 1, quantity: 0.001, value: 0 }], { usageId: 'use-3', declarationReference: MRN_3 }))
        .thenRefuses('RULE_VIOLATED', 'usage-exceeds-quantity');
    });

    it.each([
      ['suspended', lifecycle.suspended],
      ['revoked', lifecycle.revoked],
      ['annulled', lifecycle.annulled],
      ['expired', lifecycle.expired],
    ])('refuses usage while the licence is %s', (_, ended) => {
      spec
        .given([issuedEvent(), ended()])
        .when(use([{ itemIndex: 0, quantity: 1, value: 1 }]))
        .thenRefuses('CONFLICT', 'licence-not-active');
    });

    it('refuses usage once the validity has ended, even before the expiry timer has run', () => {
      spec
        .given([issuedEvent()])
        .when(
          use([{ itemIndex: 0, quantity: 1, value: 1 }], {}, meta({ memberState: 'NL', now: new Date(VALID_UNTIL) })),
        )
        .thenRefuses('RULE_VIOLATED', 'usage-after-validity');
    });

    it('refuses a usage id that is already recorded', () => {
      const first = spec
        .given([issuedEvent()])
        .when(use([{ itemIndex: 0, quantity: 1, value: 1 }]))
        .events();
      spec
        .given([issuedEvent(), ...first])
        .when(use([{ itemIndex: 0, quantity: 1, value: 1 }]))
        .thenRefuses('CONFLICT', 'usage-already-recorded');
    });

    it('lets customs of any member state record usage (export may be declared elsewhere)', () => {
      expect(
        spec
          .given([issuedEvent()])
          .when(use([{ itemIndex: 0, quantity: 1, value: 1 }]))
          .events(),
      ).toHaveLength(1);
    });

    it('refuses usage of a licence that does not exist', () => {
      spec
        .given([])
        .when(use([{ itemIndex: 0, quantity: 1, value: 1 }]))
        .thenRefuses('NOT_FOUND', 'licence-not-found');
    });

    it.each<[string, Parameters<typeof use>[0], Parameters<typeof use>[1], string]>([
      ['no lines', [], {}, 'usage-lines'],
      [
        'an item twice',
        [
          { itemIndex: 0, quantity: 1, value: 1 },
          { itemIndex: 0, quantity: 1, value: 1 },
        ],
        {},
        'usage-lines',
      ],
      ['an unknown item', [{ itemIndex: 2, quantity: 1, value: 1 }], {}, 'item-index'],
      ['a zero quantity', [{ itemIndex: 0, quantity: 0, value: 1 }], {}, 'amount-format'],
      [
        'a malformed customs office',
        [{ itemIndex: 0, quantity: 1, value: 1 }],
        { customsOffice: 'Rotterdam' },
        'customs-office-format',
      ],
      [
        'a malformed MRN',
        [{ itemIndex: 0, quantity: 1, value: 1 }],
        { declarationReference: 'ABC' },
        'declaration-reference-format',
      ],
    ])('refuses a usage with %s (INVALID)', (_, lines, overrides, rule) => {
      spec.given([issuedEvent()]).when(use(lines, overrides)).thenRefuses('INVALID', rule);
    });
  });

  describe('suspension and reinstatement', () => {
    it('suspends a licence with an Art 16 notification to every other member state and the Commission', () => {
      const events = spec.given([issuedEvent()]).when(suspend()).events();
      expect(events[0]).toMatchObject({
        type: 'LicenceSuspended',
        data: { reason: 'end user under investigation', suspendedBy: 'boss@bafa' },
      });
      expect(notificationOf(events)).toEqual({
        kind: 'SUSPENSION',
        notifyingMemberState: 'DE',
        recipients: { memberStates: expect.not.arrayContaining(['DE']), commission: true },
        applicationId: APPLICATION_ID,
        licenceId: LICENCE_ID,
        applicationKind: 'INDIVIDUAL',
        items: [
          {
            controlEntry: '5A001.j',
            catchAllGround: null,
            description: 'IP network communications surveillance system',
            hsCode: '85176200',
          },
          { controlEntry: '5A001.j', catchAllGround: null, description: 'Probe software licences', hsCode: '85176200' },
        ],
        destinationCountry: 'JP',
        endUser: END_USER,
        consignee: CONSIGNEE,
        grounds: ['END_USE_AND_DIVERSION'],
        reason: 'end user under investigation',
        effectiveOn: '2025-03-10',
        reviewDueBy: null,
      });
    });

    it('refuses to suspend a suspended licence', () => {
      spec.given([issuedEvent(), lifecycle.suspended()]).when(suspend()).thenRefuses('CONFLICT', 'licence-suspended');
    });

    it('reinstates a suspended licence and notifies the final assessment (Art 16)', () => {
      const when = spec.given([issuedEvent(), lifecycle.suspended()]).when({
        type: 'ReinstateLicence',
        data: { finalAssessment: 'investigation closed without findings' },
        metadata: authority,
      });
      expect(notificationOf(when.events())).toMatchObject({
        kind: 'FINAL_ASSESSMENT',
        reason: 'investigation closed without findings',
      });
      expect(when.thenState()).toMatchObject({ status: 'ACTIVE' });
    });

    it('refuses to reinstate a licence that is not suspended', () => {
      spec
        .given([issuedEvent()])
        .when({ type: 'ReinstateLicence', data: { finalAssessment: 'fine' }, metadata: authority })
        .thenRefuses('CONFLICT', 'licence-not-suspended');
    });

    it("refuses another member state's authority", () => {
      spec
        .given([issuedEvent()])
        .when(suspend(meta({ memberState: 'FR' })))
        .thenRefuses('FORBIDDEN', 'authority-boundary');
    });
  });

  describe('annulment and revocation', () => {
    it('annuls a licence with an Art 16 notification', () => {
      const when = spec
        .given([issuedEvent()])
        .when({ type: 'AnnulLicence', data: { reason: 'issued on false information' }, metadata: authority });
      expect(notificationOf(when.events())).toMatchObject({
        kind: 'ANNULMENT',
        reason: 'issued on false information',
        grounds: [],
      });
      expect(when.thenState()).toMatchObject({ status: 'ANNULLED' });
    });

    it('revokes a licence with an Art 16 notification', () => {
      const when = spec.given([issuedEvent()]).when(revoke());
      expect(notificationOf(when.events())).toMatchObject({ kind: 'REVOCATION', grounds: ['END_USE_AND_DIVERSION'] });
      expect(when.thenState()).toMatchObject({ status: 'REVOKED' });
    });

    it('revokes a suspended licence', () => {
      expect(spec.given([issuedEvent(), lifecycle.suspended()]).when(revoke()).thenState()).toMatchObject({
        status: 'REVOKED',
      });
    });

    it.each([
      ['revoked', lifecycle.revoked],
      ['annulled', lifecycle.annulled],
      ['expired', lifecycle.expired],
    ])('refuses to suspend, revoke or amend once the licence is %s', (_, ended) => {
      spec.given([issuedEvent(), ended()]).when(suspend()).thenRefuses('CONFLICT', 'licence-ended');
      spec.given([issuedEvent(), ended()]).when(revoke()).thenRefuses('CONFLICT', 'licence-ended');
      spec
        .given([issuedEvent(), ended()])
        .when(amend({ conditions: ['x'] }))
        .thenRefuses('CONFLICT', 'licence-ended');
    });

    it('refuses an unknown Art 15 ground', () => {
      spec
        .given([issuedEvent()])
        .when({ type: 'RevokeLicence', data: { reason: 'x', grounds: ['MOOD' as 'SANCTIONS'] }, metadata: authority })
        .thenRefuses('INVALID', 'art15-ground');
    });
  });

  describe('expiry', () => {
    it('expires a licence when the timer fires at validUntil', () => {
      spec
        .given([issuedEvent()])
        .when(expire())
        .then([{ type: 'LicenceExpired', data: { validUntil: VALID_UNTIL, expiredAt: VALID_UNTIL } }]);
    });

    it('refuses to expire a licence before validUntil', () => {
      spec
        .given([issuedEvent()])
        .when(expire(later('2026-03-10T08:59:59.999Z')))
        .thenRefuses('RULE_VIOLATED', 'licence-not-yet-expired');
    });

    it('expires a suspended licence: suspension does not extend validity', () => {
      expect(spec.given([issuedEvent(), lifecycle.suspended()]).when(expire()).thenState()).toMatchObject({
        status: 'EXPIRED',
      });
    });

    it('decides nothing when the licence has already ended', () => {
      spec.given([issuedEvent(), lifecycle.expired()]).when(expire()).then([]);
      spec.given([issuedEvent(), lifecycle.revoked()]).when(expire()).then([]);
    });
  });

  describe('amendment', () => {
    it('amends the conditions without notification when it is no substantial limitation', () => {
      const [event] = spec
        .given([issuedEvent()])
        .when(amend({ conditions: [' report annually '] }))
        .events();
      expect(event).toEqual({
        type: 'LicenceAmended',
        data: {
          reason: 'end user asked for fewer units',
          conditions: ['report annually'],
          validityMonths: 12,
          validUntil: VALID_UNTIL,
          itemLimits: [
            { quantity: 10, value: 250000 },
            { quantity: 0.3, value: 1000.1 },
          ],
          substantialLimitation: false,
          notification: null,
          amendedBy: 'boss@bafa',
          amendedAt: NOW.toISOString(),
        },
      });
    });

    it('notifies a substantial limitation to every other member state (Art 16)', () => {
      const events = spec
        .given([issuedEvent()])
        .when(
          amend({
            itemLimits: [
              { quantity: 2, value: 50000 },
              { quantity: 0.3, value: 1000.1 },
            ],
            substantialLimitation: true,
            grounds: ['HUMAN_RIGHTS'],
          }),
        )
        .events();
      expect(notificationOf(events)).toMatchObject({
        kind: 'SUBSTANTIAL_LIMITATION',
        grounds: ['HUMAN_RIGHTS'],
        licenceId: LICENCE_ID,
      });
    });

    // Changed with issue 9: extending 12 to 24 months by amendment used to be accepted; now a shortening is the amendment.
    it('shortens the validity by amendment, counted from the issue date', () => {
      const state = spec
        .given([issuedEvent('INDIVIDUAL', 24)])
        .when(amend({ validityMonths: 12 }))
        .thenState() as Licence;
      expect(state.validUntil).toBe('2026-03-10T09:00:00.000Z');
    });

    const widen = (metadata = authority) =>
      amend(
        {
          amendmentId: 'w-1',
          reason: 'second contract',
          itemLimits: [
            { quantity: 50, value: 250000 },
            { quantity: 0.3, value: 1000.1 },
          ],
        },
        metadata,
      );
    const clean = { screenedAt: '2025-03-12T09:00:00.000Z', denialMatches: [] };
    const settled = { blockingOpen: 0, bindingObjection: false };
    type WideningContext = Pick<
      Extract<LicenceCommand, { type: 'DecideLicenceAmendment' }>['data'],
      'screening' | 'consultations' | 'priorDenials' | 'grantDespiteDenialReasons'
    >;
    const decideWidening = (
      outcome: 'APPROVE' | 'REFUSE',
      metadata = meta({ actor: 'other-boss@bafa' }),
      context: Partial<WideningContext> = {},
    ): LicenceCommand => ({
      type: 'DecideLicenceAmendment',
      data: {
        amendmentId: 'w-1',
        outcome,
        reasons: 'contract verified',
        screening: clean,
        consultations: settled,
        ...context,
      },
      metadata,
    });
    const frMatch = { denialId: 'den-fr-1', issuingMemberState: 'FR', score: 0.97, explanation: 'same end user' };
    const frConsulted = (outcome: 'NOT_ESSENTIALLY_IDENTICAL' | null) => ({
      denialId: 'den-fr-1',
      issuingMemberState: 'FR' as const,
      consultationId: 'c-fr-1',
      outcome,
    });
    const proposed = () => spec.given([issuedEvent()]).when(widen()).events();

    it('records an amendment that widens validity, quantity or value as a proposal, not as a change of the licence', () => {
      const events = proposed();
      expect(events).toMatchObject([
        {
          type: 'LicenceAmendmentProposed',
          data: { amendmentId: 'w-1', widened: ['items[0].quantity 10 → 50'], proposedBy: 'boss@bafa' },
        },
      ]);
      const state = fold(licenceDecider, [issuedEvent(), ...events]) as Licence;
      expect(state.items[0]?.quantity).toBe(10);
      expect(state.pendingAmendment?.amendmentId).toBe('w-1');
      const longer = spec
        .given([issuedEvent()])
        .when(amend({ amendmentId: 'w-2', validityMonths: 24 }))
        .events();
      expect(longer[0]).toMatchObject({
        type: 'LicenceAmendmentProposed',
        data: { widened: ['validity 12 → 24 months'] },
      });
    });

    it('refuses a widening decided by the official who proposed it (four-eyes, subjects compared case-folded)', () => {
      spec
        .given([issuedEvent(), ...proposed()])
        .when(decideWidening('APPROVE', meta({ actor: 'BOSS@BAFA' })))
        .thenRefuses('FORBIDDEN', 'four-eyes');
    });

    it('applies a widening approved by another official after a clean screening, recording proposer, screening and decider', () => {
      const events = spec
        .given([issuedEvent(), ...proposed()])
        .when(decideWidening('APPROVE'))
        .events();
      expect(events).toMatchObject([
        {
          type: 'LicenceAmended',
          data: {
            amendedBy: 'other-boss@bafa',
            notification: null,
            widening: { amendmentId: 'w-1', proposedBy: 'boss@bafa', screenedAt: clean.screenedAt, denialMatches: [] },
          },
        },
      ]);
      const state = fold(licenceDecider, [issuedEvent(), ...proposed(), ...events]) as Licence;
      expect(state.items[0]?.quantity).toBe(50);
      expect(state.pendingAmendment).toBeNull();
    });

    // Changed with issue 9 item 7: a match used to refuse the approval outright (widening-matches-denial).
    it('refuses to approve a widening that screening matched to a denial in force without an Art 16 consultation of the denying member state', () => {
      const error = spec
        .given([issuedEvent(), ...proposed()])
        .when(decideWidening('APPROVE', undefined, { screening: { ...clean, denialMatches: [frMatch] } }))
        .thenRefuses('RULE_VIOLATED', 'widening-denial-not-consulted');
      expect(error.message).toContain('den-fr-1 (FR)');
    });

    it('refuses to approve a widening while its Art 14(1) or Art 16 consultations are open', () => {
      spec
        .given([issuedEvent(), ...proposed()])
        .when(
          decideWidening('APPROVE', undefined, {
            screening: { ...clean, denialMatches: [frMatch] },
            consultations: { blockingOpen: 1, bindingObjection: false },
            priorDenials: [frConsulted(null)],
          }),
        )
        .thenRefuses('RULE_VIOLATED', 'consultation-open');
    });

    it('refuses to approve a widening to which a member state where items are located objected (Art 14(1) objection binds)', () => {
      const error = spec
        .given([issuedEvent(), ...proposed()])
        .when(
          decideWidening('APPROVE', undefined, {
            consultations: {
              blockingOpen: 0,
              bindingObjection: true,
              objections: [{ memberState: 'FR', reasons: 'diversion risk' }],
            },
          }),
        )
        .thenRefuses('RULE_VIOLATED', 'art14-binding-objection');
      expect(error.message).toContain('FR ("diversion risk")');
    });

    it('lets another official refuse a widening while its consultations are open', () => {
      const events = spec
        .given([issuedEvent(), ...proposed()])
        .when(decideWidening('REFUSE', undefined, { consultations: { blockingOpen: 2, bindingObjection: false } }))
        .events();
      expect(events).toMatchObject([{ type: 'LicenceAmendmentRefused' }]);
    });

    it('approves a widening after the Art 16 consultation closed and notifies every member state and the Commission with the reasons', () => {
      const events = spec
        .given([issuedEvent(), ...proposed()])
        .when(
          decideWidening('APPROVE', undefined, {
            screening: { ...clean, denialMatches: [frMatch] },
            priorDenials: [frConsulted('NOT_ESSENTIALLY_IDENTICAL')],
            grantDespiteDenialReasons: 'the French denial concerned a military end user',
          }),
        )
        .events();
      expect(events).toMatchObject([
        {
          type: 'LicenceAmended',
          data: { widening: { denialMatches: [frMatch], priorDenials: [frConsulted('NOT_ESSENTIALLY_IDENTICAL')] } },
        },
        {
          type: 'LicenceGrantDespiteDenialNotified',
          data: {
            applicationId: APPLICATION_ID,
            licenceId: LICENCE_ID,
            amendmentId: 'w-1',
            grantingMemberState: 'DE',
            recipients: { commission: true },
            denials: [frConsulted('NOT_ESSENTIALLY_IDENTICAL')],
            reasons: 'the French denial concerned a military end user',
            notifiedBy: 'other-boss@bafa',
          },
        },
      ]);
      const [, notified] = events as [
        LicenceEvent,
        Extract<LicenceEvent, { type: 'LicenceGrantDespiteDenialNotified' }>,
      ];
      expect(notified.data.recipients.memberStates).toHaveLength(26);
      expect(notified.data.recipients.memberStates).not.toContain('DE');
      const state = fold(licenceDecider, [issuedEvent(), ...proposed(), ...events]) as Licence;
      expect(state.validityMonths).toBe(12);
      expect(state.items[0]?.quantity).toBe(50);
    });

    it('refuses to approve a widening despite a consulted denial without the reasons for it (Art 16)', () => {
      spec
        .given([issuedEvent(), ...proposed()])
        .when(
          decideWidening('APPROVE', undefined, {
            screening: { ...clean, denialMatches: [frMatch] },
            priorDenials: [frConsulted('NOT_ESSENTIALLY_IDENTICAL')],
          }),
        )
        .thenRefuses('RULE_VIOLATED', 'grant-despite-denial-reasons');
    });

    it('records an added item (a new control entry) as a widening, and adds it to the licence only when approved', () => {
      const added = itemInput({
        classification: { kind: 'LISTED', controlEntry: '5A002.a' },
        description: 'Encryption appliance',
        quantity: 3,
        memberStateWhereLocated: 'FR',
      });
      const proposal = spec
        .given([issuedEvent()])
        .when(amend({ amendmentId: 'w-1', reason: 'encryption for the same network', addedItems: [added] }))
        .events();
      expect(proposal).toMatchObject([
        { type: 'LicenceAmendmentProposed', data: { widened: ['items[2] added (5A002.a, 3 pcs)'] } },
      ]);
      const pending = fold(licenceDecider, [issuedEvent(), ...proposal]) as Licence;
      expect(pending.items).toHaveLength(2);
      expect(widenedLicence(pending)?.items[2]).toMatchObject({
        classification: { controlEntry: '5A002.a' },
        memberStateWhereLocated: 'FR',
        usedQuantity: 0,
      });
      const approved = spec
        .given([issuedEvent(), ...proposal])
        .when(decideWidening('APPROVE'))
        .events();
      const state = fold(licenceDecider, [issuedEvent(), ...proposal, ...approved]) as Licence;
      expect(state.items.map((item) => item.description)).toEqual([
        content.items[0]?.description,
        'Probe software licences',
        'Encryption appliance',
      ]);
    });

    it('refuses an added item that is not a valid item, naming its field', () => {
      const error = spec
        .given([issuedEvent()])
        .when(amend({ amendmentId: 'w-1', addedItems: [itemInput({ hsCode: '12' })] }))
        .thenRefuses('INVALID', 'hs-code-format');
      expect(error.message).toContain('addedItems[0].hsCode');
    });

    it('lets another official refuse a widening: the licence keeps its terms', () => {
      const events = spec
        .given([issuedEvent(), ...proposed()])
        .when(decideWidening('REFUSE'))
        .events();
      expect(events).toMatchObject([{ type: 'LicenceAmendmentRefused', data: { amendmentId: 'w-1' } }]);
      const state = fold(licenceDecider, [issuedEvent(), ...proposed(), ...events]) as Licence;
      expect(state.items[0]?.quantity).toBe(10);
      expect(state.pendingAmendment).toBeNull();
    });

    it('refuses another amendment while a widening awaits its decision', () => {
      spec
        .given([issuedEvent(), ...proposed()])
        .when(amend({ conditions: ['quarterly reports'] }))
        .thenRefuses('CONFLICT', 'amendment-pending');
    });

    it('refuses a widening flagged as a substantial limitation', () => {
      spec
        .given([issuedEvent()])
        .when(amend({ amendmentId: 'w-3', validityMonths: 24, substantialLimitation: true }))
        .thenRefuses('RULE_VIOLATED', 'widening-is-not-a-limitation');
    });

    // Changed with issue 9 item 7: such a widening used to be refused (widening-needs-consultation).
    it('proposes a widening whose licence needs an Art 14(1) consultation: the consultation context opens it on the proposal', () => {
      const located = issuedEventWith({
        destinationCountry: 'CN',
        items: content.items.map((item) => ({ ...item, memberStateWhereLocated: 'FR' as const })),
      });
      const events = spec
        .given([located])
        .when(amend({ amendmentId: 'w-4', validityMonths: 24 }))
        .events();
      expect(events).toMatchObject([{ type: 'LicenceAmendmentProposed', data: { amendmentId: 'w-4' } }]);
    });

    it("refuses to extend the validity beyond the kind's limit", () => {
      spec
        .given([issuedEvent()])
        .when(amend({ validityMonths: 25 }))
        .thenRefuses('RULE_VIOLATED', 'validity-limit');
    });

    it('refuses a validity that would already have ended', () => {
      spec
        .given([issuedEvent()])
        .when(amend({ validityMonths: 1 }, later('2025-06-01T00:00:00Z')))
        .thenRefuses('RULE_VIOLATED', 'validity-ends-in-past');
    });

    it('refuses to lower a limit below what is already used', () => {
      const used = spec
        .given([issuedEvent()])
        .when(use([{ itemIndex: 0, quantity: 5, value: 1000 }]))
        .events();
      spec
        .given([issuedEvent(), ...used])
        .when(
          amend({
            itemLimits: [
              { quantity: 4, value: 250000 },
              { quantity: 0.3, value: 1000.1 },
            ],
          }),
        )
        .thenRefuses('RULE_VIOLATED', 'limit-below-usage');
    });

    it('applies lowered limits to later usage', () => {
      const amended = spec
        .given([issuedEvent()])
        .when(
          amend({
            itemLimits: [
              { quantity: 2, value: 250000 },
              { quantity: 0.3, value: 1000.1 },
            ],
          }),
        )
        .events();
      spec
        .given([issuedEvent(), ...amended])
        .when(use([{ itemIndex: 0, quantity: 3, value: 1 }]))
        .thenRefuses('RULE_VIOLATED', 'usage-exceeds-quantity');
    });

    it('refuses an amendment that changes nothing', () => {
      spec.given([issuedEvent()]).when(amend({})).thenRefuses('INVALID', 'nothing-to-amend');
    });

    it('refuses item limits that do not give one entry per item', () => {
      spec
        .given([issuedEvent()])
        .when(amend({ itemLimits: [{ quantity: 1, value: 1 }] }))
        .thenRefuses('INVALID', 'item-limits');
    });
  });

  describe('evolve', () => {
    it('ignores events on a stream without an issued licence', () => {
      expect(spec.given([lifecycle.expired()]).state()).toEqual({ status: 'NONE' });
    });
  });
});
