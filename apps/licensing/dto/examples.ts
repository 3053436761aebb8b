// Request bodies that pass both the DTO validation and the domain deciders, in the order a case runs:
// submit, assign, classify, flag and clear, propose, issue; then use and change the licence. The
// names are invented. Used by tests and as @ApiBody examples.
import type {
  AmendApplicationDto,
  AssignCaseworkerDto,
  ClassifyItemDto,
  ClearRiskFlagDto,
  IssueDecisionDto,
  ProposeDecisionDto,
  RaiseRiskFlagDto,
  SubmitApplicationDto,
  WithdrawApplicationDto,
} from './application-commands.dto';
import type { ApplicationContentDto } from '@dul/http';
import type {
  AmendLicenceDto,
  DecideLicenceAmendmentDto,
  RecordLicenceUsageDto,
  ReinstateLicenceDto,
  SuspendLicenceDto,
} from './licence-commands.dto';

/** A German exporter of an IP network surveillance system (5A001.j) to Brazil, items in Hamburg. */
export const EXAMPLE_APPLICATION_CONTENT: ApplicationContentDto = {
  exporter: {
    name: 'Nordlicht Netzwerktechnik GmbH',
    identifier: { scheme: 'EORI', value: 'DE471100000012345' },
    address: 'Speicherstadt 7, 20457 Hamburg',
    memberStateOfEstablishment: 'DE',
    country: 'DE',
  },
  items: [
    {
      classification: { kind: 'LISTED', controlEntry: '5A001.j' },
      description:
        'IP network communications surveillance system "Argus 4": carrier-grade probes with analysis servers',
      hsCode: '85176200',
      quantity: 2,
      unit: 'pcs',
      value: 1250000,
      currency: 'EUR',
      memberStateWhereLocated: 'DE',
    },
    {
      classification: { kind: 'NOT_LISTED', catchAllGround: 'ART5' },
      description: 'Storage appliance for retained session metadata, 1.2 PB, delivered with the Argus 4 system',
      hsCode: '84717050',
      quantity: 4,
      unit: 'pcs',
      value: 180000.5,
      currency: 'EUR',
      memberStateWhereLocated: 'DE',
    },
  ],
  endUser: {
    name: 'Meridional Telecom S.A.',
    address: 'Avenida Atlântica 1500, 22021-000 Rio de Janeiro',
    country: 'BR',
  },
  consignee: { name: 'Porto Sul Logística Ltda.', address: 'Rua do Porto 88, 11010-000 Santos', country: 'BR' },
  otherParties: [
    {
      role: 'AGENT',
      name: 'Carvalho Representações Comerciais Ltda.',
      address: 'Rua Augusta 2100, 01412-100 São Paulo',
      country: 'BR',
    },
  ],
  destinationCountry: 'BR',
  endUseStatement: 'EUS-2026-0117, signed by Meridional Telecom S.A. on 2026-02-12',
  endUseStatementExemption: null,
  requestedValidityMonths: 24,
  validityJustification: null,
  largeProjectName: null,
  icpDeclared: true,
  icpWaiverReason: null,
};

/**
 * The same application with every Annex III-A field added with issue 10: the exporter's kind, each
 * item's country of origin, the end use in words, the member state of the customs export procedure
 * and the contract. EXAMPLE_APPLICATION_CONTENT stays without them: what a client written before sends.
 */
export const EXAMPLE_ANNEX_IIIA_CONTENT: ApplicationContentDto = {
  ...EXAMPLE_APPLICATION_CONTENT,
  exporter: { ...EXAMPLE_APPLICATION_CONTENT.exporter, kind: 'LEGAL_PERSON' },
  items: EXAMPLE_APPLICATION_CONTENT.items.map((item, index) => ({
    ...item,
    countryOfOrigin: index === 0 ? 'DE' : 'TW',
  })),
  endUse:
    'Lawful interception by the operator under court orders, in its national IP backbone (Rio de Janeiro, São Paulo)',
  memberStateOfCustomsExport: 'NL',
  contract: { date: '2026-01-20', reference: 'MT-2026-014' },
};

