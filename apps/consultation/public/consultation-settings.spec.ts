import { validateEnvironment } from '@dul/config';
import { ConsultationEnvironment } from '../consultation.environment';
import { consultationSettingsOf } from './consultation-settings';

const dev = { AUTH_MODE: 'dev' };

describe('consultation period settings (validated at boot)', () => {
  it("defaults the Art 16 period to 10 working days and silence to NOT_ESSENTIALLY_IDENTICAL (EU practice), and Art 14(2) to the text's 10", () => {
    expect(consultationSettingsOf(validateEnvironment(ConsultationEnvironment, dev))).toEqual({
      art16WorkingDays: 10,
      art16SilenceMeans: 'NOT_ESSENTIALLY_IDENTICAL',
      securityInterestWorkingDays: 10,
    });
  });

  it('reads the settings the consultation service is given', () => {
    const raw = {
      ...dev,
      ART16_CONSULTATION_WORKING_DAYS: '15',
      ART16_SILENCE_OUTCOME: 'ESSENTIALLY_IDENTICAL',
      ART14_2_CONSULTATION_WORKING_DAYS: '8',
    };
    const expected = {
      art16WorkingDays: 15,
      art16SilenceMeans: 'ESSENTIALLY_IDENTICAL',
      securityInterestWorkingDays: 8,
    };
    expect(consultationSettingsOf(validateEnvironment(ConsultationEnvironment, raw))).toEqual(expected);
  });

  it('refuses to boot with a period beyond the 30-working-day cap or an unknown meaning of silence, naming the variable', () => {
    expect(() =>
      validateEnvironment(ConsultationEnvironment, { ...dev, ART16_CONSULTATION_WORKING_DAYS: '31' }),
    ).toThrow(/ART16_CONSULTATION_WORKING_DAYS must be a whole number of working days between 1 and 30 \(got '31'\)/);
    expect(() =>
      validateEnvironment(ConsultationEnvironment, { ...dev, ART14_2_CONSULTATION_WORKING_DAYS: '0' }),
    ).toThrow(/ART14_2_CONSULTATION_WORKING_DAYS must be a whole number of working days between 1 and 30/);
    expect(() => validateEnvironment(ConsultationEnvironment, { ...dev, ART16_SILENCE_OUTCOME: 'OBJECTION' })).toThrow(
      /ART16_SILENCE_OUTCOME must be one of NOT_ESSENTIALLY_IDENTICAL, ESSENTIALLY_IDENTICAL \(got 'OBJECTION'\)/,
    );
  });
});
