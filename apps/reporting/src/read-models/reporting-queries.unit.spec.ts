import { createInMemoryReadModelStore } from '@lib/read-models';
import { reportingQueriesContract } from './reporting-queries.contract-suite';

reportingQueriesContract('the in-memory read-model store', async () => createInMemoryReadModelStore());