/** Brokering (Art 6) by a French broker of Japanese probes sold to the Brazilian operator: no item in the EU. */
export const EXAMPLE_SUBMIT_BROKERING: SubmitApplicationDto = {
  kind: 'BROKERING',
  content: {
    ...EXAMPLE_ANNEX_IIIA_CONTENT,
    exporter: {
      name: 'Courtage Lumière SARL',
      identifier: { scheme: 'EORI', value: 'FR12345678901' },
      address: '12 rue de la Paix, 75002 Paris',
      memberStateOfEstablishment: 'FR',
      country: 'FR',
      kind: 'LEGAL_PERSON',
    },
    items: EXAMPLE_ANNEX_IIIA_CONTENT.items.map((item) => ({
      ...item,
      memberStateWhereLocated: null,
      countryOfOrigin: 'JP',
    })),
    memberStateOfCustomsExport: null,
    endUseStatement: null,
    services: {
      provider: {
        name: 'Courtage Lumière SARL',
        address: '12 rue de la Paix, 75002 Paris',
        country: 'FR',
        memberStateOfEstablishment: 'FR',
      },
      description:
        'Negotiating and arranging the sale of two Argus 4 probes from a Japanese maker to Meridional Telecom',
    },
  },
};

/** Transit (Art 7) through Rotterdam of items made in China for Brazil; the Dutch authority decides. */
export const EXAMPLE_SUBMIT_TRANSIT: SubmitApplicationDto = {
  kind: 'TRANSIT',
  content: {
    ...EXAMPLE_ANNEX_IIIA_CONTENT,
    exporter: {
      name: 'Huaxin Optical Systems Co., Ltd.',
      identifier: { scheme: 'OTHER', value: '91310000MA1FL0XXXX' },
      address: '88 Zhangjiang Road, Shanghai',
      memberStateOfEstablishment: null,
      country: 'CN',
      kind: 'LEGAL_PERSON',
    },
    items: EXAMPLE_ANNEX_IIIA_CONTENT.items.map((item) => ({
      ...item,
      memberStateWhereLocated: 'NL',
      countryOfOrigin: 'CN',
    })),
    memberStateOfCustomsExport: null,
    endUseStatement: null,
    transit: {
      route: 'Shanghai (CN) by sea to Rotterdam (NL), transhipped without release, by sea to Santos (BR)',
      memberStateOfTransit: 'NL',
    },
  },
};

/** A complete INDIVIDUAL licence application by a DE exporter with the items located in DE. */
export const EXAMPLE_SUBMIT_APPLICATION: SubmitApplicationDto = {
  kind: 'INDIVIDUAL',
  content: EXAMPLE_APPLICATION_CONTENT,
};

export const EXAMPLE_AMEND_APPLICATION: AmendApplicationDto = {
  content: {
    ...EXAMPLE_APPLICATION_CONTENT,
    items: EXAMPLE_APPLICATION_CONTENT.items.map((item, index) =>
      index === 0 ? { ...item, quantity: 1, value: 625000 } : item,
    ),
  },
  reason: 'End user reduced the order to one probe (purchase order amendment 3)',
};

export const EXAMPLE_WITHDRAW_APPLICATION: WithdrawApplicationDto = {
  reason: 'Contract with the end user cancelled on 2026-03-20',
};

export const EXAMPLE_ASSIGN_CASEWORKER: AssignCaseworkerDto = { caseworker: 'anna.weber@bafa.example' };

export const EXAMPLE_CLASSIFY_ITEM: ClassifyItemDto = {
  itemIndex: 0,
  classification: { kind: 'LISTED', controlEntry: '5A001.j' },
  note: 'Confirmed from technical data sheet rev. 3: IP-layer interception with subscriber identifier extraction',
};

