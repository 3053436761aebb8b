import { deciderSpec } from '../testing/decider-spec';
import {
  APPLICATION_ID,
  CONSIGNEE,
  END_USER,
  NOW,
  SWISS_EXPORTER,
  applicationHistory as history,
  contentInput,
  itemInput,
  meta,
} from '../testing/licensing.fixtures';
import type { ApplicationCommand } from './application.commands';
import type { ApplicationContentInput, ApplicationKind } from './application.content';
import { normaliseApplicationContent } from './application.content';
import type { Application } from './application.decider';
import { applicationDecider } from './application.decider';
import type { ConsultedDenial } from '../consultation/consultation-status';
import type { ConsultationStatus, DecisionIssued, DenialMatchFound } from './application.events';

const spec = deciderSpec(applicationDecider);

/** Brokering or technical assistance by the German applicant itself (Art 6, Art 8). */
const SERVICES: NonNullable<ApplicationContentInput['services']> = {
  provider: { ...contentInput().exporter, memberStateOfEstablishment: 'DE' },
  description: 'Arranging the sale of the items from a Japanese maker to a Japanese operator',
};

const NO_CONSULTATIONS: ConsultationStatus = { blockingOpen: 0, bindingObjection: false };

const caseworker = meta({ actor: 'anna@bafa' });
const approver = meta({ actor: 'boss@bafa' });

function submit(
  content: ApplicationContentInput = contentInput(),
  kind: ApplicationKind = 'INDIVIDUAL',
  metadata = meta(),
): ApplicationCommand {
  return { type: 'SubmitApplication', data: { applicationId: APPLICATION_ID, kind, content }, metadata };
}

function issue(
  outcome: 'GRANT' | 'GRANT_WITH_CONDITIONS' | 'DENY' = 'GRANT',
  overrides: Partial<Extract<ApplicationCommand, { type: 'IssueDecision' }>['data']> = {},
  metadata = approver,
): ApplicationCommand {
  return {
    type: 'IssueDecision',
    data: {
      outcome,
      art15Grounds: outcome === 'DENY' ? ['HUMAN_RIGHTS'] : [],
      conditions: outcome === 'GRANT_WITH_CONDITIONS' ? ['no re-export'] : [],
      consultations: NO_CONSULTATIONS,
      ...overrides,
    },
    metadata,
  };
}

function propose(
  outcome: 'GRANT' | 'GRANT_WITH_CONDITIONS' | 'DENY' = 'GRANT',
  overrides: Partial<Extract<ApplicationCommand, { type: 'ProposeDecision' }>['data']> = {},
  metadata = caseworker,
): ApplicationCommand {
  return {
    type: 'ProposeDecision',
    data: {
      outcome,
      art15Grounds: outcome === 'DENY' ? ['HUMAN_RIGHTS'] : [],
      conditions: outcome === 'GRANT_WITH_CONDITIONS' ? ['no re-export'] : [],
      ...overrides,
    },
    metadata,
  };
}

const amend = (content = contentInput(), metadata = meta()): ApplicationCommand => ({
  type: 'AmendApplication',
  data: { content, reason: 'corrected quantity' },
  metadata,
});
const withdraw = (metadata = meta()): ApplicationCommand => ({
  type: 'WithdrawApplication',
  data: { reason: 'contract cancelled' },
  metadata,
});
const assign = (worker = 'anna@bafa', metadata = meta({ actor: 'lead@bafa' })): ApplicationCommand => ({
  type: 'StartAssessment',
  data: { caseworker: worker },
  metadata,
});
const raiseFlag = (flagId = 'flag-1', ground: 'SANCTIONS' | 'HUMAN_RIGHTS' = 'HUMAN_RIGHTS'): ApplicationCommand => ({
  type: 'RaiseRiskFlag',
  data: { flagId, ground, note: 'end user named in NGO report' },
  metadata: caseworker,
});
const clearFlag = (flagId = 'flag-1'): ApplicationCommand => ({
  type: 'ClearRiskFlag',
  data: { flagId, reason: 'report concerns another entity' },
  metadata: caseworker,
});

const screening = meta({ actor: 'system:screening' });

const FR_MATCH = {
  denialId: 'denial-fr-2024-0007',
  issuingMemberState: 'FR',
  score: 0.94,
  matchedFields: ['destination', 'controlEntry:5A001.j~5A001.j', 'endUser.name', 'endUser.country'],
  explanation: 'Same destination JP; 5A001.j overlaps 5A001.j; end user "Nippon Telecom Research KK" ~ 0.94',
} as const;
const NL_MATCH = {
  denialId: 'denial-nl-2023-0112',
  issuingMemberState: 'nl',
  score: 0.88,
  matchedFields: ['destination', 'controlEntry:5A001.j~5A001', 'consignee.name'],
  explanation: 'Same destination JP; 5A001.j is a child of 5A001; consignee "Tokyo Freight" ~ 0.88',
} as const;

const recordMatches = (
  matches: readonly Extract<ApplicationCommand, { type: 'RecordDenialMatches' }>['data']['matches'][number][],
  screenedAt?: string,
): ApplicationCommand => ({
  type: 'RecordDenialMatches',
  data: { matches, ...(screenedAt === undefined ? {} : { screenedAt }) },
  metadata: screening,
});

const matchFound = (match: typeof FR_MATCH | typeof NL_MATCH = FR_MATCH): DenialMatchFound => ({
  type: 'DenialMatchFound',
  data: {
    ...match,
    issuingMemberState: match.issuingMemberState === 'nl' ? 'NL' : 'FR',
    matchedFields: [...match.matchedFields],
    foundAt: NOW.toISOString(),
  },
});

/** FR's denial, consulted on under Art 16; FR stayed silent (not essentially identical). */
const FR_CONSULTED: ConsultedDenial = {
  denialId: FR_MATCH.denialId,
  issuingMemberState: 'FR',
  consultationId: 'consultation-7',
  outcome: 'NOT_ESSENTIALLY_IDENTICAL_BY_SILENCE',
};
const GRANT_REASONS =
  'The French denial concerned a military end use; this end user is a civil operator audited on site';

const { submitted, assessed, flagged, flagCleared, proposed, issued, withdrawn } = history;
const underAssessment = () => [submitted(), assessed()];
const withProposal = (outcome: 'GRANT' | 'GRANT_WITH_CONDITIONS' | 'DENY' = 'GRANT') => [
  ...underAssessment(),
  proposed(outcome),
];

