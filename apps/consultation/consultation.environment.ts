import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { ConsultationPeriodsEnvironment } from './public/consultation-settings';

/** The consultation service's configuration. */
export class ConsultationEnvironment extends ConsultationPeriodsEnvironment {
  @IsOptional()
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(100, { message: 'must be between 100 and 3600000' })
  @Max(3_600_000, { message: 'must be between 100 and 3600000' })
  readonly CONSULTATION_TIMER_POLL_MS: number = 60_000;

  /** Art 4/5: working days other member states and the Commission have to review a catch-all decision. */
  @IsOptional()
  @IsInt({ message: 'must be a whole number of working days' })
  @Min(1, { message: 'must be between 1 and 130' })
  @Max(130, { message: 'must be between 1 and 130' })
  readonly CATCH_ALL_REVIEW_WORKING_DAYS: number = 30;
}
