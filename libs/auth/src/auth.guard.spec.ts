import type { ExecutionContext } from '@nestjs/common';
import { Controller, Get } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Public, Roles } from './auth.decorators';
import { AuthError } from './auth.errors';
import { AuthGuard } from './auth.guard';
import type { JwtVerifier } from './jwt-verifier';
import type { Principal } from './principal';

@Controller('licences')
class LicencesController {
  @Get()
  list(): string {
    return 'any authenticated caller';
  }

  @Get('approve')
  @Roles('approver')
  approve(): string {
    return 'approvers only';
  }

  @Get('health')
  @Public()
  health(): string {
    return 'anyone';
  }
}

@Controller('reports')
@Roles('commission', 'auditor')
class ReportsController {
  @Get()
  report(): string {
    return 'commission or auditors';
  }

  @Get('caseworkers')
  @Roles('caseworker')
  caseworkers(): string {
    return 'the handler role replaces the controller role';
  }
}

const alice: Principal = { sub: 'alice', ms: 'DE', roles: ['caseworker'] };

/** Accepts the token 'valid.token.sig' as alice; anything else is refused like a bad signature. */
const verifier: JwtVerifier = {
  verify: async (token) => {
    if (token === 'valid.token.sig') return alice;
    throw new AuthError('UNAUTHENTICATED', 'the token signature is invalid');
  },
};

function httpContext(
  controller: object,
  handler: string,
  headers: Record<string, string> = {},
  type = 'http',
): { context: ExecutionContext; request: { headers: Record<string, string>; principal?: Principal } } {
  const request: { headers: Record<string, string>; principal?: Principal } = { headers };
  const context = {
    getType: () => type,
    getClass: () => controller,
    getHandler: () => (controller as { prototype: Record<string, unknown> }).prototype[handler],
    switchToHttp: () => ({ getRequest: () => request }),
  } as unknown as ExecutionContext;
  return { context, request };
}

async function refusal(guard: AuthGuard, context: ExecutionContext): Promise<AuthError> {
  try {
    await guard.canActivate(context);
  } catch (error) {
    if (error instanceof AuthError) return error;
    throw error;
  }
  throw new Error('expected the guard to refuse');
}

describe('AuthGuard', () => {
  const guard = new AuthGuard(verifier, new Reflector());
  const bearer = { authorization: 'Bearer valid.token.sig' };

  it('answers 401 to a request without a token', async () => {
    const error = await refusal(guard, httpContext(LicencesController, 'list').context);
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', status: 401 });
    expect(error.message).toMatch(/missing Authorization header/);
  });

  it('answers 401 to a token the verifier refuses', async () => {
    const { context } = httpContext(LicencesController, 'list', { authorization: 'Bearer forged.token.sig' });
    expect(await refusal(guard, context)).toMatchObject({ status: 401, message: 'the token signature is invalid' });
  });

  it('lets a verified caller through and attaches the principal to the request', async () => {
    const { context, request } = httpContext(LicencesController, 'list', bearer);
    expect(await guard.canActivate(context)).toBe(true);
    expect(request.principal).toEqual(alice);
  });

  it('answers 403 when the caller lacks the role, naming the role required', async () => {
    const error = await refusal(guard, httpContext(LicencesController, 'approve', bearer).context);
    expect(error).toMatchObject({ code: 'FORBIDDEN', status: 403 });
    expect(error.message).toBe('this action requires the role approver; the token grants caseworker');
  });

  it('applies controller roles, and lets a handler role replace them', async () => {
    expect(await refusal(guard, httpContext(ReportsController, 'report', bearer).context)).toMatchObject({
      status: 403,
      message: expect.stringMatching(/requires the role commission or auditor/),
    });
    expect(await guard.canActivate(httpContext(ReportsController, 'caseworkers', bearer).context)).toBe(true);
  });

  it('skips @Public() routes without looking for a token', async () => {
    const { context, request } = httpContext(LicencesController, 'health');
    expect(await guard.canActivate(context)).toBe(true);
    expect(request.principal).toBeUndefined();
  });

  it('fails closed on non-HTTP handlers that are not @Public()', async () => {
    const error = await refusal(guard, httpContext(LicencesController, 'list', bearer, 'rpc').context);
    expect(error).toMatchObject({ status: 401, message: expect.stringMatching(/mark non-HTTP handlers @Public/) });
  });
});
