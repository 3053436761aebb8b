import type { CustomDecorator, ExecutionContext } from '@nestjs/common';
import { applyDecorators, createParamDecorator, SetMetadata } from '@nestjs/common';
import { ApiExtension } from '@nestjs/swagger';
import { unauthenticated } from './auth.errors';
import type { Principal, Role } from './principal';

export const IS_PUBLIC_KEY = 'dul:auth:public';
export const ROLES_KEY = 'dul:auth:roles';

/** The route (or every route of the controller) needs no token: health, docs. */
export const Public = (): CustomDecorator<string> => SetMetadata(IS_PUBLIC_KEY, true);

/**
 * The caller must hold at least one of these roles (403 otherwise). On a handler it replaces the
 * controller's. The OpenAPI document lists them as the operation's `x-roles` (a handler's own win there too).
 */
export const Roles = (...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), ApiExtension('x-roles', roles));

/** The request field the AuthGuard sets. */
export interface AuthenticatedRequest {
  principal?: Principal;
}

/** The principal the AuthGuard attached; throws UNAUTHENTICATED on a route that skipped it (`@Public()`). */
export function principalOf(request: AuthenticatedRequest): Principal {
  if (request.principal === undefined) throw unauthenticated('this route needs an authenticated caller');
  return request.principal;
}

/** Handler parameter: the authenticated Principal. */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal =>
  principalOf(context.switchToHttp().getRequest<AuthenticatedRequest>()),
);
