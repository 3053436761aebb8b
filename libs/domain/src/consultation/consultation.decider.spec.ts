import fc from 'fast-check';
import { fold } from '../decider';
import { otherMemberStates } from '../reference/member-states';
import { deciderSpec } from '../testing/decider-spec';
import type { OpenConsultation } from './consultation.commands';
import type { Consultation } from './consultation.decider';
import { consultationDecider } from './consultation.decider';
import type { ConsultationEvent, ConsultationOpened } from './consultation.events';
import {
  APPLICATION,
  at,
  by,
  declineExtension,
  FRIDAY_BEFORE_CHRISTMAS,
  grantExtension,
  historyOf,
  lapse,
  openArt14,
  openArt16,
  openCatchAll,
  packetWithItemsIn,
  reply,
  requestExtension,
  stateOf,
  withdraw,
} from './testing/consultation.fixtures';

const spec = deciderSpec(consultationDecider);

/** FR consults DE about items located in DE, opened Friday 2026-12-18: DE working days. */
const art14ToDe = () => historyOf(openArt14('FR', 'DE'));
/** End of the 10th DE working day after 2026-12-18: 25 Dec and 1 Jan are holidays. */
const DE_DEADLINE = '2027-01-05T23:00:00.000Z';
const BEFORE_DEADLINE = at(DE_DEADLINE, -1);
const AT_DEADLINE = at(DE_DEADLINE);
const MONDAY = new Date('2026-12-21T09:00:00.000Z');

function openedData(events: readonly ConsultationEvent[]): ConsultationOpened['data'] {
  const [event] = events;
  if (event?.type !== 'ConsultationOpened') throw new Error('expected ConsultationOpened');
  return event.data;
}

function consultation(events: readonly ConsultationEvent[]): Consultation {
  const state = fold(consultationDecider, events);
  if (state.status === 'NONE') throw new Error('expected a consultation');
  return state;
}

