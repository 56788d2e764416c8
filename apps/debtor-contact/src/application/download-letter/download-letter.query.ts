import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';

/** One letter's PDF, as `principal` may see it. */
export class DownloadLetter extends Query<Buffer> {
  constructor(
    readonly accountId: string,
    readonly letterId: string,
    readonly principal: Principal,
  ) {
    super();
  }
}
