import type { ClassConstructor } from 'class-transformer';
import { plainToInstance } from 'class-transformer';
import type { ValidationError } from 'class-validator';
import { validateSync } from 'class-validator';
import type { ApplicationEvent, ApplicationState, CommandMetadata, LicenceEvent, LicenceState } from '@dul/domain';
import { applicationDecider, fold, issueLicenceFromGrant, licenceDecider } from '@dul/domain';
import {
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
import { ApplicationContentDto } from '@dul/http';
import {
  EXAMPLE_AMEND_APPLICATION,
  EXAMPLE_AMEND_LICENCE,
  EXAMPLE_ANNEX_IIIA_CONTENT,
  EXAMPLE_APPLICATION_CONTENT,
  EXAMPLE_ASSIGN_CASEWORKER,
  EXAMPLE_CLASSIFY_ITEM,
  EXAMPLE_CLEAR_RISK_FLAG,
  EXAMPLE_ISSUE_DECISION,
  EXAMPLE_PROPOSE_DECISION,
  EXAMPLE_RAISE_RISK_FLAG,
  EXAMPLE_RECORD_LICENCE_USAGE,
  EXAMPLE_REINSTATE_LICENCE,
  EXAMPLE_SUBMIT_APPLICATION,
  EXAMPLE_SUBMIT_BROKERING,
  EXAMPLE_SUBMIT_TRANSIT,
  EXAMPLE_SUSPEND_LICENCE,
  EXAMPLE_WITHDRAW_APPLICATION,
} from './examples';
import {
  AmendLicenceDto,
  AnnulLicenceDto,
  RecordLicenceUsageDto,
  ReinstateLicenceDto,
  RevokeLicenceDto,
  SuspendLicenceDto,
} from './licence-commands.dto';
import { ListApplicationsQueryDto, ListLicencesQueryDto } from './queries.dto';

// The global ValidationPipe's semantics (libs/platform bootstrap.ts): transform, then whitelist and
// forbid unknown properties.
function parse<T extends object>(dto: ClassConstructor<T>, body: object): { value: T; errors: ValidationError[] } {
  const value = plainToInstance(dto, body);
  return { value, errors: validateSync(value, { whitelist: true, forbidNonWhitelisted: true }) };
}

/** Failed constraints (sorted) by dotted path, as the ValidationPipe names them ('content.items.0.hsCode'). */
function failures<T extends object>(dto: ClassConstructor<T>, body: object): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  const walk = (errors: readonly ValidationError[], parent: string): void => {
    for (const error of errors) {
      const path = parent === '' ? error.property : `${parent}.${error.property}`;
      if (error.constraints) result[path] = Object.keys(error.constraints).sort();
      walk(error.children ?? [], path);
    }
  };
  walk(parse(dto, body).errors, '');
  return result;
}

/** A deep copy of `body` with the value at a dotted path replaced (or removed, for undefined). */
function withValue(body: object, path: string, value: unknown): object {
  const copy = structuredClone(body) as Record<string, unknown>;
  const keys = path.split('.');
  const last = keys.pop() as string;
  const target = keys.reduce((node, key) => node[key] as Record<string, unknown>, copy);
  if (value === undefined) delete target[last];
  else target[last] = value;
  return copy;
}

const longText = (length: number): string => 'x'.repeat(length);

