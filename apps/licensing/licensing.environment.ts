import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { GEA_SETTINGS_PATTERN } from './public/general-authorisation-settings';
import { ConsultationPeriodsEnvironment } from '../consultation/public/consultation-settings';

/** The format of LICENCE_VALIDITY_CAPS; parseValidityPolicy checks the codes and ranges at boot. */
export const VALIDITY_CAPS_FORMAT =
  /^\s*(?:(?:\*|[A-Za-z]{2})\s*:\s*[A-Z_]+=\d{1,3}(?:\s*,\s*[A-Z_]+=\d{1,3})*\s*;?\s*)+$/;
export const VALIDITY_CAPS_MESSAGE = 'must be MS:KIND=months[,KIND=months][;MS:...] with MS a member state code or *';

/** The licensing service's configuration. */
// The consultation periods too: this service opens any missing consultation right before a decision.
export class LicensingEnvironment extends ConsultationPeriodsEnvironment {
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
  /**
   * Validity caps per member state (Art 12(3) "unless the competent authority decides otherwise"):
   * `DE:INDIVIDUAL=36,GLOBAL=24;*:LARGE_PROJECT=48`. Unset: 24 months individual and global, 48 large project.
   */
  @IsOptional()
  @Matches(VALIDITY_CAPS_FORMAT, { message: VALIDITY_CAPS_MESSAGE })
  readonly LICENCE_VALIDITY_CAPS?: string;
}
