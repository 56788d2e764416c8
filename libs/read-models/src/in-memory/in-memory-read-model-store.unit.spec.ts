import { readModelStoreContract } from '../contract-suite/read-model-store.contract-suite';
import { createInMemoryReadModelStore } from './in-memory-read-model-store';

readModelStoreContract('in-memory (mingo)', () => createInMemoryReadModelStore());
