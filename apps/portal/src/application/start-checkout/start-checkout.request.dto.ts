import { IsIn, IsString, MaxLength } from 'class-validator';
import type { PortalPaymentMethod } from '../../domain/access/portal-access.events';

export class PayNowForm {
  /** As typed, in the account's currency ("150.00"): read by `parseAmount`. */
  @IsString() @MaxLength(32) amount!: string;
  @IsIn(['card', 'ach']) method!: PortalPaymentMethod;
}
