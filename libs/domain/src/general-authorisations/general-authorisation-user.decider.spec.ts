import type { CommandMetadata } from '../decider';
import { deciderSpec } from '../testing/decider-spec';
import type { GeneralAuthorisationSettings, GeneralAuthorisationVersion } from './general-authorisation.reference';
import {
  DEFAULT_GENERAL_AUTHORISATION_SETTINGS,
  UNION_GENERAL_AUTHORISATIONS,
} from './general-authorisation.reference';
import type { GeneralAuthorisationSubject, RecordGeneralAuthorisationUse } from './general-authorisation-user.commands';
import { generalAuthorisationUserDecider } from './general-authorisation-user.decider';
import type { GeneralAuthorisationUserEvent } from './general-authorisation-user.events';

const spec = deciderSpec(generalAuthorisationUserDecider);

const meta = (now = '2025-03-10T09:00:00Z', memberState = 'DE'): CommandMetadata => ({
  actor: 'alice@bafa',
  memberState,
  now: new Date(now),
  correlationId: 'c-1',
});

const EU001 = UNION_GENERAL_AUTHORISATIONS.find((version) => version.code === 'EU001') as GeneralAuthorisationVersion;
const SUBJECT: GeneralAuthorisationSubject = {
  registrationId: 'reg-1',
  authorisation: EU001,
  exporter: { name: 'Rhein Optics GmbH', identifier: { scheme: 'EORI', value: 'de123456789012345' }, address: 'Köln' },
};
const REQUIRES_REGISTRATION: GeneralAuthorisationSettings = {
  registrationBeforeFirstUse: true,
  firstUseNotificationDays: 30,
};
const DEFAULTS = DEFAULT_GENERAL_AUTHORISATION_SETTINGS;

const registered: GeneralAuthorisationUserEvent = generalAuthorisationUserDecider.decide(
  { type: 'RegisterForGeneralAuthorisation', data: SUBJECT, metadata: meta('2025-02-01T09:00:00Z') },
  { status: 'NONE' },
)[0] as GeneralAuthorisationUserEvent;

function use(
  overrides: Partial<RecordGeneralAuthorisationUse['data']> = {},
  now = '2025-03-10T09:00:00Z',
): RecordGeneralAuthorisationUse {
  return {
    type: 'RecordGeneralAuthorisationUse',
    data: {
      useId: 'use-1',
      exportDate: '2025-03-05',
      destinationCountry: 'JP',
      declarationReference: '25DE1234567890ABCD',
      items: [
        {
          description: 'Thermal camera',
          controlEntry: '6A003.b.4',
          quantity: 4,
          unit: 'pcs',
          value: 48000,
          currency: 'EUR',
        },
      ],
      versions: UNION_GENERAL_AUTHORISATIONS,
      settings: DEFAULTS,
      ...overrides,
    },
    metadata: meta(now),
  };
}

