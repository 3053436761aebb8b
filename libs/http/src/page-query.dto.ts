import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export const PAGE_LIMIT_DEFAULT = 50;
export const PAGE_LIMIT_MAX = 200;
/**
 * Deepest offset a list accepts. Without a maximum, `offset=1e308` (an integer to JavaScript) reached
 * SQL and answered 500 (issue 11); past a million rows offset paging is the wrong tool anyway.
 */
export const PAGE_OFFSET_MAX = 1_000_000;

// Query values arrive as strings; @Type(() => Number) converts them ('abc' becomes NaN, which @IsInt
// rejects). Defaults apply when the parameter is left out.
export abstract class PageQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: PAGE_LIMIT_MAX,
    default: PAGE_LIMIT_DEFAULT,
    example: 50,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_LIMIT_MAX)
  readonly limit: number = PAGE_LIMIT_DEFAULT;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: PAGE_OFFSET_MAX, default: 0, example: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(PAGE_OFFSET_MAX)
  readonly offset: number = 0;

  @ApiPropertyOptional({
    description:
      'Keyset paging: the nextCursor of the previous page. Unlike offset, a page costs the same however deep it is; offset, if given too, counts from the cursor.',
    example: 'YXBwbGljYXRpb24tMDAx',
  })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,512}$/, { message: 'cursor must be a nextCursor from a previous page' })
  readonly cursor?: string;
}

/** The document id a cursor stands for (cursors are opaque to clients: base64url of the last id). */
export function afterIdOf(cursor: string | undefined): string | undefined {
  return cursor === undefined ? undefined : Buffer.from(cursor, 'base64url').toString('utf8');
}

/** The cursor of the page after this one, or null when this page is the last (shorter than the limit). */
export function nextCursorOf(entries: readonly { readonly id: string }[], limit: number): string | null {
  const last = entries.at(-1);
  return entries.length < limit || last === undefined ? null : Buffer.from(last.id, 'utf8').toString('base64url');
}
