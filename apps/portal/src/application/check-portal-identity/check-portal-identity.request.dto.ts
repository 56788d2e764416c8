import { IsIn, IsString, MaxLength } from 'class-validator';
import type { IdentityMethod } from '../../domain/access/portal-access.events';

export class IdentityCheckForm {
  @IsIn(['invoice', 'postcode']) method!: IdentityMethod;
  @IsString() @MaxLength(64) answer!: string;
}

/** Where the browser goes next (303 See Other after a form post). */
export interface PortalRedirect {
  url: string;
  statusCode: 303;
}
