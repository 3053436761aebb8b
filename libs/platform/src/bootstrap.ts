import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { Module, ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { LogController } from 'fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import type { BaseEnvironment } from '@dul/config';
import { installHttpEdge } from './edge/http-edge';
import type { HttpEdgeSettings } from './edge/http-edge';
import { ErrorFilter, fieldProblems, RequestValidationError } from './error.filter';
import type { IncomingRequest } from './logging';
import { processLogger, requestIdsOf, structuredLogModule } from './logging';
import { completeOpenApiDocument, operationIdOf } from './openapi';

/** Where the OpenAPI document is served: both answer the same JSON (the second is Nest's default). */
export const OPENAPI_DOCUMENT_PATHS = ['/docs/openapi.json', '/docs-json'] as const;

export interface ServiceDescription {
  readonly title: string;
  readonly description: string;
}

/** The service's module plus the one structured log (libs/platform/src/logging.ts). */
@Module({})
class LoggedService {}

/**
 * Builds a Fastify Nest app with the edges every service shares: one JSON log, validation, error
 * mapping, /docs.
 */
export async function createApp(
  module: Type<unknown> | DynamicModule,
  env: Pick<BaseEnvironment, 'LOG_LEVEL'> & HttpEdgeSettings,
  service: ServiceDescription,
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    { module: LoggedService, imports: [structuredLogModule(env.LOG_LEVEL), module] },
    // Fastify writes through the same pino instance under the same request id; its own per-request
    // lines are off because pino-http's "request completed" line (with both ids) replaces them.
    new FastifyAdapter({
      loggerInstance: processLogger(env.LOG_LEVEL),
      logController: new LogController({ disableRequestLogging: true, requestIdLogLabel: 'requestId' }),
      genReqId: (request: IncomingRequest) => requestIdsOf(request).requestId,
    }),
    // Nest's lines wait in a buffer until the pino logger is in place, so none is printed in colour.
    // The JSON body parser is ours (installHttpEdge): it counts the nesting depth before parsing.
    { bufferLogs: true, bodyParser: false },
  );
  app.useLogger(app.get(Logger));
  await installHttpEdge(app, env);
  configureApp(app, service);
  app.enableShutdownHooks();
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

export function configureApp(app: INestApplication, service: ServiceDescription): void {
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: (errors) => new RequestValidationError(fieldProblems(errors)),
    }),
  );
  app.useGlobalFilters(new ErrorFilter());
  const document = completeOpenApiDocument(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle(service.title)
        .setDescription(service.description)
        .setVersion('1')
        .addBearerAuth()
        .build(),
      { operationIdFactory: operationIdOf },
    ),
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: OPENAPI_DOCUMENT_PATHS[0].slice(1) });
  app.getHttpAdapter().get(OPENAPI_DOCUMENT_PATHS[1], (_request: unknown, reply: { send(body: unknown): void }) => {
    reply.send(document);
  });
}
