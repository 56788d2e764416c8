import { createInMemoryReadModelStore } from '@lib/read-models';
import { analyticsQueriesContract } from './analytics-queries.contract-suite';

analyticsQueriesContract('the in-memory read-model store', async () => createInMemoryReadModelStore());