describe('Consultation decider', () => {
  describe('opening an Art 14(1) consultation', () => {
    it('records the widening of the licence a consultation is about, and nothing of the kind for the application itself (Art 14(1), Art 16)', () => {
      const widening = { licenceId: 'lic-7', amendmentId: 'w-1' };
      const art14 = openArt14('FR', 'DE');
      const art16 = openArt16('FR', 'DE');
      const aboutWidening = (command: OpenConsultation) =>
        consultation(
          spec
            .given([])
            .when({ ...command, data: { ...command.data, widening } } as OpenConsultation)
            .events(),
        ).subject;
      expect(aboutWidening(art14)).toEqual({ kind: 'ITEMS_LOCATED_ELSEWHERE', applicationId: APPLICATION, widening });
      expect(aboutWidening(art16)).toMatchObject({ kind: 'PRIOR_DENIAL', denialId: 'denial-9', widening });
      expect(consultation(spec.given([]).when(art14).events()).subject).not.toHaveProperty('widening');
      spec
        .given([])
        .when({
          ...art14,
          data: { ...art14.data, widening: { licenceId: ' ', amendmentId: 'w-1' } },
        } as OpenConsultation)
        .thenRefuses('INVALID', 'required-field');
    });

    it('consults the member state where items are located, with the packet and a 10-working-day deadline', () => {
      const command = openArt14('FR', 'DE');
      spec
        .given([])
        .when(command)
        .then([
          {
            type: 'ConsultationOpened',
            data: {
              consultationId: `${APPLICATION}/art14/DE`,
              kind: 'ITEMS_LOCATED_ELSEWHERE',
              subject: { kind: 'ITEMS_LOCATED_ELSEWHERE', applicationId: APPLICATION },
              requester: 'FR',
              consulted: ['DE'],
              commissionInformed: false,
              packet: packetWithItemsIn('DE'),
              calendar: 'DE',
              maxWorkingDays: 30,
              deadline: {
                memberState: 'DE',
                workingDays: 10,
                lastDay: '2027-01-05',
                timeZone: 'Europe/Berlin',
                endsAt: DE_DEADLINE,
              },
              rules: {
                basis: 'TEXT',
                workingDays: 10,
                periodSetting: null,
                silenceOutcome: 'NO_OBJECTION_BY_SILENCE',
                silenceSetting: null,
              },
              openedBy: 'officer@FR',
              openedAt: FRIDAY_BEFORE_CHRISTMAS.toISOString(),
            },
          },
        ]);
    });

    it("counts 10 working days in the consulted member state's calendar across weekends, Christmas and New Year (DE)", () => {
      // Fri 18 Dec 2026: 21 22 23 24, (25 holiday), 28 29 30 31, (1 Jan holiday), 4, 5 January.
      expect(openedData(art14ToDe()).deadline.lastDay).toBe('2027-01-05');
    });

    it("counts in the consulted member state's calendar, not the requester's: 14 July in FR", () => {
      const friday = new Date('2026-07-10T08:00:00.000Z');
      expect(openedData(historyOf(openArt14('DE', 'FR', friday))).deadline).toMatchObject({
        memberState: 'FR',
        lastDay: '2026-07-27', // in DE's calendar it would be 24 July
        endsAt: '2026-07-27T22:00:00.000Z', // midnight in Paris, summer time
      });
    });

    it("skips King's Day when the Netherlands is consulted", () => {
      const friday = new Date('2027-04-23T08:00:00.000Z');
      // 26, (27 April King's Day), 28 29 30, 3 4 5, (6 May Ascension), 7 10 11.
      expect(openedData(historyOf(openArt14('DE', 'NL', friday))).deadline.lastDay).toBe('2027-05-11');
    });

    it('refuses to consult a member state where no item of the packet is located', () => {
      spec
        .given([])
        .when(openArt14('FR', 'DE', FRIDAY_BEFORE_CHRISTMAS, packetWithItemsIn('FR', null)))
        .thenRefuses('RULE_VIOLATED', 'items-located-in-consulted-member-state');
    });

    it('refuses to consult its own member state', () => {
      spec.given([]).when(openArt14('DE', 'DE')).thenRefuses('RULE_VIOLATED', 'consult-another-member-state');
    });

    it('refuses to open the same consultation twice', () => {
      spec.given(art14ToDe()).when(openArt14('FR', 'DE')).thenRefuses('CONFLICT', 'consultation-exists');
    });

    it('refuses an opening that comes from no member state authority (the Commission does not act)', () => {
      const command = { ...openArt14('FR', 'DE'), metadata: by(undefined, FRIDAY_BEFORE_CHRISTMAS) };
      spec.given([]).when(command).thenRefuses('FORBIDDEN', 'authority-required');
    });

    it('refuses a packet without items: the consulted member state must see the transaction', () => {
      const command = openArt14('FR', 'DE', FRIDAY_BEFORE_CHRISTMAS, { ...packetWithItemsIn('DE'), items: [] });
      spec.given([]).when(command).thenRefuses('INVALID', 'packet-items');
    });
  });

  describe('opening an Art 16 prior-denial consultation', () => {
    it('consults the denying member state about one denial, with the match that opened it', () => {
      const data = openedData(historyOf(openArt16('DE', 'FR')));
      expect(data).toMatchObject({
        kind: 'PRIOR_DENIAL',
        subject: {
          kind: 'PRIOR_DENIAL',
          applicationId: APPLICATION,
          denialId: 'denial-9',
          match: { score: 0.93, matchedFields: ['controlEntry', 'endUser', 'destinationCountry'] },
        },
        requester: 'DE',
        consulted: ['FR'],
        calendar: 'FR',
        maxWorkingDays: 30,
        deadline: { memberState: 'FR', workingDays: 10, lastDay: '2027-01-05' },
      });
    });

    it('refuses a match score outside 0 to 1', () => {
      const command = openArt16('DE', 'FR');
      if (command.data.kind !== 'PRIOR_DENIAL') throw new Error('fixture');
      const bad = { ...command, data: { ...command.data, match: { score: 1.5, matchedFields: ['endUser'] } } };
      spec.given([]).when(bad).thenRefuses('INVALID', 'match-score');
    });

    it('refuses a match that names no matched field', () => {
      const command = openArt16('DE', 'FR');
      if (command.data.kind !== 'PRIOR_DENIAL') throw new Error('fixture');
      const bad = { ...command, data: { ...command.data, match: { score: 0.9, matchedFields: [' '] } } };
      spec.given([]).when(bad).thenRefuses('INVALID', 'match-fields');
    });
  });

  describe('opening a catch-all (Art 4/5) consultation', () => {
    it('informs every other member state and the Commission for the default 30 working days of its own calendar', () => {
      const data = openedData(historyOf(openCatchAll('NL')));
      expect(data.consulted).toEqual(otherMemberStates('NL'));
      expect(data.consulted).toHaveLength(26);
      expect(data).toMatchObject({
        commissionInformed: true,
        calendar: 'NL',
        maxWorkingDays: 30,
        subject: { kind: 'CATCH_ALL', article: 'ART5', detailsWithheld: null },
        // 30 NL working days from Fri 18 Dec 2026: Christmas, Boxing Day and New Year skipped.
        deadline: { memberState: 'NL', workingDays: 30, lastDay: '2027-02-02' },
      });
    });

    it('takes the review period from the command, where the setting puts it', () => {
      expect(openedData(historyOf(openCatchAll('NL', 20))).deadline.workingDays).toBe(20);
    });

    it('refuses a review period that is not a positive whole number of working days', () => {
      spec.given([]).when(openCatchAll('NL', 0)).thenRefuses('INVALID', 'working-days');
      spec.given([]).when(openCatchAll('NL', 2.5)).thenRefuses('INVALID', 'working-days');
    });
  });

  describe('replies to an Art 14(1) consultation', () => {
    it('closes as OBJECTED on an objection by the consulted member state: the objection binds', () => {
      spec
        .given(art14ToDe())
        .when(reply('DE', 'OBJECTION', MONDAY, 'end user linked to a WMD programme'))
        .then([
          {
            type: 'ConsultationReplied',
            data: {
              repliedBy: 'DE',
              repliedByActor: 'officer@DE',
              answer: 'OBJECTION',
              reasons: 'end user linked to a WMD programme',
              repliedAt: MONDAY.toISOString(),
            },
          },
          {
            type: 'ConsultationClosed',
            data: {
              outcome: 'OBJECTED',
              reason: null,
              closingRule: {
                basis: 'ANSWER',
                workingDays: 10,
                periodSetting: null,
                silenceSetting: null,
                statement: 'answered within the period (10 working days): OBJECTED',
              },
              closedBy: 'officer@DE',
              closedAt: MONDAY.toISOString(),
            },
          },
        ]);
    });

    it('closes as NO_OBJECTION on a reply without objection', () => {
      const state = spec
        .given(art14ToDe())
        .when(reply('DE', 'NO_OBJECTION', MONDAY))
        .thenState();
      expect(state).toMatchObject({ status: 'CLOSED', outcome: 'NO_OBJECTION' });
    });

    it('accepts a reply up to the last instant of the last working day', () => {
      expect(
        spec
          .given(art14ToDe())
          .when(reply('DE', 'NO_OBJECTION', BEFORE_DEADLINE))
          .events(),
      ).toHaveLength(2);
    });

    it('refuses a reply after the deadline: silence already counts as no objection', () => {
      spec
        .given(art14ToDe())
        .when(reply('DE', 'OBJECTION', AT_DEADLINE, 'too late'))
        .thenRefuses('RULE_VIOLATED', 'reply-after-deadline');
    });

    it('refuses a reply from a member state that is not consulted (403)', () => {
      spec
        .given(art14ToDe())
        .when(reply('IT', 'NO_OBJECTION', MONDAY))
        .thenRefuses('FORBIDDEN', 'consulted-member-state-only');
    });

    it('refuses a reply by the consulting authority itself (403)', () => {
      spec
        .given(art14ToDe())
        .when(reply('FR', 'NO_OBJECTION', MONDAY))
        .thenRefuses('FORBIDDEN', 'consulted-member-state-only');
    });

    it('refuses a reply from the Commission, which reads but does not act (403)', () => {
      spec
        .given(art14ToDe())
        .when(reply(undefined, 'NO_OBJECTION', MONDAY))
        .thenRefuses('FORBIDDEN', 'authority-required');
    });

    it('refuses an objection without reasons', () => {
      spec
        .given(art14ToDe())
        .when(reply('DE', 'OBJECTION', MONDAY))
        .thenRefuses('INVALID', 'objection-reasons-required');
    });

    it('refuses an answer that belongs to another kind of consultation', () => {
      spec
        .given(art14ToDe())
        .when(reply('DE', 'ESSENTIALLY_IDENTICAL', MONDAY))
        .thenRefuses('INVALID', 'answer-for-kind');
    });

    it('refuses a second reply: the first closed the consultation', () => {
      spec
        .given(historyOf(openArt14('FR', 'DE'), reply('DE', 'NO_OBJECTION', MONDAY)))
        .when(reply('DE', 'OBJECTION', MONDAY, 'second thoughts'))
        .thenRefuses('CONFLICT', 'consultation-closed');
    });

    it('refuses a reply to a consultation that does not exist', () => {
      spec
        .given([])
        .when(reply('DE', 'NO_OBJECTION', MONDAY))
        .thenRefuses('NOT_FOUND', 'consultation-not-found');
    });
  });

  describe('replies to an Art 16 consultation', () => {
    it('closes as ESSENTIALLY_IDENTICAL when the denying member state says so (no veto: it does not bind)', () => {
      const state = spec
        .given(historyOf(openArt16('DE', 'FR')))
        .when(reply('FR', 'ESSENTIALLY_IDENTICAL', MONDAY))
        .thenState();
      expect(state).toMatchObject({ status: 'CLOSED', outcome: 'ESSENTIALLY_IDENTICAL' });
    });

    it('closes as NOT_ESSENTIALLY_IDENTICAL when the denying member state says so', () => {
      const state = spec
        .given(historyOf(openArt16('DE', 'FR')))
        .when(reply('FR', 'NOT_ESSENTIALLY_IDENTICAL', MONDAY))
        .thenState();
      expect(state).toMatchObject({ status: 'CLOSED', outcome: 'NOT_ESSENTIALLY_IDENTICAL' });
    });

    it('refuses an answer from any member state other than the denying one (403)', () => {
      spec
        .given(historyOf(openArt16('DE', 'FR')))
        .when(reply('NL', 'ESSENTIALLY_IDENTICAL', MONDAY))
        .thenRefuses('FORBIDDEN', 'consulted-member-state-only');
    });
  });

  describe('silence and the durable deadline timer', () => {
    it('closes an Art 14(1) consultation as NO_OBJECTION_BY_SILENCE when the deadline lapses', () => {
      spec
        .given(art14ToDe())
        .when(lapse(AT_DEADLINE))
        .then([
          {
            type: 'ConsultationDeadlineLapsed',
            data: {
              deadline: openedData(art14ToDe()).deadline,
              lapsedAt: DE_DEADLINE,
              recordedAt: DE_DEADLINE,
            },
          },
          {
            type: 'ConsultationClosed',
            data: {
              outcome: 'NO_OBJECTION_BY_SILENCE',
              reason: null,
              closingRule: {
                basis: 'SILENCE',
                workingDays: 10,
                periodSetting: null,
                silenceSetting: null,
                statement:
                  "deadline passed in silence (10 working days); silence closes it as NO_OBJECTION_BY_SILENCE (the article's text)",
              },
              closedBy: 'deadline-timer',
              closedAt: DE_DEADLINE,
            },
          },
        ]);
    });

    it('closes an Art 16 consultation as NOT_ESSENTIALLY_IDENTICAL_BY_SILENCE when the deadline lapses', () => {
      const state = spec
        .given(historyOf(openArt16('DE', 'FR')))
        .when(lapse(AT_DEADLINE))
        .thenState();
      expect(state).toMatchObject({ status: 'CLOSED', outcome: 'NOT_ESSENTIALLY_IDENTICAL_BY_SILENCE', lapsed: true });
    });

    it('ends a catch-all review period as REVIEW_ENDED', () => {
      const state = spec
        .given(historyOf(openCatchAll('NL')))
        .when(lapse(new Date('2027-02-03T00:00:00.000Z')))
        .thenState();
      expect(state).toMatchObject({ status: 'CLOSED', outcome: 'REVIEW_ENDED' });
    });

    it('refuses to record a lapse before the deadline', () => {
      spec.given(art14ToDe()).when(lapse(BEFORE_DEADLINE)).thenRefuses('RULE_VIOLATED', 'deadline-not-reached');
    });

    it('records when the period ended, not when a restarted timer got round to it', () => {
      const afterRestart = new Date('2027-01-07T08:30:00.000Z');
      const [lapsed] = spec.given(art14ToDe()).when(lapse(afterRestart)).events();
      expect(lapsed).toMatchObject({ data: { lapsedAt: DE_DEADLINE, recordedAt: afterRestart.toISOString() } });
    });

    it('decides nothing on a second lapse (idempotent timer)', () => {
      spec
        .given(historyOf(openArt14('FR', 'DE'), lapse(AT_DEADLINE)))
        .when(lapse(at(DE_DEADLINE, 60_000)))
        .then([]);
    });

    it('decides nothing on a lapse after a reply closed the consultation', () => {
      spec
        .given(historyOf(openArt14('FR', 'DE'), reply('DE', 'NO_OBJECTION', MONDAY)))
        .when(lapse(AT_DEADLINE))
        .then([]);
    });

    it('records exactly one lapse however often, and however late, the timer fires after the deadline', () => {
      const delays = fc.array(fc.integer({ min: 0, max: 30 * 86_400_000 }), { minLength: 1, maxLength: 6 });
      fc.assert(
        fc.property(delays, (firings) => {
          const history = historyOf(openArt14('FR', 'DE'), ...firings.map((delay) => lapse(at(DE_DEADLINE, delay))));
          expect(history.filter((event) => event.type === 'ConsultationDeadlineLapsed')).toHaveLength(1);
          expect(history.filter((event) => event.type === 'ConsultationClosed')).toHaveLength(1);
        }),
        { numRuns: 50 },
      );
    });
  });

  describe('extensions under Art 14(1)', () => {
    it('records the consulted member state asking for more time, with its reason and the working days', () => {
      spec
        .given(art14ToDe())
        .when(requestExtension('DE', 10, MONDAY))
        .then([
          {
            type: 'ExtensionRequested',
            data: {
              requestedBy: 'DE',
              requestedByActor: 'officer@DE',
              additionalWorkingDays: 10,
              reason: 'technical assessment of the items takes longer',
              requestedAt: MONDAY.toISOString(),
            },
          },
        ]);
    });

    it('moves the deadline when the requesting authority grants, counted from the opening in the consulted calendar', () => {
      const [granted] = spec
        .given(historyOf(openArt14('FR', 'DE'), requestExtension('DE', 10, MONDAY)))
        .when(grantExtension('FR', MONDAY))
        .events();
      expect(granted).toMatchObject({
        type: 'ExtensionGranted',
        data: {
          grantedBy: 'FR',
          additionalWorkingDays: 10,
          previousDeadline: { lastDay: '2027-01-05', workingDays: 10 },
          deadline: { memberState: 'DE', workingDays: 20, lastDay: '2027-01-19', endsAt: '2027-01-19T23:00:00.000Z' },
        },
      });
    });

    it('allows exactly 30 working days in total', () => {
      const state = consultation(
        historyOf(openArt14('FR', 'DE'), requestExtension('DE', 20, MONDAY), grantExtension('FR', MONDAY)),
      );
      expect(state.deadline).toMatchObject({ workingDays: 30, lastDay: '2027-02-02' });
    });

    it('refuses an extension that would exceed 30 working days in total', () => {
      spec
        .given(art14ToDe())
        .when(requestExtension('DE', 21, MONDAY))
        .thenRefuses('RULE_VIOLATED', 'extension-cap');
    });

    it('lets the requesting authority grant fewer days than asked, never more', () => {
      const asked = historyOf(openArt14('FR', 'DE'), requestExtension('DE', 5, MONDAY));
      expect(
        consultation([
          ...asked,
          ...spec
            .given(asked)
            .when(grantExtension('FR', MONDAY, 3))
            .events(),
        ]).deadline.workingDays,
      ).toBe(13);
      spec
        .given(asked)
        .when(grantExtension('FR', MONDAY, 6))
        .thenRefuses('RULE_VIOLATED', 'grant-within-request');
    });

    it('refuses a second extension request once one was granted', () => {
      spec
        .given(historyOf(openArt14('FR', 'DE'), requestExtension('DE', 5, MONDAY), grantExtension('FR', MONDAY)))
        .when(requestExtension('DE', 5, MONDAY))
        .thenRefuses('RULE_VIOLATED', 'art14-single-extension');
    });

    it('refuses a second extension request once one was declined', () => {
      spec
        .given(historyOf(openArt14('FR', 'DE'), requestExtension('DE', 5, MONDAY), declineExtension('FR', MONDAY)))
        .when(requestExtension('DE', 5, MONDAY))
        .thenRefuses('RULE_VIOLATED', 'art14-single-extension');
    });

    it('keeps the deadline when the requesting authority declines', () => {
      const state = consultation(
        historyOf(openArt14('FR', 'DE'), requestExtension('DE', 5, MONDAY), declineExtension('FR', MONDAY)),
      );
      expect(state).toMatchObject({ pendingExtension: null, deadline: { workingDays: 10, endsAt: DE_DEADLINE } });
    });

    it('lets only the consulted member state ask for an Art 14(1) extension', () => {
      spec
        .given(art14ToDe())
        .when(requestExtension('FR', 5, MONDAY))
        .thenRefuses('FORBIDDEN', 'consulted-member-state-requests-extension');
    });

    it('lets only the requesting authority grant: not the member state that asked', () => {
      spec
        .given(historyOf(openArt14('FR', 'DE'), requestExtension('DE', 5, MONDAY)))
        .when(grantExtension('DE', MONDAY))
        .thenRefuses('FORBIDDEN', 'other-party-answers-extension');
    });

    it('refuses an extension from a member state that is no party to the consultation (403)', () => {
      spec
        .given(historyOf(openArt14('FR', 'DE'), requestExtension('DE', 5, MONDAY)))
        .when(grantExtension('IT', MONDAY))
        .thenRefuses('FORBIDDEN', 'consultation-party-only');
    });

    it('refuses to ask for an extension once the deadline has passed', () => {
      spec
        .given(art14ToDe())
        .when(requestExtension('DE', 5, AT_DEADLINE))
        .thenRefuses('RULE_VIOLATED', 'deadline-passed');
    });

    it('refuses to grant an extension once the deadline has passed: the lapse took effect', () => {
      spec
        .given(historyOf(openArt14('FR', 'DE'), requestExtension('DE', 5, MONDAY)))
        .when(grantExtension('FR', AT_DEADLINE))
        .thenRefuses('RULE_VIOLATED', 'deadline-passed');
    });

    it('refuses to grant when nothing was asked', () => {
      spec.given(art14ToDe()).when(grantExtension('FR', MONDAY)).thenRefuses('CONFLICT', 'no-extension-requested');
    });

    it('waits for the extended deadline before recording a lapse', () => {
      const extended = historyOf(
        openArt14('FR', 'DE'),
        requestExtension('DE', 10, MONDAY),
        grantExtension('FR', MONDAY),
      );
      spec.given(extended).when(lapse(AT_DEADLINE)).thenRefuses('RULE_VIOLATED', 'deadline-not-reached');
      expect(
        spec
          .given(extended)
          .when(reply('DE', 'NO_OBJECTION', AT_DEADLINE))
          .events(),
      ).toHaveLength(2);
      expect(
        spec
          .given(extended)
          .when(lapse(new Date('2027-01-19T23:00:00.000Z')))
          .events(),
      ).toHaveLength(2);
    });
  });

  describe('extensions under Art 16, by agreement', () => {
    it('lets the consulting authority ask and the denying member state agree', () => {
      const state = consultation([
        ...historyOf(openArt16('DE', 'FR'), requestExtension('DE', 5, MONDAY), grantExtension('FR', MONDAY)),
      ]);
      expect(state.deadline).toMatchObject({ memberState: 'FR', workingDays: 15 });
    });

    it('allows several extensions by agreement up to 30 working days in total', () => {
      const twice = historyOf(
        openArt16('DE', 'FR'),
        requestExtension('FR', 10, MONDAY),
        grantExtension('DE', MONDAY),
        requestExtension('DE', 10, MONDAY),
        grantExtension('FR', MONDAY),
      );
      expect(consultation(twice).deadline.workingDays).toBe(30);
      spec
        .given(twice)
        .when(requestExtension('FR', 1, MONDAY))
        .thenRefuses('RULE_VIOLATED', 'extension-cap');
    });

    it('refuses a second request while one awaits an answer', () => {
      spec
        .given(historyOf(openArt16('DE', 'FR'), requestExtension('FR', 5, MONDAY)))
        .when(requestExtension('DE', 5, MONDAY))
        .thenRefuses('CONFLICT', 'extension-pending');
    });

    it('refuses an extension after the consultation closed', () => {
      spec
        .given(historyOf(openArt16('DE', 'FR'), reply('FR', 'NOT_ESSENTIALLY_IDENTICAL', MONDAY)))
        .when(requestExtension('DE', 5, MONDAY))
        .thenRefuses('CONFLICT', 'consultation-closed');
    });
  });

  describe('catch-all responses', () => {
    const catchAll = () => historyOf(openCatchAll('NL'));

    it('records a response from another member state and stays open: responses do not bind', () => {
      const command = reply('DE', 'OBJECT', MONDAY, 'we see no link to internal repression');
      const events = spec.given(catchAll()).when(command).events();
      expect(events.map((event) => event.type)).toEqual(['ConsultationReplied']);
      expect(spec.given(catchAll()).when(command).thenState()).toMatchObject({ status: 'OPEN', outcome: null });
    });

    it('takes one response from each member state', () => {
      spec
        .given(historyOf(openCatchAll('NL'), reply('DE', 'CONCUR', MONDAY)))
        .when(reply('DE', 'COMMENT', MONDAY, 'on reflection'))
        .thenRefuses('CONFLICT', 'already-replied');
      expect(
        spec
          .given(historyOf(openCatchAll('NL'), reply('DE', 'CONCUR', MONDAY)))
          .when(reply('FR', 'CONCUR', MONDAY))
          .events(),
      ).toHaveLength(1);
    });

    it('refuses a response by the informing member state itself', () => {
      spec
        .given(catchAll())
        .when(reply('NL', 'CONCUR', MONDAY))
        .thenRefuses('FORBIDDEN', 'consulted-member-state-only');
    });

    it('refuses an extension of a catch-all review period: the setting fixes it', () => {
      spec
        .given(catchAll())
        .when(requestExtension('DE', 5, MONDAY))
        .thenRefuses('RULE_VIOLATED', 'catch-all-no-extension');
    });
  });

  describe('withdrawal', () => {
    it('closes as WITHDRAWN when the consulting authority withdraws', () => {
      spec
        .given(art14ToDe())
        .when(withdraw('FR', MONDAY))
        .then([
          {
            type: 'ConsultationClosed',
            data: {
              outcome: 'WITHDRAWN',
              reason: 'the application was withdrawn',
              closingRule: {
                basis: 'WITHDRAWAL',
                workingDays: 10,
                periodSetting: null,
                silenceSetting: null,
                statement: 'withdrawn by the consulting member state',
              },
              closedBy: 'officer@FR',
              closedAt: MONDAY.toISOString(),
            },
          },
        ]);
    });

    it('lets only the consulting authority withdraw', () => {
      spec.given(art14ToDe()).when(withdraw('DE', MONDAY)).thenRefuses('FORBIDDEN', 'requester-only');
    });

    it('refuses to withdraw a closed consultation', () => {
      spec
        .given(historyOf(openArt14('FR', 'DE'), reply('DE', 'OBJECTION', MONDAY, 'binding')))
        .when(withdraw('FR', MONDAY))
        .thenRefuses('CONFLICT', 'consultation-closed');
    });
  });

  describe('evolve', () => {
    it('ignores events on a stream that was never opened', () => {
      expect(stateOf()).toEqual({ status: 'NONE' });
      expect(
        fold(consultationDecider, [
          { type: 'ConsultationClosed', data: { outcome: 'WITHDRAWN', reason: 'x', closedBy: 'a', closedAt: 'b' } },
        ]),
      ).toEqual({ status: 'NONE' });
    });
  });
});
