import { Query } from '@nestjs/cqrs';
import type { Principal } from '@lib/es-core';
import type { LetterView } from './letter.view';

/** The letters of an account's case, as `principal` may see them. */
export class ListLetters extends Query<LetterView[]> {
  constructor(
    readonly accountId: string,
    readonly principal: Principal,
  ) {
    super();
  }
}
