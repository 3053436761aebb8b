import { IsIn, IsOptional } from 'class-validator';
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
}
