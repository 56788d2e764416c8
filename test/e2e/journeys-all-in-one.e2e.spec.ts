import { startAllInOne } from './journeys/deployment';
import { describeJourneys } from './journeys/journeys.fixtures';

describe('journeys, all-in-one (one process: PGlite, in-process bus, in-memory read models)', () => {
  describeJourneys(startAllInOne);
});
