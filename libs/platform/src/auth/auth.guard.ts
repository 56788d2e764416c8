import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  Inject,
  Injectable,
  Optional,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Clock, systemClock } from '@lib/clock';
import type { StaffTokenConfig } from '@lib/config';
import type { Principal } from '@lib/es-core';
import { Role, ROLES_KEY } from './roles';
import { createStaffTokenVerifier, StaffTokenKeysUnavailable, StaffTokenVerifier } from './staff-token';

export const AUTH_SETTINGS = Symbol('AUTH_SETTINGS');
export const CLIENT_KEY_VERIFIER = Symbol('CLIENT_KEY_VERIFIER');
export const ATTORNEY_KEY_VERIFIER = Symbol('ATTORNEY_KEY_VERIFIER');

/** API keys of panel attorneys start with this; every other key is a client's. */
export const ATTORNEY_KEY_PREFIX = 'ak_';

export interface AuthSettings {
  /** Where staff tokens' keys come from; the all-in-one demo passes `DEMO_STAFF_TOKENS`. */
  staffTokens: StaffTokenConfig;
  /**
   * Judges staff tokens' expiry. Default: the system clock, also when the business clock
   * is a test clock: credentials expire in real time, whatever day a test pretends it is.
   */
  wallClock?: Clock;
}

/** Resolves a client API key to the one client it belongs to, or null. */
export interface ClientKeyVerifier {
  clientOf(apiKey: string): Promise<string | null>;
}

/** Resolves a panel attorney's API key (`ak_…`) to the attorney it belongs to, or null. */
export interface AttorneyKeyVerifier {
  attorneyOf(apiKey: string): Promise<string | null>;
}

export interface AuthenticatedRequest {
  principal?: Principal;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Global guard. Fails closed: an endpoint that states no roles is refused to everyone,
 * so forgetting `@Roles` cannot open an endpoint. Clients authenticate with `x-api-key`,
 * panel attorneys with an `x-api-key` of their own (`ak_…`), staff with a bearer token.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly staffTokens: StaffTokenVerifier;

  constructor(
    private readonly reflector: Reflector,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
    @Optional() @Inject(CLIENT_KEY_VERIFIER) private readonly clientKeys?: ClientKeyVerifier,
    @Optional() @Inject(ATTORNEY_KEY_VERIFIER) private readonly attorneyKeys?: AttorneyKeyVerifier,
  ) {
    this.staffTokens = createStaffTokenVerifier(settings.staffTokens);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const allowed = this.reflector.getAllAndOverride<Role[] | 'public' | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (allowed === 'public') return true;
    if (!allowed) throw new ForbiddenException('this endpoint states no roles');
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticate(request);
    if (!principal) throw new UnauthorizedException('missing or invalid credentials');
    if (!allowed.includes(principal.role)) throw new ForbiddenException(`role ${principal.role} may not call this endpoint`);
    request.principal = principal;
    return true;
  }

  private async authenticate(request: AuthenticatedRequest): Promise<Principal | null> {
    const apiKey = header(request, 'x-api-key');
    if (apiKey?.startsWith(ATTORNEY_KEY_PREFIX)) {
      const attorneyId = this.attorneyKeys ? await this.attorneyKeys.attorneyOf(apiKey) : null;
      return attorneyId ? { role: 'attorney', id: attorneyId } : null;
    }
    if (apiKey) {
      const clientId = this.clientKeys ? await this.clientKeys.clientOf(apiKey) : null;
      return clientId ? { role: 'client', id: clientId } : null;
    }
    const authorization = header(request, 'authorization');
    if (authorization?.startsWith('Bearer ')) {
      try {
        return await this.staffTokens.verify(authorization.slice(7), (this.settings.wallClock ?? systemClock).now());
      } catch (error) {
        if (error instanceof StaffTokenKeysUnavailable) throw new ServiceUnavailableException('staff tokens cannot be checked right now: the identity provider did not answer');
        throw error;
      }
    }
    return null;
  }
}

function header(request: AuthenticatedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}