function issuedData(events: readonly unknown[]): DecisionIssued['data'] {
  const [event] = events as readonly DecisionIssued[];
  if (event?.type !== 'DecisionIssued') throw new Error('expected DecisionIssued');
  return event.data;
}

describe('Application decider', () => {
  describe('submitting', () => {
    it('records a submitted application with its codes normalised', () => {
      const raw = contentInput({
        items: [
          itemInput({
            classification: { kind: 'LISTED', controlEntry: ' 5a001.J. ' },
            hsCode: '8517 62 00',
            currency: 'eur',
            memberStateWhereLocated: 'de',
          }),
        ],
        destinationCountry: 'jp',
        consignee: undefined,
        otherParties: undefined,
      });
      spec
        .given([])
        .when(submit(raw))
        .then([
          {
            type: 'ApplicationSubmitted',
            data: {
              applicationId: APPLICATION_ID,
              kind: 'INDIVIDUAL',
              authority: 'DE',
              submittedBy: 'clerk@bafa',
              submittedAt: NOW.toISOString(),
              content: {
                exporter: { ...contentInput().exporter, memberStateOfEstablishment: 'DE', kind: 'LEGAL_PERSON' },
                endUser: END_USER,
                consignee: null,
                otherParties: [],
                destinationCountry: 'JP',
                endUseStatement: 'EUS-2025-0042',
                endUseStatementExemption: null,
                requestedValidityMonths: 12,
                validityJustification: null,
                largeProjectName: null,
                icpDeclared: false,
                icpWaiverReason: null,
                endUse: null,
                memberStateOfCustomsExport: null,
                contract: null,
                services: null,
                transit: null,
                items: [
                  {
                    ...itemInput(),
                    classification: { kind: 'LISTED', controlEntry: '5A001.j' },
                    memberStateWhereLocated: 'DE',
                    countryOfOrigin: null,
                  },
                ],
              },
            },
          },
        ]);
    });

    it('refuses to register the same application twice', () => {
      spec.given([submitted()]).when(submit()).thenRefuses('CONFLICT', 'application-exists');
    });

    it('refuses a command that comes from no member state authority', () => {
      spec
        .given([])
        .when(submit(contentInput(), 'INDIVIDUAL', meta({ memberState: undefined })))
        .thenRefuses('FORBIDDEN', 'authority-required');
    });

    it('refuses an unknown kind of authorisation', () => {
      spec
        .given([])
        .when(submit(contentInput(), 'EXPORT' as ApplicationKind))
        .thenRefuses('INVALID', 'application-kind');
    });
  });

  describe('competence (Art 12(2))', () => {
    it('lets the authority of the member state where the exporter is established register', () => {
      expect(spec.given([]).when(submit()).events()).toHaveLength(1);
    });

    it("refuses an authority that is not that of the exporter's member state of establishment", () => {
      spec
        .given([])
        .when(submit(contentInput(), 'INDIVIDUAL', meta({ memberState: 'FR' })))
        .thenRefuses('FORBIDDEN', 'competent-authority');
    });

    it('lets an authority register for an exporter outside the EU when any item is located in its member state', () => {
      const content = contentInput({
        exporter: SWISS_EXPORTER,
        items: [itemInput({ memberStateWhereLocated: 'FR' }), itemInput({ memberStateWhereLocated: 'DE' })],
      });
      expect(spec.given([]).when(submit(content)).events()).toHaveLength(1);
    });

    it('refuses a global licence for an exporter established outside the Union: only an individual licence (Art 12(2))', () => {
      const content = contentInput({
        exporter: SWISS_EXPORTER,
        icpDeclared: true,
        items: [itemInput({ memberStateWhereLocated: 'DE' })],
      });
      spec.given([]).when(submit(content, 'GLOBAL')).thenRefuses('RULE_VIOLATED', 'non-eu-exporter-individual-only');
      spec
        .given([])
        .when(submit({ ...content, largeProjectName: 'Metro' }, 'LARGE_PROJECT'))
        .thenRefuses('RULE_VIOLATED', 'non-eu-exporter-individual-only');
    });

    it('gives brokering and technical assistance to the member state where the broker or provider is established (Art 6, Art 8)', () => {
      const french = meta({ memberState: 'FR' });
      const brokering = spec.given([]).when(submit(contentInput(), 'BROKERING', french));
      expect(brokering.thenRefuses('FORBIDDEN', 'competent-authority').message).toContain('Art 6');
      const assistance = spec
        .given([])
        .when(
          submit(
            contentInput({ items: [itemInput({ memberStateWhereLocated: 'FR' })] }),
            'TECHNICAL_ASSISTANCE',
            french,
          ),
        );
      expect(assistance.thenRefuses('FORBIDDEN', 'competent-authority').message).toContain('Art 8');
    });

    it("gives transit to the member state where the items are in transit, not the exporter's (Art 7)", () => {
      const content = contentInput({
        items: [itemInput({ memberStateWhereLocated: 'NL' })],
        transit: { route: 'Shanghai by sea to Rotterdam, on by sea to Lagos', memberStateOfTransit: 'NL' },
      });
      expect(
        spec
          .given([])
          .when(submit(content, 'TRANSIT', meta({ memberState: 'NL' })))
          .events(),
      ).toHaveLength(1);
      spec.given([]).when(submit(content, 'TRANSIT')).thenRefuses('FORBIDDEN', 'competent-authority');
    });

    it('gives an intra-EU transfer to the member state of dispatch (Art 11)', () => {
      const content = contentInput({
        destinationCountry: 'IT',
        items: [
          itemInput({ memberStateWhereLocated: 'FR', classification: { kind: 'LISTED', controlEntry: '7A117' } }),
        ],
      });
      expect(
        spec
          .given([])
          .when(submit(content, 'INTRA_EU_TRANSFER', meta({ memberState: 'FR' })))
          .events(),
      ).toHaveLength(1);
      spec.given([]).when(submit(content, 'INTRA_EU_TRANSFER')).thenRefuses('FORBIDDEN', 'competent-authority');
    });

    it('refuses an authority for an exporter outside the EU when no item is located in its member state', () => {
      const content = contentInput({ exporter: SWISS_EXPORTER, items: [itemInput({ memberStateWhereLocated: 'FR' })] });
      spec.given([]).when(submit(content)).thenRefuses('FORBIDDEN', 'competent-authority');
    });

    it('accepts EL for Greece as the authority and stores GR', () => {
      const greek = contentInput({
        exporter: {
          ...contentInput().exporter,
          memberStateOfEstablishment: 'EL',
          country: 'GR',
          identifier: { scheme: 'EORI', value: 'EL123' },
        },
      });
      const [event] = spec
        .given([])
        .when(submit(greek, 'INDIVIDUAL', meta({ memberState: 'EL' })))
        .events();
      expect(event?.data).toMatchObject({
        authority: 'GR',
        content: { exporter: { memberStateOfEstablishment: 'GR' } },
      });
    });
  });

  describe('content (Annex III-A) is well-formed', () => {
    const exporter = contentInput().exporter;
    it.each<[string, Partial<ApplicationContentInput>, string]>([
      ['no items', { items: [] }, 'items-required'],
      ['an HS code of 7 digits', { items: [itemInput({ hsCode: '8517620' })] }, 'hs-code-format'],
      ['a currency that is not ISO 4217', { items: [itemInput({ currency: 'EURO' })] }, 'currency-format'],
      [
        'a malformed control list entry',
        { items: [itemInput({ classification: { kind: 'LISTED', controlEntry: '5X001' } })] },
        'control-entry-format',
      ],
      [
        'an unknown catch-all ground',
        { items: [itemInput({ classification: { kind: 'NOT_LISTED', catchAllGround: 'ART8' as 'ART4' } })] },
        'catch-all-ground',
      ],
      ['a zero quantity', { items: [itemInput({ quantity: 0 })] }, 'amount-format'],
      ['a negative value', { items: [itemInput({ value: -1 })] }, 'amount-format'],
      ['a value with four decimals', { items: [itemInput({ value: 1.2345 })] }, 'amount-format'],
      [
        'items located in a third country code that is no member state',
        { items: [itemInput({ memberStateWhereLocated: 'US' })] },
        'member-state-code',
      ],
      ['a three-letter destination', { destinationCountry: 'JPN' }, 'country-code-format'],
      ['an exporter without a name', { exporter: { ...exporter, name: '  ' } }, 'required-field'],
      [
        'an EORI number that is not one',
        { exporter: { ...exporter, identifier: { scheme: 'EORI', value: '12345' } } },
        'eori-format',
      ],
      [
        'an exporter whose country contradicts its member state',
        { exporter: { ...exporter, country: 'FR' } },
        'exporter-establishment-country',
      ],
      [
        'an exporter outside the EU with a member-state country',
        { exporter: { ...SWISS_EXPORTER, country: 'DE' } },
        'exporter-establishment-country',
      ],
      ['an end user without an address', { endUser: { ...END_USER, address: '' } }, 'required-field'],
      ['a validity that is not whole months', { requestedValidityMonths: 6.5 }, 'validity-months-format'],
    ])('refuses content with %s (INVALID)', (_, overrides, rule) => {
      spec
        .given([])
        .when(submit(contentInput(overrides)))
        .thenRefuses('INVALID', rule);
    });

    it('names the field that is wrong', () => {
      const error = spec
        .given([])
        .when(submit(contentInput({ items: [itemInput(), itemInput({ hsCode: '12' })] })))
        .thenRefuses('INVALID', 'hs-code-format');
      expect(error.message).toContain('items[1].hsCode');
    });
  });

  describe('content rules by kind', () => {
    it('refuses an export whose destination is an EU member state', () => {
      spec
        .given([])
        .when(submit(contentInput({ destinationCountry: 'FR' })))
        .thenRefuses('RULE_VIOLATED', 'destination-outside-union');
    });

    it('refuses an export to Greece written EL', () => {
      spec
        .given([])
        .when(submit(contentInput({ destinationCountry: 'EL' })))
        .thenRefuses('RULE_VIOLATED', 'destination-outside-union');
    });

    it('refuses an intra-EU transfer whose destination is not another member state', () => {
      spec
        .given([])
        .when(submit(contentInput(), 'INTRA_EU_TRANSFER'))
        .thenRefuses('RULE_VIOLATED', 'intra-eu-destination');
      spec
        .given([])
        .when(submit(contentInput({ destinationCountry: 'DE' }), 'INTRA_EU_TRANSFER'))
        .thenRefuses('RULE_VIOLATED', 'intra-eu-destination');
    });

    // Changed with issue 9: this used to accept a transfer of 5A001.j, which is not in Annex IV.
    it('accepts an intra-EU transfer of an Annex IV item to another member state', () => {
      const annexIv = contentInput({
        destinationCountry: 'FR',
        items: [itemInput({ classification: { kind: 'LISTED', controlEntry: '5A004.a' } })],
      });
      expect(spec.given([]).when(submit(annexIv, 'INTRA_EU_TRANSFER')).events()).toHaveLength(1);
    });

    it('refuses an intra-EU transfer of an item that is not in Annex IV, saying no licence is needed (Art 11(1))', () => {
      const error = spec
        .given([])
        .when(submit(contentInput({ destinationCountry: 'FR' }), 'INTRA_EU_TRANSFER'))
        .thenRefuses('RULE_VIOLATED', 'no-licence-needed');
      expect(error.message).toContain('needs no licence');
    });

    it('accepts technical assistance provided inside the Union', () => {
      expect(
        spec
          .given([])
          .when(submit(contentInput({ destinationCountry: 'FR', services: SERVICES }), 'TECHNICAL_ASSISTANCE'))
          .events(),
      ).toHaveLength(1);
    });

    it('requires an end-use statement for an individual licence', () => {
      spec
        .given([])
        .when(submit(contentInput({ endUseStatement: null })))
        .thenRefuses('RULE_VIOLATED', 'end-use-statement-required');
    });

    it('accepts an individual licence without end-use statement when an exemption reason is recorded', () => {
      const content = contentInput({
        endUseStatement: null,
        endUseStatementExemption: { reason: 'government end user' },
      });
      expect(spec.given([]).when(submit(content)).events()).toHaveLength(1);
    });

    it('does not require an end-use statement for a global licence', () => {
      const content = contentInput({ endUseStatement: null, icpDeclared: true });
      expect(spec.given([]).when(submit(content, 'GLOBAL')).events()).toHaveLength(1);
    });

    it('requires a declared internal compliance programme for a global licence', () => {
      spec
        .given([])
        .when(submit(contentInput({ icpDeclared: false }), 'GLOBAL'))
        .thenRefuses('RULE_VIOLATED', 'icp-required');
    });

    it('accepts a global licence without an ICP when a waiver reason is recorded', () => {
      const content = contentInput({ icpDeclared: false, icpWaiverReason: 'one-off export by a research institute' });
      expect(spec.given([]).when(submit(content, 'GLOBAL')).events()).toHaveLength(1);
    });

    it('requires a large project to be named', () => {
      spec
        .given([])
        .when(submit(contentInput(), 'LARGE_PROJECT'))
        .thenRefuses('RULE_VIOLATED', 'large-project-name-required');
    });
  });

  describe('validity limits (Art 12(4))', () => {
    it.each<[ApplicationKind, number]>([
      ['INDIVIDUAL', 24],
      ['GLOBAL', 24],
      ['LARGE_PROJECT', 48],
      ['BROKERING', 60],
    ])('accepts %s authorisations of %i months', (kind, months) => {
      const content = contentInput({
        requestedValidityMonths: months,
        icpDeclared: true,
        largeProjectName: 'Metro line 3',
        services: kind === 'BROKERING' ? SERVICES : null,
      });
      expect(spec.given([]).when(submit(content, kind)).events()).toHaveLength(1);
    });

    it.each<[ApplicationKind, number]>([
      ['INDIVIDUAL', 25],
      ['GLOBAL', 25],
      ['LARGE_PROJECT', 49],
    ])('refuses %s authorisations of %i months', (kind, months) => {
      const content = contentInput({
        requestedValidityMonths: months,
        icpDeclared: true,
        largeProjectName: 'Metro line 3',
      });
      spec.given([]).when(submit(content, kind)).thenRefuses('RULE_VIOLATED', 'validity-limit');
    });

    it('accepts a large project beyond 48 months when a justification is recorded', () => {
      const content = contentInput({
        requestedValidityMonths: 72,
        largeProjectName: 'Metro line 3',
        validityJustification: 'construction runs until 2031',
      });
      expect(spec.given([]).when(submit(content, 'LARGE_PROJECT')).events()).toHaveLength(1);
    });
  });

  describe('amending', () => {
    const changed = contentInput({ items: [itemInput({ quantity: 8 })] });

    it('records an amendment before a decision, content normalised', () => {
      const events = spec.given(underAssessment()).when(amend(changed)).events();
      expect(events).toEqual([
        {
          type: 'ApplicationAmended',
          data: {
            content: normaliseApplicationContent(changed),
            reason: 'corrected quantity',
            proposalVoided: false,
            amendedBy: 'clerk@bafa',
            amendedAt: NOW.toISOString(),
          },
        },
      ]);
    });

    it('voids a pending proposal: the proposal assessed other content', () => {
      const when = spec.given(withProposal()).when(amend(changed));
      expect(when.events()[0]?.data).toMatchObject({ proposalVoided: true });
      expect(when.thenState()).toMatchObject({ status: 'UNDER_ASSESSMENT', proposal: null });
    });

    it('refuses an amendment after a decision', () => {
      spec
        .given([...withProposal(), issued()])
        .when(amend())
        .thenRefuses('CONFLICT', 'application-closed');
    });

    it('refuses an amendment after withdrawal', () => {
      spec.given([submitted(), withdrawn()]).when(amend()).thenRefuses('CONFLICT', 'application-closed');
    });

    it("refuses an amendment that takes the application out of the authority's competence", () => {
      const french = contentInput({
        exporter: { ...contentInput().exporter, memberStateOfEstablishment: 'FR', country: 'FR' },
      });
      spec.given([submitted()]).when(amend(french)).thenRefuses('FORBIDDEN', 'competent-authority');
    });

    it("refuses an amendment by another member state's authority", () => {
      spec
        .given([submitted()])
        .when(amend(contentInput(), meta({ memberState: 'FR' })))
        .thenRefuses('FORBIDDEN', 'authority-boundary');
    });

    it('refuses to amend an application that does not exist', () => {
      spec.given([]).when(amend()).thenRefuses('NOT_FOUND', 'application-not-found');
    });

    it("applies the kind's rules to the amended content", () => {
      spec
        .given([submitted()])
        .when(amend(contentInput({ requestedValidityMonths: 30 })))
        .thenRefuses('RULE_VIOLATED', 'validity-limit');
    });
  });

  describe('withdrawing', () => {
    it('records a withdrawal before a decision, even with a decision proposed', () => {
      spec
        .given(withProposal())
        .when(withdraw())
        .then([
          {
            type: 'ApplicationWithdrawn',
            data: { reason: 'contract cancelled', withdrawnBy: 'clerk@bafa', withdrawnAt: NOW.toISOString() },
          },
        ]);
    });

    it('refuses a withdrawal after a decision', () => {
      spec
        .given([...withProposal(), issued()])
        .when(withdraw())
        .thenRefuses('CONFLICT', 'application-closed');
    });

    it('refuses a second withdrawal', () => {
      spec.given([submitted(), withdrawn()]).when(withdraw()).thenRefuses('CONFLICT', 'application-closed');
    });
  });

  describe('assessment', () => {
    it('starts the assessment by assigning a caseworker', () => {
      const when = spec.given([submitted()]).when(assign());
      when.then([
        {
          type: 'AssessmentStarted',
          data: {
            caseworker: 'anna@bafa',
            previousCaseworker: null,
            assignedBy: 'lead@bafa',
            startedAt: NOW.toISOString(),
          },
        },
      ]);
      expect(when.thenState()).toMatchObject({ status: 'UNDER_ASSESSMENT', caseworker: 'anna@bafa' });
    });

    it('hands the case to another caseworker, recording the previous one', () => {
      const [event] = spec.given(underAssessment()).when(assign('ben@bafa')).events();
      expect(event?.data).toMatchObject({ caseworker: 'ben@bafa', previousCaseworker: 'anna@bafa' });
    });

    it('decides nothing when the assigned caseworker is assigned again', () => {
      spec.given(underAssessment()).when(assign('anna@bafa')).then([]);
    });

    it('refuses to hand over the case while a decision is proposed', () => {
      spec.given(withProposal()).when(assign('ben@bafa')).thenRefuses('CONFLICT', 'proposal-pending');
    });

    it('refuses to assign a caseworker after a decision or withdrawal', () => {
      spec
        .given([...withProposal(), issued()])
        .when(assign('ben@bafa'))
        .thenRefuses('CONFLICT', 'application-closed');
      spec.given([submitted(), withdrawn()]).when(assign('ben@bafa')).thenRefuses('CONFLICT', 'application-closed');
    });
  });

  describe('classifying items', () => {
    const classify = (
      classification: Extract<ApplicationCommand, { type: 'ClassifyItem' }>['data']['classification'],
      itemIndex = 0,
    ): ApplicationCommand => ({
      type: 'ClassifyItem',
      data: { itemIndex, classification },
      metadata: caseworker,
    });

    it('records a confirmed entry when the caseworker agrees with the application', () => {
      const [event] = spec
        .given(underAssessment())
        .when(classify({ kind: 'LISTED', controlEntry: '5a001.J' }))
        .events();
      expect(event).toEqual({
        type: 'ItemClassified',
        data: {
          itemIndex: 0,
          outcome: 'CONFIRMED',
          previous: { kind: 'LISTED', controlEntry: '5A001.j' },
          classification: { kind: 'LISTED', controlEntry: '5A001.j' },
          note: null,
          classifiedBy: 'anna@bafa',
          classifiedAt: NOW.toISOString(),
        },
      });
    });

    it('records a changed entry and uses it from then on', () => {
      const when = spec.given(underAssessment()).when(classify({ kind: 'LISTED', controlEntry: '5A001.f' }));
      expect(when.events()[0]?.data).toMatchObject({ outcome: 'CHANGED' });
      const state = when.thenState() as Application;
      expect(state.content.items[0]?.classification).toEqual({ kind: 'LISTED', controlEntry: '5A001.f' });
    });

    it('records an item as not listed with its catch-all ground', () => {
      const [event] = spec
        .given(underAssessment())
        .when(classify({ kind: 'NOT_LISTED', catchAllGround: 'ART5' }))
        .events();
      expect(event?.data).toMatchObject({
        outcome: 'NOT_LISTED',
        classification: { kind: 'NOT_LISTED', catchAllGround: 'ART5' },
      });
    });

    it('refuses to classify before the assessment has started', () => {
      spec
        .given([submitted()])
        .when(classify({ kind: 'LISTED', controlEntry: '5A001.j' }))
        .thenRefuses('CONFLICT', 'assessment-not-started');
    });

    it('refuses an item index the application does not have', () => {
      spec
        .given(underAssessment())
        .when(classify({ kind: 'LISTED', controlEntry: '5A001.j' }, 1))
        .thenRefuses('INVALID', 'item-index');
    });

    it('refuses a malformed control list entry', () => {
      spec
        .given(underAssessment())
        .when(classify({ kind: 'LISTED', controlEntry: '5A1' }))
        .thenRefuses('INVALID', 'control-entry-format');
    });

    it('refuses to reclassify while a decision is proposed', () => {
      spec
        .given(withProposal())
        .when(classify({ kind: 'LISTED', controlEntry: '5A001' }))
        .thenRefuses('CONFLICT', 'proposal-pending');
    });
  });

  describe('risk flags', () => {
    it('raises a risk flag', () => {
      spec
        .given(underAssessment())
        .when(raiseFlag())
        .then([
          {
            type: 'RiskFlagRaised',
            data: {
              flagId: 'flag-1',
              ground: 'HUMAN_RIGHTS',
              note: 'end user named in NGO report',
              raisedBy: 'anna@bafa',
              raisedAt: NOW.toISOString(),
            },
          },
        ]);
    });

    it('raises a flag from screening before a caseworker is assigned', () => {
      expect(spec.given([submitted()]).when(raiseFlag()).events()).toHaveLength(1);
    });

    it('refuses a flag id that is already used', () => {
      spec
        .given([...underAssessment(), flagged()])
        .when(raiseFlag())
        .thenRefuses('CONFLICT', 'flag-exists');
    });

    it('refuses an unknown risk ground', () => {
      spec
        .given(underAssessment())
        .when({
          ...raiseFlag(),
          data: { flagId: 'flag-1', ground: 'WEATHER' as 'SANCTIONS', note: 'x' },
        } as ApplicationCommand)
        .thenRefuses('INVALID', 'risk-ground');
    });

    it('clears a raised flag with a reason', () => {
      const when = spec.given([...underAssessment(), flagged()]).when(clearFlag());
      expect(when.events()[0]?.data).toMatchObject({
        flagId: 'flag-1',
        ground: 'HUMAN_RIGHTS',
        reason: 'report concerns another entity',
      });
      expect((when.thenState() as Application).riskFlags).toEqual([
        expect.objectContaining({ flagId: 'flag-1', open: false }),
      ]);
    });

    it('refuses to clear a flag that does not exist', () => {
      spec.given(underAssessment()).when(clearFlag('flag-9')).thenRefuses('NOT_FOUND', 'flag-not-found');
    });

    it('refuses to clear a flag twice', () => {
      spec
        .given([...underAssessment(), flagged(), flagCleared()])
        .when(clearFlag())
        .thenRefuses('CONFLICT', 'flag-already-cleared');
    });

    it('refuses to raise or clear flags after a decision or withdrawal', () => {
      spec
        .given([...withProposal(), issued()])
        .when(raiseFlag('flag-2'))
        .thenRefuses('CONFLICT', 'application-closed');
      spec.given([submitted(), flagged(), withdrawn()]).when(clearFlag()).thenRefuses('CONFLICT', 'application-closed');
    });
  });

  describe('denial matches from screening (Art 2(22), Art 16)', () => {
    it('records each denial match once, with its score and matched fields', () => {
      const first = spec.given(underAssessment()).when(recordMatches([FR_MATCH, FR_MATCH]));
      first.then([matchFound(FR_MATCH)]);
      expect(first.thenState()).toMatchObject({ denialMatches: [matchFound(FR_MATCH).data] });

      // Screening again before the decision: FR's denial is already recorded, NL's is new.
      const again = spec.given([...underAssessment(), matchFound(FR_MATCH)]).when(recordMatches([FR_MATCH, NL_MATCH]));
      again.then([matchFound(NL_MATCH)]);
      expect((again.thenState() as Application).denialMatches.map((match) => match.denialId)).toEqual([
        FR_MATCH.denialId,
        NL_MATCH.denialId,
      ]);
      spec
        .given([...underAssessment(), matchFound(FR_MATCH), matchFound(NL_MATCH)])
        .when(recordMatches([NL_MATCH, FR_MATCH]))
        .then([]);
    });

    it('records matches in every open state, at the time screening ran', () => {
      for (const given of [[submitted()], underAssessment(), withProposal()]) {
        spec
          .given(given)
          .when(recordMatches([FR_MATCH], '2025-03-10T08:59:00+00:00'))
          .then([
            { ...matchFound(FR_MATCH), data: { ...matchFound(FR_MATCH).data, foundAt: '2025-03-10T08:59:00.000Z' } },
          ]);
      }
    });

    it('refuses to record denial matches after a decision', () => {
      for (const outcome of ['GRANT', 'DENY'] as const) {
        spec
          .given([...withProposal(outcome), issued(outcome)])
          .when(recordMatches([FR_MATCH]))
          .thenRefuses('CONFLICT', 'application-closed');
      }
      spec
        .given([...underAssessment(), withdrawn()])
        .when(recordMatches([FR_MATCH]))
        .thenRefuses('CONFLICT', 'application-closed');
    });

    it("refuses matches for another member state's application", () => {
      spec
        .given(underAssessment())
        .when({ ...recordMatches([FR_MATCH]), metadata: meta({ actor: 'system:screening', memberState: 'FR' }) })
        .thenRefuses('FORBIDDEN', 'authority-boundary');
    });

    it("refuses a match against the authority's own denial: Art 16 concerns other member states' denials", () => {
      spec
        .given(underAssessment())
        .when(recordMatches([{ ...FR_MATCH, issuingMemberState: 'DE' }]))
        .thenRefuses('INVALID', 'denial-of-another-member-state');
    });

    it.each([
      ['a score above 1', { score: 1.2 }, 'match-score'],
      ['a negative score', { score: -0.1 }, 'match-score'],
      ['no matched field', { matchedFields: [' '] }, 'match-fields'],
      ['an unknown issuing member state', { issuingMemberState: 'CH' }, 'member-state-code'],
      ['no explanation', { explanation: '' }, 'required-field'],
      ['no denial id', { denialId: ' ' }, 'required-field'],
    ])('refuses a match with %s', (_label, override, rule) => {
      spec
        .given(underAssessment())
        .when(recordMatches([{ ...FR_MATCH, ...override }]))
        .thenRefuses('INVALID', rule);
    });

    it('refuses a screening time that is not a date or lies in the future', () => {
      spec
        .given(underAssessment())
        .when(recordMatches([FR_MATCH], 'yesterday'))
        .thenRefuses('INVALID', 'screened-at');
      spec
        .given(underAssessment())
        .when(recordMatches([FR_MATCH], '2025-03-10T09:00:01Z'))
        .thenRefuses('INVALID', 'screened-at');
    });
  });

  describe('proposing a decision', () => {
    it("records the caseworker's proposal, validity defaulting to the requested one", () => {
      spec
        .given(underAssessment())
        .when(propose('GRANT', { reasoning: 'civil telecom operator' }))
        .then([
          {
            type: 'DecisionProposed',
            data: {
              outcome: 'GRANT',
              art15Grounds: [],
              conditions: [],
              reasoning: 'civil telecom operator',
              validityMonths: 12,
              validityReason: null,
              validityCapMonths: 24,
              proposedBy: 'anna@bafa',
              proposedAt: NOW.toISOString(),
            },
          },
        ]);
    });

    it('lets the caseworker propose a shorter validity than requested', () => {
      const [event] = spec
        .given(underAssessment())
        .when(propose('GRANT', { validityMonths: 6 }))
        .events();
      expect(event?.data).toMatchObject({ validityMonths: 6 });
    });

    // Changed with issue 9: 36 months against a 12-month request is now refused first for exceeding the request.
    it('refuses a proposal that exceeds the requested term without a recorded reason', () => {
      spec
        .given(underAssessment())
        .when(propose('GRANT', { validityMonths: 18 }))
        .thenRefuses('RULE_VIOLATED', 'validity-beyond-request');
      const [event] = spec
        .given(underAssessment())
        .when(propose('GRANT', { validityMonths: 18, validityReason: 'contract runs 18 months' }))
        .events();
      expect(event?.data).toMatchObject({ validityMonths: 18, validityReason: 'contract runs 18 months' });
    });

    it("refuses a term beyond the member state's cap without a recorded reason, and accepts it with one (Art 12(3))", () => {
      spec
        .given(underAssessment())
        .when(propose('GRANT', { validityCaps: { INDIVIDUAL: 10 } }))
        .thenRefuses('RULE_VIOLATED', 'validity-limit');
      const [event] = spec
        .given(underAssessment())
        .when(propose('GRANT', { validityCaps: { INDIVIDUAL: 10 }, validityReason: 'long delivery schedule' }))
        .events();
      expect(event?.data).toMatchObject({ validityMonths: 12, validityCapMonths: 10 });
    });

    it("applies the member state's configured validity cap instead of the 24-month default", () => {
      const longer = contentInput({ requestedValidityMonths: 36 });
      spec.given([]).when(submit(longer)).thenRefuses('RULE_VIOLATED', 'validity-limit');
      const withCap = {
        type: 'SubmitApplication' as const,
        data: {
          applicationId: APPLICATION_ID,
          kind: 'INDIVIDUAL' as const,
          content: longer,
          validityCaps: { INDIVIDUAL: 36 },
        },
        metadata: meta(),
      };
      expect(spec.given([]).when(withCap).events()).toHaveLength(1);
      const justified = contentInput({
        requestedValidityMonths: 36,
        validityJustification: 'ten-year programme, staged',
      });
      expect(spec.given([]).when(submit(justified)).events()).toHaveLength(1);
    });

    it('refuses a proposal by anyone but the assigned caseworker', () => {
      spec
        .given(underAssessment())
        .when(propose('GRANT', {}, approver))
        .thenRefuses('FORBIDDEN', 'proposer-is-caseworker');
    });

    it('refuses a proposal before the assessment has started', () => {
      spec.given([submitted()]).when(propose()).thenRefuses('CONFLICT', 'assessment-not-started');
    });

    it('refuses a denial without an Art 15 ground', () => {
      spec
        .given(underAssessment())
        .when(propose('DENY', { art15Grounds: [] }))
        .thenRefuses('RULE_VIOLATED', 'denial-grounds-required');
    });

    it('refuses a conditional grant without conditions', () => {
      spec
        .given(underAssessment())
        .when(propose('GRANT_WITH_CONDITIONS', { conditions: [' '] }))
        .thenRefuses('RULE_VIOLATED', 'conditions-required');
    });

    it('refuses conditions on an unconditional grant or a denial', () => {
      spec
        .given(underAssessment())
        .when(propose('GRANT', { conditions: ['no re-export'] }))
        .thenRefuses('RULE_VIOLATED', 'conditions-only-on-conditional-grant');
      spec
        .given(underAssessment())
        .when(propose('DENY', { conditions: ['no re-export'] }))
        .thenRefuses('RULE_VIOLATED', 'conditions-only-on-conditional-grant');
    });

    it('refuses an unknown Art 15 ground', () => {
      spec
        .given(underAssessment())
        .when(propose('DENY', { art15Grounds: ['WHIM' as 'SANCTIONS'] }))
        .thenRefuses('INVALID', 'art15-ground');
    });

    it('replaces a pending proposal with a new one', () => {
      const state = spec.given(withProposal('GRANT')).when(propose('DENY')).thenState() as Application;
      expect(state.proposal).toMatchObject({ outcome: 'DENY', validityMonths: null });
    });

    it('refuses a proposal after a decision', () => {
      spec
        .given([...withProposal(), issued()])
        .when(propose())
        .thenRefuses('CONFLICT', 'application-closed');
    });
  });

  describe('issuing a decision', () => {
    it('issues the proposed grant', () => {
      const when = spec.given(withProposal('GRANT')).when(issue('GRANT'));
      when.then([
        {
          type: 'DecisionIssued',
          data: {
            outcome: 'GRANT',
            art15Grounds: [],
            conditions: [],
            reasoning: null,
            validityMonths: 12,
            validityReason: null,
            validityCapMonths: null,
            proposedBy: 'anna@bafa',
            issuedBy: 'boss@bafa',
            issuedAt: NOW.toISOString(),
            riskOverride: null,
            denialNotice: null,
          },
        },
      ]);
      expect(when.thenState()).toMatchObject({ status: 'GRANTED' });
    });

    it('refuses an approver who proposed the decision (four-eyes)', () => {
      spec
        .given(withProposal())
        .when(issue('GRANT', {}, caseworker))
        .thenRefuses('FORBIDDEN', 'four-eyes');
    });

    it('refuses a decision without a proposal', () => {
      spec.given(underAssessment()).when(issue()).thenRefuses('CONFLICT', 'proposal-required');
      spec.given([submitted()]).when(issue()).thenRefuses('CONFLICT', 'proposal-required');
    });

    it('refuses a second decision', () => {
      spec
        .given([...withProposal(), issued()])
        .when(issue())
        .thenRefuses('CONFLICT', 'application-closed');
    });

    it('refuses a decision on a withdrawn application', () => {
      spec
        .given([...withProposal(), withdrawn()])
        .when(issue())
        .thenRefuses('CONFLICT', 'application-closed');
    });

    it('refuses an approver of another member state', () => {
      spec
        .given(withProposal())
        .when(issue('GRANT', {}, meta({ actor: 'chef@sbdu', memberState: 'FR' })))
        .thenRefuses('FORBIDDEN', 'authority-boundary');
    });

    it('lets the approver deny a proposed grant', () => {
      const when = spec.given(withProposal('GRANT')).when(issue('DENY'));
      expect(issuedData(when.events())).toMatchObject({ outcome: 'DENY', validityMonths: null });
      expect(when.thenState()).toMatchObject({ status: 'DENIED' });
    });

    it('refuses a grant when the caseworker proposed a denial (issued outcome follows the proposal)', () => {
      spec
        .given(withProposal('DENY'))
        .when(issue('GRANT'))
        .thenRefuses('RULE_VIOLATED', 'issued-outcome-follows-proposal');
    });

    it('refuses a conditional grant when an unconditional grant was proposed', () => {
      spec
        .given(withProposal('GRANT'))
        .when(issue('GRANT_WITH_CONDITIONS'))
        .thenRefuses('RULE_VIOLATED', 'issued-outcome-follows-proposal');
    });

    it('lets the approver add conditions to a proposed conditional grant', () => {
      const events = spec
        .given(withProposal('GRANT_WITH_CONDITIONS'))
        .when(issue('GRANT_WITH_CONDITIONS', { conditions: ['no re-export', 'annual end-use report'] }))
        .events();
      expect(issuedData(events).conditions).toEqual(['no re-export', 'annual end-use report']);
    });

    it('refuses a conditional grant that drops a proposed condition', () => {
      spec
        .given(withProposal('GRANT_WITH_CONDITIONS'))
        .when(issue('GRANT_WITH_CONDITIONS', { conditions: ['annual end-use report'] }))
        .thenRefuses('RULE_VIOLATED', 'approver-keeps-proposed-conditions');
    });

    it('rejects a grant while an Art 14 objection stands', () => {
      spec
        .given(withProposal())
        .when(issue('GRANT', { consultations: { blockingOpen: 0, bindingObjection: true } }))
        .thenRefuses('RULE_VIOLATED', 'art14-binding-objection');
    });

    it('rejects a grant while a blocking consultation is open', () => {
      spec
        .given(withProposal())
        .when(issue('GRANT', { consultations: { blockingOpen: 2, bindingObjection: false } }))
        .thenRefuses('RULE_VIOLATED', 'consultation-open');
    });

    it('issues a denial while a consultation is still open or an objection stands', () => {
      const events = spec
        .given(withProposal('DENY'))
        .when(issue('DENY', { consultations: { blockingOpen: 1, bindingObjection: true } }))
        .events();
      expect(issuedData(events).outcome).toBe('DENY');
    });

    it('refuses a malformed consultation status', () => {
      spec
        .given(withProposal())
        .when(issue('GRANT', { consultations: { blockingOpen: -1, bindingObjection: false } }))
        .thenRefuses('INVALID', 'consultation-status');
    });

    it('refuses a grant while a risk flag is raised and no override reason is given', () => {
      spec
        .given([...underAssessment(), flagged(), proposed()])
        .when(issue())
        .thenRefuses('RULE_VIOLATED', 'open-risk-flags-block-grant');
    });

    it('grants despite raised risk flags with an override reason, recording the flags overridden', () => {
      const events = spec
        .given([...underAssessment(), flagged('flag-1'), flagged('flag-2', 'DIVERSION'), proposed()])
        .when(issue('GRANT', { riskOverrideReason: 'end-user audit completed on site' }))
        .events();
      expect(issuedData(events).riskOverride).toEqual({
        reason: 'end-user audit completed on site',
        flagIds: ['flag-1', 'flag-2'],
      });
    });

    it('refuses a grant while a SANCTIONS flag is raised, even with an override reason', () => {
      spec
        .given([...underAssessment(), flagged('flag-1', 'SANCTIONS'), proposed()])
        .when(issue('GRANT', { riskOverrideReason: 'we think it is fine' }))
        .thenRefuses('RULE_VIOLATED', 'sanctions-flag-blocks-grant');
    });

    it('grants once every raised flag is cleared', () => {
      const events = spec
        .given([...underAssessment(), flagged(), flagCleared(), proposed()])
        .when(issue())
        .events();
      expect(issuedData(events)).toMatchObject({ outcome: 'GRANT', riskOverride: null });
    });

    it('issues a denial with an Art 16 notice for every other member state and the Commission', () => {
      const events = spec
        .given(withProposal('DENY'))
        .when(issue('DENY', { reasoning: 'risk of internal repression' }))
        .events();
      expect(issuedData(events).denialNotice).toEqual({
        kind: 'DENIAL',
        notifyingMemberState: 'DE',
        recipients: { memberStates: expect.not.arrayContaining(['DE']), commission: true },
        applicationId: APPLICATION_ID,
        licenceId: null,
        applicationKind: 'INDIVIDUAL',
        items: [
          {
            controlEntry: '5A001.j',
            catchAllGround: null,
            description: 'IP network communications surveillance system',
            hsCode: '85176200',
          },
        ],
        destinationCountry: 'JP',
        endUser: END_USER,
        consignee: CONSIGNEE,
        grounds: ['HUMAN_RIGHTS'],
        reason: 'risk of internal repression',
        effectiveOn: '2025-03-10',
        reviewDueBy: '2028-03-10',
      });
      expect(issuedData(events).denialNotice?.recipients.memberStates).toHaveLength(26);
    });

    it("describes denied items by the caseworker's classification, not the applicant's", () => {
      const reclassified = {
        type: 'ItemClassified',
        data: {
          itemIndex: 0,
          outcome: 'NOT_LISTED',
          previous: { kind: 'LISTED', controlEntry: '5A001.j' },
          classification: { kind: 'NOT_LISTED', catchAllGround: 'ART5' },
          note: null,
          classifiedBy: 'anna@bafa',
          classifiedAt: NOW.toISOString(),
        },
      } as const;
      const events = spec
        .given([...underAssessment(), reclassified, proposed('DENY')])
        .when(issue('DENY'))
        .events();
      expect(issuedData(events).denialNotice?.items[0]).toMatchObject({ controlEntry: null, catchAllGround: 'ART5' });
    });
  });

  describe('granting despite a matching denial (Art 16)', () => {
    it('notifies every member state and the Commission when granting despite a matching denial, with the reasons (Art 16)', () => {
      const when = spec
        .given([...underAssessment(), matchFound(FR_MATCH), proposed('GRANT')])
        .when(issue('GRANT', { priorDenials: [FR_CONSULTED], grantDespiteDenialReasons: ` ${GRANT_REASONS} ` }));
      const events = when.events();
      expect(events.map((event) => event.type)).toEqual(['DecisionIssued', 'GrantDespiteDenialNotified']);
      expect(events[1]).toEqual({
        type: 'GrantDespiteDenialNotified',
        data: {
          applicationId: APPLICATION_ID,
          grantingMemberState: 'DE',
          recipients: { memberStates: expect.not.arrayContaining(['DE']), commission: true },
          reasons: GRANT_REASONS,
          denials: [FR_CONSULTED],
          notifiedBy: 'boss@bafa',
          grantedAt: NOW.toISOString(),
        },
      });
      const notified = events[1] as Extract<(typeof events)[number], { type: 'GrantDespiteDenialNotified' }>;
      expect(notified.data.recipients.memberStates).toHaveLength(26);
      expect(notified.data.recipients.memberStates).toEqual(expect.arrayContaining(['FR', 'NL']));
      expect(when.thenState()).toMatchObject({ status: 'GRANTED', grantDespiteDenial: notified.data });
    });

    it('notifies a conditional grant despite a matching denial too', () => {
      const events = spec
        .given(withProposal('GRANT_WITH_CONDITIONS'))
        .when(
          issue('GRANT_WITH_CONDITIONS', { priorDenials: [FR_CONSULTED], grantDespiteDenialReasons: GRANT_REASONS }),
        )
        .events();
      expect(events.map((event) => event.type)).toEqual(['DecisionIssued', 'GrantDespiteDenialNotified']);
    });

    it('refuses a grant despite a matching denial without reasons', () => {
      spec
        .given(withProposal('GRANT'))
        .when(issue('GRANT', { priorDenials: [FR_CONSULTED] }))
        .thenRefuses('RULE_VIOLATED', 'grant-despite-denial-reasons');
      spec
        .given(withProposal('GRANT'))
        .when(issue('GRANT', { priorDenials: [FR_CONSULTED], grantDespiteDenialReasons: '   ' }))
        .thenRefuses('RULE_VIOLATED', 'grant-despite-denial-reasons');
    });

    it('refuses a grant while the consultation on a matching denial is still open', () => {
      spec
        .given(withProposal('GRANT'))
        .when(
          issue('GRANT', {
            priorDenials: [{ ...FR_CONSULTED, outcome: null }],
            grantDespiteDenialReasons: GRANT_REASONS,
          }),
        )
        .thenRefuses('RULE_VIOLATED', 'consultation-open');
    });

    it('a denial needs no grant-despite-denial notification', () => {
      const when = spec.given(withProposal('DENY')).when(issue('DENY', { priorDenials: [FR_CONSULTED] }));
      expect(when.events().map((event) => event.type)).toEqual(['DecisionIssued']);
      expect(when.thenState()).toMatchObject({ status: 'DENIED', grantDespiteDenial: null });
    });

    it('a grant with no prior denial is not notified, and ignores reasons given for one', () => {
      for (const priorDenials of [undefined, []]) {
        const events = spec
          .given(withProposal('GRANT'))
          .when(issue('GRANT', { priorDenials, grantDespiteDenialReasons: GRANT_REASONS }))
          .events();
        expect(events.map((event) => event.type)).toEqual(['DecisionIssued']);
      }
    });

    it('refuses malformed prior denials', () => {
      spec
        .given(withProposal('GRANT'))
        .when(issue('GRANT', { priorDenials: [{ denialId: '' } as unknown as ConsultedDenial] }))
        .thenRefuses('INVALID', 'prior-denials');
    });
  });

  describe('evolve', () => {
    it('ignores events on a stream that was never submitted', () => {
      expect(spec.given([withdrawn()]).state()).toEqual({ status: 'NONE' });
    });

    it('starts with no denial match and no grant-despite-denial notification', () => {
      expect(spec.given([submitted()]).state()).toMatchObject({ denialMatches: [], grantDespiteDenial: null });
    });

    it('keeps a denial match recorded twice in history once', () => {
      const state = spec.given([submitted(), matchFound(FR_MATCH), matchFound(FR_MATCH)]).state() as Application;
      expect(state.denialMatches).toHaveLength(1);
    });
  });
});