describe('general-authorisation-user decider', () => {
  it('registers an exporter for EU001 with its authority', () => {
    expect(registered).toMatchObject({
      type: 'GeneralAuthorisationRegistered',
      data: { registrationId: 'reg-1', authorisation: 'EU001', authorisationKind: 'UNION', memberState: 'DE' },
    });
    expect(spec.given([registered]).state()).toMatchObject({
      status: 'ACTIVE',
      registeredAt: '2025-02-01T09:00:00.000Z',
    });
  });

  it('refuses a second registration of the same exporter for the same authorisation', () => {
    spec
      .given([registered])
      .when({ type: 'RegisterForGeneralAuthorisation', data: SUBJECT, metadata: meta() })
      .thenRefuses('CONFLICT', 'already-registered');
  });

  it('refuses a national authorisation of another member state', () => {
    const national: GeneralAuthorisationVersion = { ...EU001, code: 'FR-G1', kind: 'NATIONAL', memberState: 'FR' };
    spec
      .given([])
      .when({
        type: 'RegisterForGeneralAuthorisation',
        data: { ...SUBJECT, authorisation: national },
        metadata: meta(),
      })
      .thenRefuses('RULE_VIOLATED', 'national-authorisation-of-another-member-state');
  });

  it('records a use inside the scope: EU001 to Japan', () => {
    const [event] = spec.given([registered]).when(use()).events();
    expect(event).toMatchObject({
      type: 'GeneralAuthorisationUseRecorded',
      data: { useId: 'use-1', authorisationVersion: 1, destinationCountry: 'JP', firstUseNotificationOverdue: false },
    });
  });

  it('refuses a use outside the destinations, naming the condition (EU001 to China)', () => {
    const error = spec
      .given([registered])
      .when(use({ destinationCountry: 'CN' }))
      .thenRefuses('RULE_VIOLATED', 'outside-authorisation-scope');
    expect(error.message).toMatch(/EU001 does not cover the destination CN \(Annex II Section A Part 2: destinations/);
  });

  it('refuses a use of an item excluded by Annex II Section I, naming the condition', () => {
    const items = [
      { description: 'Rocket system', controlEntry: '9A009.a.1', quantity: 1, unit: 'pcs', value: 1, currency: 'EUR' },
    ];
    const error = spec
      .given([registered])
      .when(use({ items }))
      .thenRefuses('RULE_VIOLATED', 'outside-authorisation-scope');
    expect(error.message).toMatch(/Annex II Section I.*excludes 9A009\.a/);
  });

  it('refuses a use of an item outside an authorisation that covers only listed items (EU006 chemicals)', () => {
    const eu006 = UNION_GENERAL_AUTHORISATIONS.find(
      (version) => version.code === 'EU006',
    ) as GeneralAuthorisationVersion;
    const history = [
      generalAuthorisationUserDecider.decide(
        {
          type: 'RegisterForGeneralAuthorisation',
          data: { ...SUBJECT, authorisation: eu006 },
          metadata: meta('2025-02-01T09:00:00Z'),
        },
        { status: 'NONE' },
      )[0] as GeneralAuthorisationUserEvent,
    ];
    const error = spec
      .given(history)
      .when(use({ destinationCountry: 'TR' }))
      .thenRefuses('RULE_VIOLATED', 'outside-authorisation-scope');
    expect(error.message).toMatch(/EU006 does not cover 6A003\.B\.4|EU006 does not cover 6A003\.b\.4/i);
    spec
      .given(history)
      .when(
        use({
          destinationCountry: 'TR',
          items: [
            {
              description: 'Thiodiglycol',
              controlEntry: '1C350.1',
              quantity: 100,
              unit: 'kg',
              value: 900,
              currency: 'EUR',
            },
          ],
        }),
      )
      .events();
  });

  it('judges a use against the version in force on its export date', () => {
    const v1: GeneralAuthorisationVersion = {
      ...EU001,
      code: 'DE-AGG12',
      kind: 'NATIONAL',
      memberState: 'DE',
      validFrom: '2024-01-01',
      validUntil: '2025-03-01',
    };
    const v2: GeneralAuthorisationVersion = {
      ...v1,
      version: 2,
      validFrom: '2025-03-01',
      validUntil: null,
      scope: { ...v1.scope, destinations: { kind: 'ONLY', countries: ['US'], condition: 'AGG 12 Part 2 (version 2)' } },
    };
    const history = [
      generalAuthorisationUserDecider.decide(
        {
          type: 'RegisterForGeneralAuthorisation',
          data: { ...SUBJECT, authorisation: v2 },
          metadata: meta('2024-02-01T09:00:00Z'),
        },
        { status: 'NONE' },
      )[0] as GeneralAuthorisationUserEvent,
    ];
    const versions = [v1, v2];
    expect(
      spec
        .given(history)
        .when(use({ versions, exportDate: '2025-02-20' }))
        .events()[0],
    ).toMatchObject({ data: { authorisationVersion: 1 } });
    spec
      .given(history)
      .when(use({ versions, exportDate: '2025-03-05' }))
      .thenRefuses('RULE_VIOLATED', 'outside-authorisation-scope');
    spec
      .given(history)
      .when(use({ versions, exportDate: '2023-12-31' }))
      .thenRefuses('RULE_VIOLATED', 'authorisation-not-in-force');
  });

  it('refuses a use by a suspended user', () => {
    const suspended = spec
      .given([registered])
      .when({
        type: 'SuspendGeneralAuthorisationRight',
        data: { reason: 'diversion suspected', denialInSubstance: false },
        metadata: meta(),
      })
      .events();
    spec
      .given([registered, ...suspended])
      .when(use())
      .thenRefuses('RULE_VIOLATED', 'user-suspended');
  });

  it('refuses a use after the right is withdrawn or the registration refused', () => {
    const withdrawn = spec
      .given([registered])
      .when({ type: 'WithdrawGeneralAuthorisationRight', data: { reason: 'repeated breaches' }, metadata: meta() })
      .events();
    spec
      .given([registered, ...withdrawn])
      .when(use())
      .thenRefuses('RULE_VIOLATED', 'user-not-entitled');
    const refused = spec
      .given([registered])
      .when({ type: 'RefuseGeneralAuthorisationRegistration', data: { reason: 'no ICP' }, metadata: meta() })
      .events();
    spec
      .given([registered, ...refused])
      .when(use())
      .thenRefuses('RULE_VIOLATED', 'user-not-entitled');
  });

  it('refuses a refusal once the authorisation has been used: that is a withdrawal', () => {
    const used = spec.given([registered]).when(use()).events();
    spec
      .given([registered, ...used])
      .when({ type: 'RefuseGeneralAuthorisationRegistration', data: { reason: 'late' }, metadata: meta() })
      .thenRefuses('CONFLICT', 'refuse-before-use');
  });

  it('notifies the other member states and the Commission when a suspension is a denial in substance, and the reinstatement after it', () => {
    const [suspended] = spec
      .given([registered])
      .when({
        type: 'SuspendGeneralAuthorisationRight',
        data: { reason: 'end-use concerns', grounds: ['END_USE_AND_DIVERSION'], denialInSubstance: true },
        metadata: meta(),
      })
      .events();
    expect(suspended).toMatchObject({
      data: {
        notification: {
          kind: 'GEA_RIGHT_SUSPENDED',
          notifyingMemberState: 'DE',
          recipients: { commission: true },
          authorisation: 'EU001',
        },
      },
    });
    if (suspended?.type !== 'GeneralAuthorisationRightSuspended') throw new Error('expected a suspension');
    expect(suspended.data.notification?.recipients.memberStates).toHaveLength(26);
    const [reinstated] = spec
      .given([registered, suspended])
      .when({
        type: 'ReinstateGeneralAuthorisationRight',
        data: { finalAssessment: 'concerns resolved' },
        metadata: meta(),
      })
      .events();
    expect(reinstated).toMatchObject({ data: { notification: { kind: 'GEA_RIGHT_REINSTATED' } } });
  });

  it('does not notify a suspension that is not a denial in substance', () => {
    const [suspended] = spec
      .given([registered])
      .when({
        type: 'SuspendGeneralAuthorisationRight',
        data: { reason: 'reports overdue', denialInSubstance: false },
        metadata: meta(),
      })
      .events();
    expect(suspended).toMatchObject({ data: { notification: null } });
  });

  it('lets only the registering authority act on the record', () => {
    spec
      .given([registered])
      .when({
        type: 'SuspendGeneralAuthorisationRight',
        data: { reason: 'x', denialInSubstance: false },
        metadata: meta(undefined, 'FR'),
      })
      .thenRefuses('FORBIDDEN', 'authority-boundary');
  });

  describe('registration before first use where the member state requires it', () => {
    it('refuses a first-use notification without a registration where the member state requires registration', () => {
      spec
        .given([])
        .when({
          type: 'NotifyGeneralAuthorisationFirstUse',
          data: { firstExportDate: '2025-03-01', settings: REQUIRES_REGISTRATION, subject: SUBJECT },
          metadata: meta(),
        })
        .thenRefuses('RULE_VIOLATED', 'registration-before-first-use');
    });

    it('refuses a use exported before the registration where the member state requires registration', () => {
      spec
        .given([registered])
        .when(use({ exportDate: '2025-01-20', settings: REQUIRES_REGISTRATION }))
        .thenRefuses('RULE_VIOLATED', 'registration-before-first-use');
    });

    it('starts the record with the first-use notification where no registration is required', () => {
      const [event] = spec
        .given([])
        .when({
          type: 'NotifyGeneralAuthorisationFirstUse',
          data: { firstExportDate: '2025-03-01', settings: DEFAULTS, subject: SUBJECT },
          metadata: meta(),
        })
        .events();
      expect(event).toMatchObject({
        type: 'GeneralAuthorisationFirstUseNotified',
        data: { registration: { authorisation: 'EU001' }, late: false },
      });
      expect(spec.given(event ? [event] : []).state()).toMatchObject({
        status: 'ACTIVE',
        registeredAt: null,
        firstExportDate: '2025-03-01',
      });
    });
  });

  describe('EU007 and EU008 set their own first-use rule for every member state (Annex II Sections G-H, Part 3)', () => {
    const EU008 = UNION_GENERAL_AUTHORISATIONS.find(
      (version) => version.code === 'EU008',
    ) as GeneralAuthorisationVersion;
    const EU008_SUBJECT: GeneralAuthorisationSubject = { ...SUBJECT, registrationId: 'reg-8', authorisation: EU008 };
    const registeredForEu008 = generalAuthorisationUserDecider.decide(
      { type: 'RegisterForGeneralAuthorisation', data: EU008_SUBJECT, metadata: meta('2025-02-01T09:00:00Z') },
      { status: 'NONE' },
    )[0] as GeneralAuthorisationUserEvent;

    it('refuses an EU008 first-use notification without a registration even where the member state requires none', () => {
      spec
        .given([])
        .when({
          type: 'NotifyGeneralAuthorisationFirstUse',
          data: { firstExportDate: '2025-03-01', settings: DEFAULTS, subject: EU008_SUBJECT },
          metadata: meta(),
        })
        .thenRefuses('RULE_VIOLATED', 'registration-before-first-use');
    });

    it('takes an EU008 first-use notification before the first export, and flags it late when less than 10 days before', () => {
      const [onTime] = spec
        .given([registeredForEu008])
        .when({
          type: 'NotifyGeneralAuthorisationFirstUse',
          data: { firstExportDate: '2025-03-25', settings: DEFAULTS },
          metadata: meta('2025-03-10T09:00:00Z'),
        })
        .events();
      expect(onTime).toMatchObject({ data: { firstExportDate: '2025-03-25', dueBy: '2025-03-15', late: false } });
      const [late] = spec
        .given([registeredForEu008])
        .when({
          type: 'NotifyGeneralAuthorisationFirstUse',
          data: { firstExportDate: '2025-03-15', settings: DEFAULTS },
          metadata: meta('2025-03-10T09:00:00Z'),
        })
        .events();
      expect(late).toMatchObject({ data: { dueBy: '2025-03-05', late: true } });
    });

    it('still refuses a first export announced in the future for EU001, whose first use is notified after the export', () => {
      spec
        .given([registered])
        .when({
          type: 'NotifyGeneralAuthorisationFirstUse',
          data: { firstExportDate: '2025-03-25', settings: DEFAULTS },
          metadata: meta('2025-03-10T09:00:00Z'),
        })
        .thenRefuses('RULE_VIOLATED', 'export-date-in-future');
    });
  });

  describe('first-use notification', () => {
    it('flags a first-use notification received after the member state deadline as late', () => {
      const [event] = spec
        .given([registered])
        .when({
          type: 'NotifyGeneralAuthorisationFirstUse',
          data: { firstExportDate: '2025-02-05', settings: DEFAULTS },
          metadata: meta('2025-03-10T09:00:00Z'),
        })
        .events();
      expect(event).toMatchObject({
        data: { firstExportDate: '2025-02-05', dueBy: '2025-03-07', notifiedOn: '2025-03-10', late: true },
      });
    });

    it('does not flag a notification within the deadline', () => {
      const [event] = spec
        .given([registered])
        .when({
          type: 'NotifyGeneralAuthorisationFirstUse',
          data: { firstExportDate: '2025-03-01', settings: { ...DEFAULTS, firstUseNotificationDays: 10 } },
          metadata: meta(),
        })
        .events();
      expect(event).toMatchObject({ data: { dueBy: '2025-03-11', late: false } });
    });

    it('flags a use recorded while the first-use notification is overdue', () => {
      const [event] = spec
        .given([registered])
        .when(use({ exportDate: '2025-02-03' }))
        .events();
      expect(event).toMatchObject({ data: { firstUseNotificationOverdue: true } });
    });

    it('refuses a first use dated after an export already recorded', () => {
      const used = spec
        .given([registered])
        .when(use({ exportDate: '2025-03-01' }))
        .events();
      spec
        .given([registered, ...used])
        .when({
          type: 'NotifyGeneralAuthorisationFirstUse',
          data: { firstExportDate: '2025-03-05', settings: DEFAULTS },
          metadata: meta(),
        })
        .thenRefuses('RULE_VIOLATED', 'first-use-date');
    });
  });

  it('refuses a use reported twice, an export date in the future, a destination in the Union and a malformed MRN', () => {
    const used = spec.given([registered]).when(use()).events();
    spec
      .given([registered, ...used])
      .when(use())
      .thenRefuses('CONFLICT', 'use-already-recorded');
    spec
      .given([registered])
      .when(use({ exportDate: '2025-04-01' }))
      .thenRefuses('RULE_VIOLATED', 'export-date-in-future');
    spec
      .given([registered])
      .when(use({ destinationCountry: 'FR' }))
      .thenRefuses('RULE_VIOLATED', 'destination-in-union');
    spec
      .given([registered])
      .when(use({ declarationReference: 'nope' }))
      .thenRefuses('INVALID', 'declaration-reference-format');
  });

  it('reads the United Kingdom as GB whichever code is given', () => {
    expect(
      spec
        .given([registered])
        .when(use({ destinationCountry: 'UK' }))
        .events()[0],
    ).toMatchObject({ data: { destinationCountry: 'GB' } });
  });
});
