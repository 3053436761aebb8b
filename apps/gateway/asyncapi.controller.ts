import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { asyncApiDocument } from '@dul/contracts';
import { Public } from '@dul/auth';

/** The AsyncAPI 3.0 description of every topic, stream, message and schema we publish. */
@ApiTags('streams')
@Public()
@Controller('asyncapi')
export class AsyncApiController {
  @Get()
  @ApiOkResponse({ description: 'The AsyncAPI 3.0 document', schema: { type: 'object', additionalProperties: true } })
  @ApiOperation({
    operationId: 'getAsyncApiDocument',
    summary: 'AsyncAPI 3.0 document: Kafka topics, SSE streams, CloudEvents and their JSON Schemas',
  })
  document(): object {
    return asyncApiDocument();
  }
}
