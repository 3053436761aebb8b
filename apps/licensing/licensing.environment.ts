import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { GEA_SETTINGS_PATTERN } from './public/general-authorisation-settings';
import { AuthEnvironment } from '@dul/config';

/** The licensing service's configuration. */
export class LicensingEnvironment extends AuthEnvironment {
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
}
