import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { GEA_SETTINGS_PATTERN } from '../licensing/public/general-authorisation-settings';
import { VALIDITY_CAPS_FORMAT, VALIDITY_CAPS_MESSAGE } from '../licensing/licensing.environment';
import { AUTH_MODES, AuthMode } from '@dul/config';
import { ConsultationEnvironment } from '../consultation/consultation.environment';

/**
 * The standalone process: every service, embedded SQLite by default, in-process delivery, no Kafka.
 * It alone defaults to development tokens signed by a local key (npm run token).
 */
export class StandaloneEnvironment extends ConsultationEnvironment {
  @IsOptional()
  @IsIn(AUTH_MODES, { message: `must be one of ${AUTH_MODES.join(', ')}` })
  override readonly AUTH_MODE: AuthMode = 'dev';

  // As in LicensingEnvironment (a class extends one other; this is the one setting it repeats).
  @IsOptional()
  @IsInt({ message: 'must be a whole number of milliseconds' })
  @Min(100, { message: 'must be between 100 and 3600000' })
  @Max(3_600_000, { message: 'must be between 100 and 3600000' })
  readonly LICENCE_EXPIRY_POLL_MS: number = 60_000;

  // Per member state: first-use notification days and registration before first use (docs/general-authorisations.md).
  @IsOptional()
  @Matches(GEA_SETTINGS_PATTERN, {
    message: 'must be MS:days[:register-first] entries separated by commas, e.g. DE:30:register-first,FR:15',
  })
  readonly GEA_SETTINGS: string = '';
  // As in LicensingEnvironment.
  @IsOptional()
  @Matches(VALIDITY_CAPS_FORMAT, { message: VALIDITY_CAPS_MESSAGE })
  readonly LICENCE_VALIDITY_CAPS?: string;

  // As in ReportingEnvironment.
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 100' })
  @Max(100, { message: 'must be between 1 and 100' })
  readonly REPORT_SMALL_CELL_THRESHOLD: number = 3;
}
