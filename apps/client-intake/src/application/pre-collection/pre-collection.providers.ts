import { BookPreCollectionHandler, ConvertToThirdPartyHandler, SendPreCollectionReminderHandler } from './pre-collection.handlers';
import { PreCollectionWork } from './pre-collection.work';

/** The pre-collection service's handlers and its scheduler work (docs/client-intake.md, "Pre-collection"). */
export const preCollectionProviders = [BookPreCollectionHandler, SendPreCollectionReminderHandler, ConvertToThirdPartyHandler, PreCollectionWork];
