import type { CanActivate, ExecutionContext } from '@nestjs/common';
import { Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { forbidden, unauthenticated } from './auth.errors';
import type { AuthenticatedRequest } from './auth.decorators';
import { IS_PUBLIC_KEY, ROLES_KEY } from './auth.decorators';
import type { JwtVerifier } from './jwt-verifier';
import { bearerToken, JWT_VERIFIER } from './jwt-verifier';
import type { Role } from './principal';
import { hasAnyRole } from './principal';

interface HttpRequest extends AuthenticatedRequest {
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
}

/**
 * Global guard: every HTTP route needs a valid bearer token unless marked `@Public()`; `@Roles(...)`
 * then requires one of the roles. Throws AuthError (401/403), which the global error filter maps.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(JWT_VERIFIER) private readonly verifier: JwtVerifier,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets) === true) return true;
    // Fail closed: other transports carry no Authorization header; their handlers must opt out explicitly.
    if (context.getType() !== 'http') {
      throw unauthenticated('only HTTP requests carry credentials here; mark non-HTTP handlers @Public()');
    }
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const principal = await this.verifier.verify(bearerToken(request.headers.authorization));
    request.principal = principal;

    const required = this.reflector.getAllAndOverride<readonly Role[] | undefined>(ROLES_KEY, targets);
    if (required !== undefined && required.length > 0 && !hasAnyRole(principal, required)) {
      throw forbidden(
        `this action requires the role ${required.join(' or ')}; the token grants ${principal.roles.join(', ')}`,
      );
    }
    return true;
  }
}
