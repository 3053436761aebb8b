import { validateEnvironment } from '@dul/config';
import { consultationSettingsOf } from '../consultation/public/consultation-settings';
import { LicensingEnvironment } from './licensing.environment';

describe('licensing service: the consultation periods it opens consultations with', () => {
  it('validates the Art 16 and Art 14(2) settings at boot like the consultation service (it opens missing consultations before a decision)', () => {
    const raw = {
      AUTH_MODE: 'dev',
      ART16_CONSULTATION_WORKING_DAYS: '12',
      ART16_SILENCE_OUTCOME: 'ESSENTIALLY_IDENTICAL',
    };
    expect(consultationSettingsOf(validateEnvironment(LicensingEnvironment, raw))).toEqual({
      art16WorkingDays: 12,
      art16SilenceMeans: 'ESSENTIALLY_IDENTICAL',
      securityInterestWorkingDays: 10,
    });
    expect(() =>
      validateEnvironment(LicensingEnvironment, { AUTH_MODE: 'dev', ART16_SILENCE_OUTCOME: 'maybe' }),
    ).toThrow(/ART16_SILENCE_OUTCOME must be one of/);
  });
});
