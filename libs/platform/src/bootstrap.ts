import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { ValidationPipe } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { BaseEnvironment } from '@dul/config';
import { installHttpEdge } from './edge/http-edge';
import type { HttpEdgeSettings } from './edge/http-edge';
import { ErrorFilter, fieldProblems, RequestValidationError } from './error.filter';
import { completeOpenApiDocument, operationIdOf } from './openapi';

/** Where the OpenAPI document is served: both answer the same JSON (the second is Nest's default). */
export const OPENAPI_DOCUMENT_PATHS = ['/docs/openapi.json', '/docs-json'] as const;

export interface ServiceDescription {
  readonly title: string;
  readonly description: string;
}

/** Builds a Fastify Nest app with the edges every service shares: validation, error mapping, /docs. */
export async function createApp(
  module: Type<unknown> | DynamicModule,
  env: Pick<BaseEnvironment, 'LOG_LEVEL'> & HttpEdgeSettings,
  service: ServiceDescription,
): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(
    module,
    new FastifyAdapter({ logger: env.LOG_LEVEL === 'silent' ? false : { level: env.LOG_LEVEL } }),
    // The JSON body parser is ours (installHttpEdge): it counts the nesting depth before parsing.
    { logger: env.LOG_LEVEL === 'silent' ? false : ['error', 'warn', 'log'], bodyParser: false },
  );
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