describe('licensing request DTOs', () => {
  describe('examples', () => {
    it.each([
      ['SubmitApplicationDto', SubmitApplicationDto, EXAMPLE_SUBMIT_APPLICATION],
      ['AmendApplicationDto', AmendApplicationDto, EXAMPLE_AMEND_APPLICATION],
      ['WithdrawApplicationDto', WithdrawApplicationDto, EXAMPLE_WITHDRAW_APPLICATION],
      ['AssignCaseworkerDto', AssignCaseworkerDto, EXAMPLE_ASSIGN_CASEWORKER],
      ['ClassifyItemDto', ClassifyItemDto, EXAMPLE_CLASSIFY_ITEM],
      ['RaiseRiskFlagDto', RaiseRiskFlagDto, EXAMPLE_RAISE_RISK_FLAG],
      ['ClearRiskFlagDto', ClearRiskFlagDto, EXAMPLE_CLEAR_RISK_FLAG],
      ['ProposeDecisionDto', ProposeDecisionDto, EXAMPLE_PROPOSE_DECISION],
      ['IssueDecisionDto', IssueDecisionDto, EXAMPLE_ISSUE_DECISION],
      ['RecordLicenceUsageDto', RecordLicenceUsageDto, EXAMPLE_RECORD_LICENCE_USAGE],
      ['AmendLicenceDto', AmendLicenceDto, EXAMPLE_AMEND_LICENCE],
      ['SuspendLicenceDto', SuspendLicenceDto, EXAMPLE_SUSPEND_LICENCE],
      ['ReinstateLicenceDto', ReinstateLicenceDto, EXAMPLE_REINSTATE_LICENCE],
    ] as const)('the %s example validates', (_name, dto: ClassConstructor<object>, body: object) => {
      expect(failures(dto, body)).toEqual({});
    });

    it('turns nested objects into their DTO classes', () => {
      const { value } = parse(SubmitApplicationDto, EXAMPLE_SUBMIT_APPLICATION);
      expect(value.content).toBeInstanceOf(ApplicationContentDto);
      expect(value).toEqual(EXAMPLE_SUBMIT_APPLICATION);
    });
  });

  describe('unknown fields', () => {
    it('rejects an unknown top-level field (the server assigns applicationId)', () => {
      const body = { ...EXAMPLE_SUBMIT_APPLICATION, applicationId: 'app-1' };
      expect(failures(SubmitApplicationDto, body)).toEqual({ applicationId: ['whitelistValidation'] });
    });

    it('rejects an unknown field deep in the content, naming its path', () => {
      const body = withValue(EXAMPLE_SUBMIT_APPLICATION, 'content.exporter.identifier.vatNumber', 'DE123456789');
      expect(failures(SubmitApplicationDto, body)).toEqual({
        'content.exporter.identifier.vatNumber': ['whitelistValidation'],
      });
    });

    it('rejects consultations on IssueDecision: the server supplies them', () => {
      const body = { ...EXAMPLE_ISSUE_DECISION, consultations: { blockingOpen: 0, bindingObjection: false } };
      expect(failures(IssueDecisionDto, body)).toEqual({ consultations: ['whitelistValidation'] });
    });
  });

  describe('nested error paths', () => {
    it('names the item field: an HS code with spaces is content.items.0.hsCode', () => {
      const body = withValue(EXAMPLE_SUBMIT_APPLICATION, 'content.items.0.hsCode', '8517 62 00');
      expect(failures(SubmitApplicationDto, body)).toEqual({ 'content.items.0.hsCode': ['matches'] });
    });

    it('names the usage line field', () => {
      const body = withValue(EXAMPLE_RECORD_LICENCE_USAGE, 'lines.0.quantity', 0);
      expect(failures(RecordLicenceUsageDto, body)).toEqual({ 'lines.0.quantity': ['isPositive'] });
    });

    it('reports a missing nested object as missing, not as a crash', () => {
      const body = withValue(EXAMPLE_SUBMIT_APPLICATION, 'content.endUser', undefined);
      expect(failures(SubmitApplicationDto, body)).toHaveProperty(
        ['content.endUser'],
        expect.arrayContaining(['isDefined']),
      );
    });
  });

  describe('length limits', () => {
    it.each([
      ['content.exporter.name', 300],
      ['content.exporter.address', 500],
      ['content.endUser.name', 300],
      ['content.consignee.address', 500],
      ['content.otherParties.0.name', 300],
      ['content.items.0.description', 1000],
      ['content.items.0.classification.controlEntry', 40],
      ['content.endUseStatement', 4000],
    ])('rejects %s longer than %i characters', (path, max) => {
      expect(failures(SubmitApplicationDto, withValue(EXAMPLE_SUBMIT_APPLICATION, path, longText(max)))).toEqual({});
      expect(failures(SubmitApplicationDto, withValue(EXAMPLE_SUBMIT_APPLICATION, path, longText(max + 1)))).toEqual({
        [path]: ['maxLength'],
      });
    });

    it('rejects a withdrawal reason over 4000 characters', () => {
      expect(failures(WithdrawApplicationDto, { reason: longText(4001) })).toEqual({ reason: ['maxLength'] });
    });

    it('rejects a condition over 1000 characters, naming the list', () => {
      const body = { ...EXAMPLE_PROPOSE_DECISION, conditions: ['No re-export', longText(1001)] };
      expect(failures(ProposeDecisionDto, body)).toEqual({ conditions: ['maxLength'] });
    });
  });

  describe('array limits', () => {
    const item = EXAMPLE_APPLICATION_CONTENT.items[0];

    it('accepts 200 items and rejects 201', () => {
      const items = (count: number): unknown[] => Array.from({ length: count }, () => item);
      expect(
        failures(SubmitApplicationDto, withValue(EXAMPLE_SUBMIT_APPLICATION, 'content.items', items(200))),
      ).toEqual({});
      expect(
        failures(SubmitApplicationDto, withValue(EXAMPLE_SUBMIT_APPLICATION, 'content.items', items(201))),
      ).toEqual({ 'content.items': ['arrayMaxSize'] });
    });

    it('rejects an application without items', () => {
      expect(failures(SubmitApplicationDto, withValue(EXAMPLE_SUBMIT_APPLICATION, 'content.items', []))).toEqual({
        'content.items': ['arrayMinSize'],
      });
    });

    it('rejects 201 usage lines and 51 conditions', () => {
      const lines = Array.from({ length: 201 }, () => ({ itemIndex: 0, quantity: 1, value: 1 }));
      expect(failures(RecordLicenceUsageDto, { ...EXAMPLE_RECORD_LICENCE_USAGE, lines })).toEqual({
        lines: ['arrayMaxSize'],
      });
      const conditions = Array.from({ length: 51 }, (_, index) => `condition ${index}`);
      expect(failures(IssueDecisionDto, { ...EXAMPLE_ISSUE_DECISION, conditions })).toEqual({
        conditions: ['arrayMaxSize'],
      });
    });

    it('rejects a repeated or unknown Art 15 ground', () => {
      const body = { ...EXAMPLE_SUSPEND_LICENCE, grounds: ['HUMAN_RIGHTS', 'HUMAN_RIGHTS'] };
      expect(failures(SuspendLicenceDto, body)).toEqual({ grounds: ['arrayUnique'] });
      expect(failures(RevokeLicenceDto, { reason: 'sanctions', grounds: ['EMBARGO'] })).toEqual({ grounds: ['isIn'] });
    });

    it.each([
      ['ProposeDecisionDto', ProposeDecisionDto, EXAMPLE_PROPOSE_DECISION],
      ['IssueDecisionDto', IssueDecisionDto, EXAMPLE_ISSUE_DECISION],
    ])('%s refuses an unknown outcome and a repeated or unknown Art 15 ground', (_, dto, example) => {
      expect(failures(dto, { ...example, outcome: 'MAYBE' })).toEqual({ outcome: ['isIn'] });
      expect(failures(dto, { ...example, art15Grounds: ['HUMAN_RIGHTS', 'HUMAN_RIGHTS'] })).toEqual({
        art15Grounds: ['arrayUnique'],
      });
      expect(failures(dto, { ...example, art15Grounds: ['WHIM'] })).toEqual({ art15Grounds: ['isIn'] });
      expect(failures(dto, withValue(example, 'outcome', undefined))).toEqual({ outcome: ['isIn'] });
    });
  });

  describe('item classification (one class for the LISTED | NOT_LISTED union)', () => {
    const at = 'content.items.0.classification';
    const submitWith = (classification: object): Record<string, string[]> =>
      failures(SubmitApplicationDto, withValue(EXAMPLE_SUBMIT_APPLICATION, at, classification));

    it('accepts a listed item with its control entry and an unlisted one with its catch-all ground', () => {
      expect(submitWith({ kind: 'LISTED', controlEntry: '5A001.j' })).toEqual({});
      expect(submitWith({ kind: 'NOT_LISTED', catchAllGround: 'ART4' })).toEqual({});
    });

    it('requires the control entry of a LISTED item', () => {
      expect(submitWith({ kind: 'LISTED' })).toEqual({ [`${at}.controlEntry`]: expect.arrayContaining(['isString']) });
    });

    it('requires a known catch-all ground for a NOT_LISTED item', () => {
      expect(submitWith({ kind: 'NOT_LISTED' })).toEqual({ [`${at}.catchAllGround`]: ['isIn'] });
      expect(submitWith({ kind: 'NOT_LISTED', catchAllGround: 'ART8' })).toEqual({
        [`${at}.catchAllGround`]: ['isIn'],
      });
    });

    it("rejects the other branch's field instead of silently dropping it", () => {
      expect(submitWith({ kind: 'LISTED', controlEntry: '5A001.j', catchAllGround: 'ART5' })).toEqual({
        [`${at}.catchAllGround`]: ['allowedOnlyWhen'],
      });
      expect(submitWith({ kind: 'NOT_LISTED', catchAllGround: 'ART5', controlEntry: '5A001.j' })).toEqual({
        [`${at}.controlEntry`]: ['allowedOnlyWhen'],
      });
    });

    it('rejects an unknown kind', () => {
      expect(submitWith({ kind: 'DUAL', controlEntry: '5A001.j' })).toEqual({
        [`${at}.kind`]: ['isIn'],
        [`${at}.controlEntry`]: ['allowedOnlyWhen'],
      });
    });

    it('validates a reclassification the same way', () => {
      const body = { itemIndex: 0, classification: { kind: 'NOT_LISTED', catchAllGround: 'ART5' } };
      expect(failures(ClassifyItemDto, body)).toEqual({});
      expect(failures(ClassifyItemDto, { itemIndex: 0, classification: { kind: 'LISTED' } })).toHaveProperty([
        'classification.controlEntry',
      ]);
    });
  });

  describe('null and absent', () => {
    it('accepts an exporter established outside the EU (memberStateOfEstablishment null) but not a missing one', () => {
      expect(
        failures(
          SubmitApplicationDto,
          withValue(EXAMPLE_SUBMIT_APPLICATION, 'content.exporter.memberStateOfEstablishment', null),
        ),
      ).toEqual({});
      expect(
        failures(
          SubmitApplicationDto,
          withValue(EXAMPLE_SUBMIT_APPLICATION, 'content.exporter.memberStateOfEstablishment', undefined),
        ),
      ).toEqual({ 'content.exporter.memberStateOfEstablishment': ['isIn'] });
    });

    it('accepts the optional content parts left out or null', () => {
      const { consignee, otherParties, endUseStatementExemption, largeProjectName, ...required } =
        EXAMPLE_APPLICATION_CONTENT;
      void [consignee, otherParties, endUseStatementExemption, largeProjectName];
      expect(failures(SubmitApplicationDto, { kind: 'INDIVIDUAL', content: required })).toEqual({});
      expect(failures(SubmitApplicationDto, withValue(EXAMPLE_SUBMIT_APPLICATION, 'content.consignee', null))).toEqual(
        {},
      );
    });

    it('rejects null where the domain type has no null', () => {
      expect(
        failures(SubmitApplicationDto, withValue(EXAMPLE_SUBMIT_APPLICATION, 'content.otherParties', null)),
      ).toEqual({ 'content.otherParties': expect.arrayContaining(['isArray']) });
      expect(failures(ProposeDecisionDto, { ...EXAMPLE_PROPOSE_DECISION, reasoning: null })).toEqual({
        reasoning: expect.arrayContaining(['isString']),
      });
      expect(failures(RaiseRiskFlagDto, { ...EXAMPLE_RAISE_RISK_FLAG, flagId: null })).toEqual({
        flagId: expect.arrayContaining(['isString']),
      });
    });

    it('lets the client leave out flagId and usageId: the server generates them', () => {
      const { flagId, ...flag } = EXAMPLE_RAISE_RISK_FLAG;
      const { usageId, ...usage } = EXAMPLE_RECORD_LICENCE_USAGE;
      void [flagId, usageId];
      expect(failures(RaiseRiskFlagDto, flag)).toEqual({});
      expect(failures(RecordLicenceUsageDto, usage)).toEqual({});
    });
  });

  describe('codes and numbers', () => {
    const submitWith = (path: string, value: unknown): Record<string, string[]> =>
      failures(SubmitApplicationDto, withValue(EXAMPLE_SUBMIT_APPLICATION, path, value));

    it('takes country codes in capitals only', () => {
      expect(submitWith('content.destinationCountry', 'br')).toEqual({ 'content.destinationCountry': ['matches'] });
      expect(submitWith('content.endUser.country', 'BRA')).toEqual({ 'content.endUser.country': ['matches'] });
    });

    it('takes EL for Greece as a member state, and no third country', () => {
      expect(submitWith('content.items.0.memberStateWhereLocated', 'EL')).toEqual({});
      expect(submitWith('content.items.0.memberStateWhereLocated', 'CH')).toEqual({
        'content.items.0.memberStateWhereLocated': ['isIn'],
      });
    });

    it('checks the currency and EORI shape only loosely: the domain checks the rest', () => {
      expect(submitWith('content.items.0.currency', 'eur')).toEqual({ 'content.items.0.currency': ['matches'] });
      expect(submitWith('content.exporter.identifier.scheme', 'VAT')).toEqual({
        'content.exporter.identifier.scheme': ['isIn'],
      });
    });

    it('rejects a zero quantity, a negative value, more than three decimals, Infinity and numeric strings', () => {
      expect(submitWith('content.items.0.quantity', 0)).toEqual({ 'content.items.0.quantity': ['isPositive'] });
      expect(submitWith('content.items.0.value', -1)).toEqual({ 'content.items.0.value': ['min'] });
      expect(submitWith('content.items.0.value', 10.0001)).toEqual({ 'content.items.0.value': ['isAmount'] });
      // JSON.parse('1e400') is Infinity: a request body can carry it.
      expect(submitWith('content.items.0.quantity', JSON.parse('1e400'))).toEqual({
        'content.items.0.quantity': ['isAmount', 'max'],
      });
      expect(submitWith('content.items.0.quantity', '2')).toEqual({
        'content.items.0.quantity': ['isAmount', 'isPositive', 'max'],
      });
      // Exponent notation made class-validator's maxDecimalPlaces throw (a 500): found by the API fuzz test.
      expect(submitWith('content.items.0.quantity', 5e-324)).toEqual({ 'content.items.0.quantity': ['isAmount'] });
    });

    it('accepts a value of zero (free samples)', () => {
      expect(submitWith('content.items.0.value', 0)).toEqual({});
    });

    it('takes whole months of validity within the sanity bound', () => {
      expect(submitWith('content.requestedValidityMonths', 1.5)).toEqual({
        'content.requestedValidityMonths': ['isInt'],
      });
      expect(submitWith('content.requestedValidityMonths', 1_000_000_000)).toEqual({
        'content.requestedValidityMonths': ['max'],
      });
    });

    it('takes a whole, non-negative item index', () => {
      expect(failures(ClassifyItemDto, { ...EXAMPLE_CLASSIFY_ITEM, itemIndex: -1 })).toEqual({ itemIndex: ['min'] });
      expect(failures(ClassifyItemDto, { ...EXAMPLE_CLASSIFY_ITEM, itemIndex: 0.5 })).toEqual({ itemIndex: ['isInt'] });
    });

    it('requires substantialLimitation on a licence amendment', () => {
      const { substantialLimitation, ...body } = EXAMPLE_AMEND_LICENCE;
      void substantialLimitation;
      expect(failures(AmendLicenceDto, body)).toEqual({ substantialLimitation: ['isBoolean'] });
    });

    it('takes annulment grounds as optional', () => {
      expect(failures(AnnulLicenceDto, { reason: 'forged end-use statement' })).toEqual({});
    });
  });

  describe('list queries (values arrive as strings)', () => {
    it('defaults to the first 50', () => {
      const { value, errors } = parse(ListApplicationsQueryDto, {});
      expect(errors).toEqual([]);
      expect(value).toMatchObject({ limit: 50, offset: 0 });
      expect(value.overdue).toBeUndefined();
    });

    it('converts numbers and the words true and false', () => {
      const query = {
        status: 'UNDER_ASSESSMENT',
        assignee: 'anna.weber@bafa.example',
        kind: 'INDIVIDUAL',
        destination: 'BR',
        overdue: 'false',
        limit: '200',
        offset: '400',
      };
      const { value, errors } = parse(ListApplicationsQueryDto, query);
      expect(errors).toEqual([]);
      expect(value).toMatchObject({ overdue: false, limit: 200, offset: 400 });
      expect(parse(ListApplicationsQueryDto, { overdue: 'true' }).value.overdue).toBe(true);
    });

    it.each([
      [{ overdue: 'yes' }, 'overdue', 'isBoolean'],
      [{ overdue: '1' }, 'overdue', 'isBoolean'],
      [{ limit: '0' }, 'limit', 'min'],
      [{ limit: '201' }, 'limit', 'max'],
      [{ limit: 'ten' }, 'limit', 'isInt'],
      [{ offset: '-1' }, 'offset', 'min'],
      [{ destination: 'br' }, 'destination', 'matches'],
      [{ status: 'OPEN' }, 'status', 'isIn'],
      [{ kind: 'EXPORT' }, 'kind', 'isIn'],
      [{ page: '2' }, 'page', 'whitelistValidation'],
    ])('rejects %j', (query, field, constraint) => {
      expect(failures(ListApplicationsQueryDto, query)).toEqual({ [field]: expect.arrayContaining([constraint]) });
    });

    it('lists licences by status and destination', () => {
      const { value, errors } = parse(ListLicencesQueryDto, { status: 'SUSPENDED', destination: 'BR', limit: '10' });
      expect(errors).toEqual([]);
      expect(value).toMatchObject({ status: 'SUSPENDED', destination: 'BR', limit: 10, offset: 0 });
      expect(failures(ListLicencesQueryDto, { status: 'GRANTED' })).toEqual({ status: ['isIn'] });
      expect(failures(ListLicencesQueryDto, { overdue: 'true' })).toEqual({ overdue: ['whitelistValidation'] });
    });
  });

  // The DTOs are handed to the domain as command data without a mapper: these tests prove the examples
  // pass the deciders too, and (at compile time) that each validated DTO has the command's data type.
  describe('the domain accepts validated DTOs as command data', () => {
    const now = new Date('2026-03-02T09:00:00Z');
    const metadata = (actor = 'a'): CommandMetadata => ({ actor, memberState: 'DE', now, correlationId: 'c' });
    const valid = <T extends object>(dto: ClassConstructor<T>, body: object): T => {
      const { value, errors } = parse(dto, body);
      expect(errors).toEqual([]);
      return value;
    };

    it('accepts EXAMPLE_SUBMIT_APPLICATION', () => {
      const dto = valid(SubmitApplicationDto, EXAMPLE_SUBMIT_APPLICATION);
      const events = applicationDecider.decide(
        {
          type: 'SubmitApplication',
          data: { applicationId: 'app-1', kind: dto.kind, content: dto.content },
          metadata: metadata(),
        },
        applicationDecider.initialState(),
      );
      expect(events).toEqual([
        expect.objectContaining({
          type: 'ApplicationSubmitted',
          data: expect.objectContaining({ applicationId: 'app-1', kind: 'INDIVIDUAL', authority: 'DE' }),
        }),
      ]);
    });

    it('runs the example case from submission to a used, amended, suspended and reinstated licence', () => {
      const caseworker = valid(AssignCaseworkerDto, EXAMPLE_ASSIGN_CASEWORKER).caseworker;
      let application: readonly ApplicationEvent[] = [];
      const decideApplication = (command: Parameters<typeof applicationDecider.decide>[0]): void => {
        const state: ApplicationState = fold(applicationDecider, application);
        application = [...application, ...applicationDecider.decide(command, state)];
      };
      const submit = valid(SubmitApplicationDto, EXAMPLE_SUBMIT_APPLICATION);
      decideApplication({
        type: 'SubmitApplication',
        data: { applicationId: 'app-1', ...submit },
        metadata: metadata('clerk@bafa.example'),
      });
      decideApplication({
        type: 'AmendApplication',
        data: valid(AmendApplicationDto, EXAMPLE_AMEND_APPLICATION),
        metadata: metadata('clerk@bafa.example'),
      });
      decideApplication({
        type: 'StartAssessment',
        data: valid(AssignCaseworkerDto, EXAMPLE_ASSIGN_CASEWORKER),
        metadata: metadata('lead@bafa.example'),
      });
      decideApplication({
        type: 'ClassifyItem',
        data: valid(ClassifyItemDto, EXAMPLE_CLASSIFY_ITEM),
        metadata: metadata(caseworker),
      });
      const flag = valid(RaiseRiskFlagDto, EXAMPLE_RAISE_RISK_FLAG);
      decideApplication({
        type: 'RaiseRiskFlag',
        data: { ...flag, flagId: flag.flagId ?? 'generated' },
        metadata: metadata(caseworker),
      });
      decideApplication({
        type: 'ClearRiskFlag',
        data: valid(ClearRiskFlagDto, EXAMPLE_CLEAR_RISK_FLAG),
        metadata: metadata(caseworker),
      });
      decideApplication({
        type: 'ProposeDecision',
        data: valid(ProposeDecisionDto, EXAMPLE_PROPOSE_DECISION),
        metadata: metadata(caseworker),
      });
      decideApplication({
        type: 'IssueDecision',
        data: {
          ...valid(IssueDecisionDto, EXAMPLE_ISSUE_DECISION),
          consultations: { blockingOpen: 0, bindingObjection: false },
        },
        metadata: metadata('head-of-unit@bafa.example'),
      });
      expect(application.map((event) => event.type)).toEqual([
        'ApplicationSubmitted',
        'ApplicationAmended',
        'AssessmentStarted',
        'ItemClassified',
        'RiskFlagRaised',
        'RiskFlagCleared',
        'DecisionProposed',
        'DecisionIssued',
      ]);

      const granted = fold(applicationDecider, application);
      if (granted.status === 'NONE') throw new Error('the application should exist');
      let licence: readonly LicenceEvent[] = [];
      const decideLicence = (command: Parameters<typeof licenceDecider.decide>[0]): void => {
        const state: LicenceState = fold(licenceDecider, licence);
        licence = [...licence, ...licenceDecider.decide(command, state)];
      };
      decideLicence({
        type: 'IssueLicence',
        data: issueLicenceFromGrant(granted, 'lic-1'),
        metadata: metadata('system'),
      });
      const usage = valid(RecordLicenceUsageDto, EXAMPLE_RECORD_LICENCE_USAGE);
      decideLicence({
        type: 'RecordLicenceUsage',
        data: { ...usage, usageId: usage.usageId ?? 'generated' },
        metadata: metadata('customs@zoll.example'),
      });
      decideLicence({
        type: 'AmendLicence',
        data: valid(AmendLicenceDto, EXAMPLE_AMEND_LICENCE),
        metadata: metadata(),
      });
      decideLicence({
        type: 'SuspendLicence',
        data: valid(SuspendLicenceDto, EXAMPLE_SUSPEND_LICENCE),
        metadata: metadata(),
      });
      decideLicence({
        type: 'ReinstateLicence',
        data: valid(ReinstateLicenceDto, EXAMPLE_REINSTATE_LICENCE),
        metadata: metadata(),
      });
      expect(licence.map((event) => event.type)).toEqual([
        'LicenceIssued',
        'LicenceUsageRecorded',
        'LicenceAmended',
        'LicenceSuspended',
        'LicenceReinstated',
      ]);
    });

    it('accepts withdrawal, annulment and revocation bodies', () => {
      const withdrawn = applicationDecider.decide(
        {
          type: 'WithdrawApplication',
          data: valid(WithdrawApplicationDto, EXAMPLE_WITHDRAW_APPLICATION),
          metadata: metadata(),
        },
        fold(
          applicationDecider,
          applicationDecider.decide(
            {
              type: 'SubmitApplication',
              data: { applicationId: 'app-2', ...valid(SubmitApplicationDto, EXAMPLE_SUBMIT_APPLICATION) },
              metadata: metadata(),
            },
            applicationDecider.initialState(),
          ),
        ),
      );
      expect(withdrawn.map((event) => event.type)).toEqual(['ApplicationWithdrawn']);
      // Type-level: the remaining licence bodies are the commands' data as they are.
      const annul: Extract<Parameters<typeof licenceDecider.decide>[0], { type: 'AnnulLicence' }>['data'] = valid(
        AnnulLicenceDto,
        { reason: 'Licence issued on an end-use statement later found to be forged' },
      );
      const revoke: Extract<Parameters<typeof licenceDecider.decide>[0], { type: 'RevokeLicence' }>['data'] = valid(
        RevokeLicenceDto,
        { reason: 'End user listed under EU sanctions', grounds: ['SANCTIONS'] },
      );
      expect([annul, revoke]).toHaveLength(2);
    });
  });
});

