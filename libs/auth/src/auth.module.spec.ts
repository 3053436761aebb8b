import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ArgumentsHost, ExceptionFilter } from '@nestjs/common';
import { Catch, Controller, Get, HttpStatus } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Public, Roles } from './auth.decorators';
import { AuthError } from './auth.errors';
import { AuthModule, DEV_SIGNING_KEY } from './auth.module';
import type { DevSigningKey } from './dev-keys';
import { mintDevToken } from './dev-keys';
import type { Principal } from './principal';

@Controller()
class ProbeController {
  @Get('health')
  @Public()
  health(): { status: string } {
    return { status: 'ok' };
  }

  @Get('me')
  me(@CurrentPrincipal() principal: Principal): Principal {
    return principal;
  }

  @Get('decisions')
  @Roles('approver')
  decisions(): { allowed: boolean } {
    return { allowed: true };
  }
}

/** What the platform ErrorFilter does with an AuthError: the same JSON shape as every other error. */
@Catch(AuthError)
class AuthErrorFilter implements ExceptionFilter {
  catch(error: AuthError, host: ArgumentsHost): void {
    const body = {
      statusCode: error.status,
      error: HttpStatus[error.status],
      code: error.code,
      message: error.message,
    };
    void host.switchToHttp().getResponse<FastifyReply>().status(error.status).send(body);
  }
}

describe('AuthModule in dev mode', () => {
  let directory: string;
  let app: NestFastifyApplication;
  let key: DevSigningKey;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'dul-auth-module-'));
    const moduleRef = await Test.createTestingModule({
      imports: [AuthModule.forRoot({ mode: 'dev', devKeyPath: join(directory, 'dev-jwt-key.json') })],
      controllers: [ProbeController],
    })
      .setLogger({ log: () => undefined, error: () => undefined, warn: () => undefined })
      .compile();
    app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    app.useGlobalFilters(new AuthErrorFilter());
    await app.init();
    await app.getHttpAdapter().getInstance().ready();
    key = app.get<DevSigningKey>(DEV_SIGNING_KEY);
  });

  afterAll(async () => {
    await app.close();
    await rm(directory, { recursive: true, force: true });
  });

  const get = (url: string, token?: string) =>
    app.inject({ method: 'GET', url, headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('guards every route globally: 401 with the error body when no token is sent', async () => {
    const response = await get('/me');
    expect(response.statusCode).toBe(401);
    expect(response.json()).toEqual({
      statusCode: 401,
      error: 'UNAUTHORIZED',
      code: 'UNAUTHENTICATED',
      message: "missing Authorization header (expected 'Authorization: Bearer <token>')",
    });
  });

  it('serves @Public() routes without a token', async () => {
    expect((await get('/health')).json()).toEqual({ status: 'ok' });
  });

  it('hands the verified principal to @CurrentPrincipal()', async () => {
    const token = await mintDevToken(key, { sub: 'alice', ms: 'EL', roles: ['caseworker'] });
    expect((await get('/me', token)).json()).toEqual({ sub: 'alice', ms: 'GR', roles: ['caseworker'] });
  });

  it('answers 403 when the role is missing and 200 when present', async () => {
    const caseworker = await mintDevToken(key, { sub: 'alice', ms: 'DE', roles: ['caseworker'] });
    const approver = await mintDevToken(key, { sub: 'bob', ms: 'DE', roles: ['approver'] });
    const refused = await get('/decisions', caseworker);
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringMatching(/requires the role approver/),
    });
    expect((await get('/decisions', approver)).json()).toEqual({ allowed: true });
  });
});
