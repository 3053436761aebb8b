import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { AuthEnvironment } from '@dul/config';
import type { Art16SilenceMeaning } from '@dul/domain';
import {
  ART16_SILENCE_MEANINGS,
  DEFAULT_ART16_CONSULTATION_WORKING_DAYS,
  DEFAULT_ART16_SILENCE_MEANING,
  DEFAULT_SECURITY_INTEREST_WORKING_DAYS,
  MAX_REPLY_WORKING_DAYS,
} from '@dul/domain';

const WORKING_DAYS_RANGE = `must be a whole number of working days between 1 and ${MAX_REPLY_WORKING_DAYS}`;

/**
 * The consultation periods every host that opens consultations needs (the consultation service, and
 * the licensing service, which opens any missing one right before a decision), validated at boot.
 */
export class ConsultationPeriodsEnvironment extends AuthEnvironment {
  /** Art 16: EU practice, not the article's text (it sets no deadline). At most the 30-day cap. */
  @IsOptional()
  @IsInt({ message: WORKING_DAYS_RANGE })
  @Min(1, { message: WORKING_DAYS_RANGE })
  @Max(MAX_REPLY_WORKING_DAYS, { message: WORKING_DAYS_RANGE })
  readonly ART16_CONSULTATION_WORKING_DAYS: number = DEFAULT_ART16_CONSULTATION_WORKING_DAYS;

  /** Art 16: what the denying member state's silence means; EU practice, not the article's text. */
  @IsOptional()
  @IsIn(ART16_SILENCE_MEANINGS, { message: `must be one of ${ART16_SILENCE_MEANINGS.join(', ')}` })
  readonly ART16_SILENCE_OUTCOME: Art16SilenceMeaning = DEFAULT_ART16_SILENCE_MEANING;

  /** Art 14(2): "to be terminated within 10 working days" (the text); a setting to follow a change. */
  @IsOptional()
  @IsInt({ message: WORKING_DAYS_RANGE })
  @Min(1, { message: WORKING_DAYS_RANGE })
  @Max(MAX_REPLY_WORKING_DAYS, { message: WORKING_DAYS_RANGE })
  readonly ART14_2_CONSULTATION_WORKING_DAYS: number = DEFAULT_SECURITY_INTEREST_WORKING_DAYS;
}

/** The periods as the consultation context uses them. */
export interface ConsultationSettings {
  readonly art16WorkingDays: number;
  readonly art16SilenceMeans: Art16SilenceMeaning;
  readonly securityInterestWorkingDays: number;
}

export const DEFAULT_CONSULTATION_SETTINGS: ConsultationSettings = {
  art16WorkingDays: DEFAULT_ART16_CONSULTATION_WORKING_DAYS,
  art16SilenceMeans: DEFAULT_ART16_SILENCE_MEANING,
  securityInterestWorkingDays: DEFAULT_SECURITY_INTEREST_WORKING_DAYS,
};

export function consultationSettingsOf(environment: ConsultationPeriodsEnvironment): ConsultationSettings {
  return {
    art16WorkingDays: environment.ART16_CONSULTATION_WORKING_DAYS,
    art16SilenceMeans: environment.ART16_SILENCE_OUTCOME,
    securityInterestWorkingDays: environment.ART14_2_CONSULTATION_WORKING_DAYS,
  };
}

export const CONSULTATION_SETTINGS = Symbol.for('dul.ConsultationSettings');
