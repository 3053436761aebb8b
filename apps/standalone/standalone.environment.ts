import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { AUTH_MODES, AuthMode } from '@dul/config';
import { LicensingEnvironment } from '../licensing/licensing.environment';

/**
 * The standalone process: every service, embedded SQLite by default, in-process delivery, no Kafka.
 * It alone defaults to development tokens signed by a local key (npm run token).
 */
export class StandaloneEnvironment extends LicensingEnvironment {
  @IsOptional()
  @IsIn(AUTH_MODES, { message: `must be one of ${AUTH_MODES.join(', ')}` })
  override readonly AUTH_MODE: AuthMode = 'dev';

  @IsOptional()
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(100, { message: 'must be between 100 and 3600000' })
  @Max(3_600_000, { message: 'must be between 100 and 3600000' })
  readonly CONSULTATION_TIMER_POLL_MS: number = 60_000;
}
