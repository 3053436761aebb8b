import { ApiProperty } from '@nestjs/swagger';
import { EXAMPLE_RECORD_LICENCE_USAGE } from './examples';

// Response shapes of the history reads, for the OpenAPI document only (nothing is validated on the way out).

/** One recorded event: what happened, who did it with which roles, when, and its data as recorded. */
export class HistoryEntryDto {
  @ApiProperty({ description: "The event's version in its stream (0, 1, ...)", example: 1 })
  readonly version!: number;

  @ApiProperty({ description: 'Global position in the store', example: 5123 })
  readonly position!: number;

  @ApiProperty({ example: 'LicenceUsageRecorded' })
  readonly type!: string;

  @ApiProperty({ format: 'date-time', example: '2026-04-20T09:12:44.000Z' })
  readonly recordedAt!: string;

  @ApiProperty({
    description: "The token subject that caused the event, or 'system:...' for a process",
    example: 'zoll.hamburg@bafa.example',
  })
  readonly actor!: string;

  @ApiProperty({ type: String, nullable: true, example: 'DE' })
  readonly memberState!: string | null;

  @ApiProperty({ type: String, isArray: true, example: ['caseworker'] })
  readonly roles!: readonly string[];

  @ApiProperty({ example: '6c1e4f1c-4b4c-4a55-9f7e-2d0f3f3f8c11' })
  readonly correlationId!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: "The event's data as recorded (a usage entry: declaration, customs office, lines, official, time)",
    example: {
      ...EXAMPLE_RECORD_LICENCE_USAGE,
      recordedBy: 'zoll.hamburg@bafa.example',
      recordedAt: '2026-04-20T09:12:44.000Z',
    },
  })
  readonly data!: unknown;
}

export class LicenceHistoryEntryDto extends HistoryEntryDto {
  @ApiProperty({
    enum: ['application', 'licence'],
    description: 'Whose event: the application the licence was granted on, or the licence',
    example: 'licence',
  })
  readonly stream!: 'application' | 'licence';
}

/** GET /v1/licences/{id}/history. */
export class LicenceHistoryDto {
  @ApiProperty({ format: 'uuid', example: '3f9a1d52-7c1e-5b0a-9d3e-2a6f4c8b1e07' })
  readonly licenceId!: string;

  @ApiProperty({ format: 'uuid', example: '805db3bd-7aca-5883-8be2-0e4c4d040397' })
  readonly applicationId!: string;

  @ApiProperty({ example: 'DE' })
  readonly authority!: string;

  @ApiProperty({ description: "The licence's current version: what a write's If-Match carries", example: 3 })
  readonly version!: number;

  @ApiProperty({
    type: LicenceHistoryEntryDto,
    isArray: true,
    description: 'Every event of the application and then of the licence, in the order recorded',
  })
  readonly events!: readonly LicenceHistoryEntryDto[];
}
