import { Query } from '@nestjs/cqrs';

/** The local checkout stand-in's page (all-in-one only). */
export class ShowLocalCheckout extends Query<string> {
  constructor(
    readonly token: string,
    readonly ip: string,
  ) {
    super();
  }
}
