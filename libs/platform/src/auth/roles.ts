import { SetMetadata } from '@nestjs/common';
import type { Principal } from '@lib/es-core';

export const ROLES_KEY = 'allowed-roles';
export type Role = Principal['role'];

/** Every endpoint states who may call it; the guard refuses everyone else. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** Reachable without credentials (health, docs). Stated explicitly, never by omission. */
export const Public = () => SetMetadata(ROLES_KEY, 'public');
