import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { AuthEnvironment } from '@dul/config';
import { DEFAULT_SMALL_CELL_THRESHOLD } from '@dul/domain';

/** The reporting service's configuration. */
export class ReportingEnvironment extends AuthEnvironment {
  /** The public dataset's small-cell threshold: counts from 1 to this minus 1 are suppressed. */
  @IsOptional()
  @IsInt({ message: 'must be a whole number' })
  @Min(1, { message: 'must be between 1 and 1000' })
  @Max(1000, { message: 'must be between 1 and 1000' })
  readonly REPORT_SMALL_CELL_THRESHOLD: number = DEFAULT_SMALL_CELL_THRESHOLD;
}

/**
 * The threshold an environment sets, for a process whose schema may not declare it (the standalone
 * app until it does): undefined leaves the default.
 */
export function smallCellThresholdOf(environment: object): number | undefined {
  const value = (environment as { REPORT_SMALL_CELL_THRESHOLD?: unknown }).REPORT_SMALL_CELL_THRESHOLD;
  return typeof value === 'number' ? value : undefined;
}
