import type { OpenAPIObject } from '@nestjs/swagger';
import { completeOpenApiDocument, operationIdOf } from './openapi';

const ERROR = { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBodyDto' } } };
const WRITE = { content: { 'application/json': { schema: { $ref: '#/components/schemas/WriteResultDto' } } } };

function documentWith(paths: OpenAPIObject['paths']): OpenAPIObject {
  return { openapi: '3.0.0', info: { title: 't', version: '1' }, paths };
}

describe('completeOpenApiDocument', () => {
  it('answers 401 for an operation that needs a token, 403 and the roles where @Roles applies', () => {
    const document = completeOpenApiDocument(
      documentWith({
        '/v1/things': {
          get: {
            security: [{ bearer: [] }],
            'x-roles': ['caseworker', 'auditor'],
            responses: { '200': { description: 'ok' } },
          } as never,
        },
      }),
    );
    const operation = document.paths['/v1/things']?.get;
    expect(Object.keys(operation?.responses ?? {}).sort()).toEqual(['200', '401', '403', '429']);
    expect(operation?.description).toBe('Roles: caseworker or auditor.');
    expect(operation?.responses['403']).toMatchObject({ content: ERROR });
    expect(document.components?.schemas?.ErrorBodyDto).toBeDefined();
  });

  it('answers 404 on a resource path, 409 and 422 on a command, 412 where If-Match is read, and marks If-Match optional', () => {
    const document = completeOpenApiDocument(
      documentWith({
        '/v1/things/{id}/close': {
          post: {
            parameters: [
              { in: 'path', name: 'id', required: true },
              { in: 'header', name: 'If-Match', required: true },
            ],
            requestBody: { content: {} },
            responses: { '200': WRITE as never },
          },
        },
      }),
    );
    const operation = document.paths['/v1/things/{id}/close']?.post;
    expect(Object.keys(operation?.responses ?? {}).sort()).toEqual(
      ['200', '400', '404', '409', '412', '413', '422', '429'].sort(),
    );
    expect(operation?.parameters?.[1]).toMatchObject({ name: 'If-Match', required: false });
  });

  it('does not document 409 or 422 for a POST that is not a command (no WriteResult answer)', () => {
    const document = completeOpenApiDocument(
      documentWith({
        '/v1/screen': { post: { requestBody: { content: {} }, responses: { '200': { description: 'ok' } } } },
      }),
    );
    expect(Object.keys(document.paths['/v1/screen']?.post?.responses ?? {})).not.toEqual(
      expect.arrayContaining(['409']),
    );
  });

  it('gives a 4xx an operation declared with a description only the ErrorBody schema, keeping the description', () => {
    const document = completeOpenApiDocument(
      documentWith({
        '/v1/uses': { post: { responses: { '200': WRITE as never, '422': { description: "rule 'out-of-scope'" } } } },
      }),
    );
    expect(document.paths['/v1/uses']?.post?.responses['422']).toEqual({
      description: "rule 'out-of-scope'",
      content: ERROR,
    });
  });
});

describe('operationIdOf', () => {
  it('names an operation without its own id by method and resource, never Controller_method', () => {
    expect(operationIdOf('DenialsController', 'list')).toBe('listDenials');
  });
});
