import { ApiProperty } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Command } from '@dul/domain';
import type { PrincipalWrite, WithoutMetadata, WriteResult } from '@dul/platform';
import { parseIfMatch, requestIdsOf } from '@dul/platform';
import type { Principal } from '@dul/auth';

/** What every write answers with (and as an ETag header carrying the version). */
export class WriteResultDto implements WriteResult {
  @ApiProperty({ example: '0b6f3c3e-2a51-4a4e-9c5e-5c1f2f0d7a10' })
  readonly id!: string;
  @ApiProperty({ example: 3, description: 'The stream version after the write: send it back as If-Match' })
  readonly version!: number;
  @ApiProperty({
    example: 1842,
    description: 'Global position of the write: send it as x-consistent-with to read it back',
  })
  readonly position!: number;
}

/** The write's answer: exactly id, version and position, with the version as ETag. */
export function answerWrite(reply: FastifyReply, result: WriteResult): WriteResult {
  void reply.header('etag', `"${result.version}"`);
  return { id: result.id, version: result.version, position: result.position };
}

/** A request's command as the aggregate runner takes it: who, the correlation id and If-Match. */
export function principalWrite<TCommand extends Command>(
  principal: Principal,
  request: FastifyRequest,
  command: WithoutMetadata<TCommand>,
): PrincipalWrite<TCommand> {
  return {
    by: 'principal',
    command,
    principal,
    correlationId: correlationIdOf(request),
    ifMatch: parseIfMatch(headerOf(request, 'if-match')),
  };
}

/** The caller's correlation id, or the request id: every event records it and every log line of the request. */
export function correlationIdOf(request: FastifyRequest): string {
  return requestIdsOf(request.raw).correlationId;
}

export function headerOf(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
