import type { CommandMetadata } from '../decider';
import type { ApplicationContentInput, ApplicationItemInput, Party } from '../licensing/application.content';
import { normaliseApplicationContent } from '../licensing/application.content';
import type { ApplicationKind } from '../licensing/application.content';
import type { ApplicationEvent } from '../licensing/application.events';

/** The instant every command happens at unless a test says otherwise. */
export const NOW = new Date('2025-03-10T09:00:00.000Z');

/** Metadata of a command by a German (BAFA) clerk at NOW. */
export function meta(overrides: Partial<CommandMetadata> = {}): CommandMetadata {
  return { actor: 'clerk@bafa', memberState: 'DE', now: NOW, correlationId: 'corr-1', ...overrides };
}

export const END_USER: Party = { name: 'Nippon Telecom Research', address: '1-1 Chiyoda, Tokyo', country: 'JP' };
export const CONSIGNEE: Party = { name: 'Tokyo Freight KK', address: '2-2 Minato, Tokyo', country: 'JP' };

/** An IP-surveillance item (5A001.j) located in Germany. */
export function itemInput(overrides: Partial<ApplicationItemInput> = {}): ApplicationItemInput {
  return {
    classification: { kind: 'LISTED', controlEntry: '5A001.j' },
    description: 'IP network communications surveillance system',
    hsCode: '85176200',
    quantity: 10,
    unit: 'pcs',
    value: 250000,
    currency: 'EUR',
    memberStateWhereLocated: 'DE',
    ...overrides,
  };
}

/** A complete, already-normalised individual-licence application of a German exporter to Japan. */
export function contentInput(overrides: Partial<ApplicationContentInput> = {}): ApplicationContentInput {
  return {
    exporter: {
      name: 'Muster Sicherheit GmbH',
      identifier: { scheme: 'EORI', value: 'DE123456789012345' },
      address: 'Musterstrasse 1, 10115 Berlin',
      memberStateOfEstablishment: 'DE',
      country: 'DE',
    },
    items: [itemInput()],
    endUser: END_USER,
    consignee: CONSIGNEE,
    otherParties: [],
    destinationCountry: 'JP',
    endUseStatement: 'EUS-2025-0042',
    endUseStatementExemption: null,
    requestedValidityMonths: 12,
    validityJustification: null,
    largeProjectName: null,
    icpDeclared: false,
    icpWaiverReason: null,
    ...overrides,
  };
}

/** An exporter established outside the Union (Switzerland). */
export const SWISS_EXPORTER: ApplicationContentInput['exporter'] = {
  name: 'Helvetic Sensors AG',
  identifier: { scheme: 'OTHER', value: 'CHE-123.456.789' },
  address: 'Bahnhofstrasse 1, 8001 Zurich',
  memberStateOfEstablishment: null,
  country: 'CH',
};

export const APPLICATION_ID = 'app-1';

/** Events of an application's life, for `given`. */
export const applicationHistory = {
  submitted: (
    input: ApplicationContentInput = contentInput(),
    kind: ApplicationKind = 'INDIVIDUAL',
  ): ApplicationEvent => ({
    type: 'ApplicationSubmitted',
    data: {
      applicationId: APPLICATION_ID,
      kind,
      authority: 'DE',
      content: normaliseApplicationContent(input),
      submittedBy: 'clerk@bafa',
      submittedAt: NOW.toISOString(),
    },
  }),
  assessed: (caseworker = 'anna@bafa'): ApplicationEvent => ({
    type: 'AssessmentStarted',
    data: { caseworker, previousCaseworker: null, assignedBy: 'lead@bafa', startedAt: NOW.toISOString() },
  }),
  flagged: (
    flagId = 'flag-1',
    ground: 'SANCTIONS' | 'HUMAN_RIGHTS' | 'DIVERSION' = 'HUMAN_RIGHTS',
  ): ApplicationEvent => ({
    type: 'RiskFlagRaised',
    data: { flagId, ground, note: 'end user named in NGO report', raisedBy: 'anna@bafa', raisedAt: NOW.toISOString() },
  }),
  flagCleared: (
    flagId = 'flag-1',
    ground: 'SANCTIONS' | 'HUMAN_RIGHTS' | 'DIVERSION' = 'HUMAN_RIGHTS',
  ): ApplicationEvent => ({
    type: 'RiskFlagCleared',
    data: {
      flagId,
      ground,
      reason: 'report concerns another entity',
      clearedBy: 'anna@bafa',
      clearedAt: NOW.toISOString(),
    },
  }),
  proposed: (
    outcome: 'GRANT' | 'GRANT_WITH_CONDITIONS' | 'DENY' = 'GRANT',
    overrides: { conditions?: readonly string[]; proposedBy?: string } = {},
  ): ApplicationEvent => ({
    type: 'DecisionProposed',
    data: {
      outcome,
      art15Grounds: outcome === 'DENY' ? ['HUMAN_RIGHTS'] : [],
      conditions: overrides.conditions ?? (outcome === 'GRANT_WITH_CONDITIONS' ? ['no re-export'] : []),
      reasoning: null,
      validityMonths: outcome === 'DENY' ? null : 12,
      proposedBy: overrides.proposedBy ?? 'anna@bafa',
      proposedAt: NOW.toISOString(),
    },
  }),
  issued: (outcome: 'GRANT' | 'GRANT_WITH_CONDITIONS' | 'DENY' = 'GRANT'): ApplicationEvent => ({
    type: 'DecisionIssued',
    data: {
      outcome,
      art15Grounds: outcome === 'DENY' ? ['HUMAN_RIGHTS'] : [],
      conditions: outcome === 'GRANT_WITH_CONDITIONS' ? ['no re-export'] : [],
      reasoning: null,
      validityMonths: outcome === 'DENY' ? null : 12,
      proposedBy: 'anna@bafa',
      issuedBy: 'boss@bafa',
      issuedAt: NOW.toISOString(),
      riskOverride: null,
      denialNotice: null,
    },
  }),
  withdrawn: (): ApplicationEvent => ({
    type: 'ApplicationWithdrawn',
    data: { reason: 'contract cancelled', withdrawnBy: 'clerk@bafa', withdrawnAt: NOW.toISOString() },
  }),
};
