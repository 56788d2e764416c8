import { startDistributed } from './journeys/deployment';
import { describeJourneys } from './journeys/journeys.fixtures';

describe('journeys, distributed (a process per app: PostgreSQL, Kafka, FerretDB)', () => {
  describeJourneys(startDistributed);
});
