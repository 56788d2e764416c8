import { AccountRecalled } from '@lib/contracts';
import { commandOn } from '@lib/integration';
import { NoteForcedRecall } from '../../application/note-forced-recall/note-forced-recall.command';

/** A recall a supervisor forced goes on the approval queue (already decided); an ordinary recall does not. */
export const noteForcedRecall = commandOn(AccountRecalled, (data, context) => {
  const { forced } = data;
  return forced ? new NoteForcedRecall({ ...data, forced }, context) : undefined;
});
