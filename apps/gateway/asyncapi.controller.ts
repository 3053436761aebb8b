import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { asyncApiDocument } from '@dul/contracts';
import { Public } from '@dul/auth';

/** The AsyncAPI 3.0 description of every topic, stream, message and schema we publish. */
@ApiTags('streams')
@Public()
@Controller('asyncapi')
export class AsyncApiController {
  @Get()
  @ApiOperation({ summary: 'AsyncAPI 3.0 document: Kafka topics, SSE streams, CloudEvents and their JSON Schemas' })
  document(): object {
    return asyncApiDocument();
  }
}
