import { readModelStoreContract } from '../contract/read-model-store.contract';
import { createInMemoryReadModelStore } from './in-memory-read-model-store';

readModelStoreContract('in-memory (mingo)', () => createInMemoryReadModelStore());