describe('Annex III-A fields added with issue 10', () => {
  const decideSubmit = (body: SubmitApplicationDto, memberState: string) => {
    const { value, errors } = parse(SubmitApplicationDto, body);
    expect(errors).toEqual([]);
    return applicationDecider.decide(
      {
        type: 'SubmitApplication',
        data: { applicationId: 'app-1', kind: value.kind, content: value.content },
        metadata: { actor: 'clerk', memberState, now: new Date('2026-03-02T09:00:00Z'), correlationId: 'c' },
      },
      applicationDecider.initialState(),
    );
  };

  it.each([
    ['individual with every field', { ...EXAMPLE_SUBMIT_APPLICATION, content: EXAMPLE_ANNEX_IIIA_CONTENT }, 'DE'],
    ['brokering', EXAMPLE_SUBMIT_BROKERING, 'FR'],
    ['transit', EXAMPLE_SUBMIT_TRANSIT, 'NL'],
  ] as const)('the %s example passes the DTO and the domain', (_name, body, memberState) => {
    expect(decideSubmit(body, memberState)).toEqual([expect.objectContaining({ type: 'ApplicationSubmitted' })]);
  });

  it('still accepts a body without any of them (clients written before)', () => {
    expect(failures(SubmitApplicationDto, EXAMPLE_SUBMIT_APPLICATION)).toEqual({});
    expect(decideSubmit(EXAMPLE_SUBMIT_APPLICATION, 'DE')).toHaveLength(1);
  });

  const full = { ...EXAMPLE_SUBMIT_APPLICATION, content: EXAMPLE_ANNEX_IIIA_CONTENT };
  it.each([
    ['content.exporter.kind', 'COMPANY', 'isIn'],
    ['content.exporter.kind', null, 'isIn'],
    ['content.items.0.countryOfOrigin', 'de', 'matches'],
    ['content.memberStateOfCustomsExport', 'CH', 'isIn'],
    ['content.endUse', 42, 'isString'],
    ['content.contract.date', '20.01.2026', 'matches'],
    ['content.contract', 'MT-2026-014', 'isObject'],
  ])('names %s when it is %p (%s)', (path, value, constraint) => {
    expect(failures(SubmitApplicationDto, withValue(full, path, value))[path]).toContain(constraint);
  });

  it('names the missing or wrong part of services and transit', () => {
    const brokering = EXAMPLE_SUBMIT_BROKERING;
    expect(failures(SubmitApplicationDto, withValue(brokering, 'content.services.provider', undefined))).toHaveProperty(
      ['content.services.provider'],
    );
    expect(
      failures(SubmitApplicationDto, withValue(brokering, 'content.services.description', ''))[
        'content.services.description'
      ],
    ).toContain('isNotEmpty');
    expect(
      failures(
        SubmitApplicationDto,
        withValue(brokering, 'content.services.provider.memberStateOfEstablishment', 'CH'),
      )['content.services.provider.memberStateOfEstablishment'],
    ).toContain('isIn');
    const transit = EXAMPLE_SUBMIT_TRANSIT;
    expect(
      failures(SubmitApplicationDto, withValue(transit, 'content.transit.route', undefined))['content.transit.route'],
    ).toContain('isString');
    expect(
      failures(SubmitApplicationDto, withValue(transit, 'content.transit.memberStateOfTransit', 'CN'))[
        'content.transit.memberStateOfTransit'
      ],
    ).toContain('isIn');
  });

  it('leaves the rules by kind to the domain, which names the field: services for brokering, transit for a transit', () => {
    const withoutServices = withValue(EXAMPLE_SUBMIT_BROKERING, 'content.services', undefined) as SubmitApplicationDto;
    expect(() => decideSubmit(withoutServices, 'FR')).toThrow(/services\.provider/);
    const withoutTransit = withValue(EXAMPLE_SUBMIT_TRANSIT, 'content.transit', undefined) as SubmitApplicationDto;
    expect(() => decideSubmit(withoutTransit, 'NL')).toThrow(/transit\.route/);
  });
});
