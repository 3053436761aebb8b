import { fold } from '../decider';
import { deciderSpec } from '../testing/decider-spec';
import { consultationDecider } from './consultation.decider';
import type { ConsultationEvent } from './consultation.events';
import { historyOf, lapse, openArt16, reply, stateOf } from './testing/consultation.fixtures';

const spec = deciderSpec(consultationDecider);
const FRIDAY = new Date('2026-12-18T10:00:00.000Z');
const MONDAY = new Date('2026-12-21T09:00:00.000Z');
/** Long after any period opened on FRIDAY. */
const LATER = new Date('2027-03-01T09:00:00.000Z');

describe('Art 16 consultation: the period and the meaning of silence are EU practice, not the text', () => {
  it('counts the period from the ART16_CONSULTATION_WORKING_DAYS setting, 10 working days by default', () => {
    expect(stateOf(openArt16('DE', 'FR'))).toMatchObject({
      deadline: { workingDays: 10 },
      rules: { basis: 'PRACTICE', workingDays: 10, periodSetting: 'ART16_CONSULTATION_WORKING_DAYS' },
    });
    expect(stateOf(openArt16('DE', 'FR', FRIDAY, { replyWorkingDays: 15 }))).toMatchObject({
      deadline: { workingDays: 15 },
      rules: { workingDays: 15 },
    });
  });

  it('closes in silence as NOT_ESSENTIALLY_IDENTICAL by default, recording the rule and the setting that closed it', () => {
    const state = stateOf(openArt16('DE', 'FR'), lapse(LATER));
    expect(state).toMatchObject({
      status: 'CLOSED',
      outcome: 'NOT_ESSENTIALLY_IDENTICAL_BY_SILENCE',
      closingRule: {
        basis: 'SILENCE',
        workingDays: 10,
        periodSetting: 'ART16_CONSULTATION_WORKING_DAYS',
        silenceSetting: 'ART16_SILENCE_OUTCOME',
        statement:
          'deadline passed in silence (10 working days under ART16_CONSULTATION_WORKING_DAYS); silence closes it as ' +
          "NOT_ESSENTIALLY_IDENTICAL_BY_SILENCE under ART16_SILENCE_OUTCOME (EU practice, not the article's text)",
      },
    });
  });

  it('closes in silence as ESSENTIALLY_IDENTICAL where the ART16_SILENCE_OUTCOME setting says so', () => {
    const state = stateOf(openArt16('DE', 'FR', FRIDAY, { silenceMeans: 'ESSENTIALLY_IDENTICAL' }), lapse(LATER));
    expect(state).toMatchObject({ outcome: 'ESSENTIALLY_IDENTICAL_BY_SILENCE', closingRule: { basis: 'SILENCE' } });
  });

  it('records an answer as the rule that closed it', () => {
    const state = stateOf(openArt16('DE', 'FR'), reply('FR', 'ESSENTIALLY_IDENTICAL', MONDAY));
    expect(state).toMatchObject({
      outcome: 'ESSENTIALLY_IDENTICAL',
      closingRule: { basis: 'ANSWER', silenceSetting: null },
    });
  });

  it('closes as the rules it opened with say, whatever the settings are later: they are on the opening event', () => {
    const opened = historyOf(openArt16('DE', 'FR', FRIDAY, { silenceMeans: 'ESSENTIALLY_IDENTICAL' }));
    expect(opened[0]).toMatchObject({
      type: 'ConsultationOpened',
      data: { rules: { silenceOutcome: 'ESSENTIALLY_IDENTICAL_BY_SILENCE', silenceSetting: 'ART16_SILENCE_OUTCOME' } },
    });
  });

  it("folds a consultation opened before its rules were recorded with the rules of the time (today's defaults)", () => {
    const [opened] = historyOf(openArt16('DE', 'FR'));
    if (opened?.type !== 'ConsultationOpened') throw new Error('expected an opening');
    const { rules: _rules, ...legacy } = opened.data;
    const recorded: ConsultationEvent = { type: 'ConsultationOpened', data: legacy };
    const state = fold(consultationDecider, [recorded]);
    expect(state).toMatchObject({
      rules: { workingDays: 10, silenceOutcome: 'NOT_ESSENTIALLY_IDENTICAL_BY_SILENCE', basis: 'PRACTICE' },
    });
  });

  it('refuses a period beyond the 30 working days allowed in all, or an unknown meaning of silence', () => {
    spec
      .given([])
      .when(openArt16('DE', 'FR', FRIDAY, { replyWorkingDays: 31 }))
      .thenRefuses('INVALID', 'working-days');
    spec
      .given([])
      .when(openArt16('DE', 'FR', FRIDAY, { silenceMeans: 'OBJECTION' as never }))
      .thenRefuses('INVALID', 'art16-silence-outcome');
  });
});