export const EXAMPLE_RAISE_RISK_FLAG: RaiseRiskFlagDto = {
  flagId: 'flag-hr-2026-0117',
  ground: 'HUMAN_RIGHTS',
  note: 'End user named in a 2025 NGO report on interception of journalists; verify the end-use statement',
};

export const EXAMPLE_CLEAR_RISK_FLAG: ClearRiskFlagDto = {
  flagId: 'flag-hr-2026-0117',
  reason: 'The report concerns a different company with a similar name (registry check 2026-03-05)',
};

const CONDITIONS = [
  'No re-export without prior authorisation of BAFA',
  'Post-shipment verification within six months',
] as const;

export const EXAMPLE_PROPOSE_DECISION: ProposeDecisionDto = {
  outcome: 'GRANT_WITH_CONDITIONS',
  art15Grounds: ['HUMAN_RIGHTS', 'END_USE_AND_DIVERSION'],
  conditions: CONDITIONS,
  reasoning: 'Human-rights concern cleared; diversion risk mitigated by post-shipment verification',
  validityMonths: 12,
};

/** Issued by an approver other than the proposing caseworker; the server adds `consultations`. */
export const EXAMPLE_ISSUE_DECISION: IssueDecisionDto = {
  outcome: 'GRANT_WITH_CONDITIONS',
  art15Grounds: ['HUMAN_RIGHTS', 'END_USE_AND_DIVERSION'],
  conditions: CONDITIONS,
  reasoning: 'Granted as proposed; conditions follow the caseworker assessment of 2026-03-12',
};

/**
 * A grant after an Art 16 consultation on another member state's denial: the reasons are notified with
 * the grant to every member state and the Commission. The server adds `consultations` and `priorDenials`.
 */
export const EXAMPLE_ISSUE_DECISION_DESPITE_DENIAL: IssueDecisionDto = {
  ...EXAMPLE_ISSUE_DECISION,
  grantDespiteDenialReasons:
    'The French denial concerned a military end user; this end user is the civil network operator, ' +
    'verified on site by the embassy on 2026-03-02',
};

export const EXAMPLE_RECORD_LICENCE_USAGE: RecordLicenceUsageDto = {
  usageId: 'usage-26DE485200000417R5',
  customsOffice: 'DE004852',
  declarationReference: '26DE485200000417R5',
  lines: [{ itemIndex: 0, quantity: 1, value: 625000 }],
};

export const EXAMPLE_AMEND_LICENCE: AmendLicenceDto = {
  reason: 'Second probe no longer covered following the end-user audit of 2026-04-02',
  itemLimits: [
    { quantity: 1, value: 625000 },
    { quantity: 4, value: 180000.5 },
  ],
  substantialLimitation: true,
  grounds: ['END_USE_AND_DIVERSION'],
};

/** A widening (a second framework contract: more probes, more value): a proposal another approver decides. */
export const EXAMPLE_WIDEN_LICENCE: AmendLicenceDto = {
  amendmentId: 'widen-2026-05-probes',
  reason: 'Second framework contract with the same end user for two more probes',
  itemLimits: [
    { quantity: 4, value: 2500000 },
    { quantity: 4, value: 180000.5 },
  ],
  substantialLimitation: false,
};

export const EXAMPLE_DECIDE_LICENCE_AMENDMENT: DecideLicenceAmendmentDto = {
  amendmentId: 'widen-2026-05-probes',
  outcome: 'APPROVE',
  reasons: 'Second framework contract verified with the end user; no new risk under Art 15',
};

export const EXAMPLE_SUSPEND_LICENCE: SuspendLicenceDto = {
  reason: 'Credible report of diversion to a security agency; suspended pending verification by the embassy',
  grounds: ['END_USE_AND_DIVERSION', 'HUMAN_RIGHTS'],
};

export const EXAMPLE_REINSTATE_LICENCE: ReinstateLicenceDto = {
  finalAssessment: 'On-site verification on 2026-05-14 found the equipment installed at the declared end user only',
};
