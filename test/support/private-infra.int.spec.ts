import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PrivateKafka } from './private-infra';

describe('private Kafka storage', () => {
  // A random cluster id starts with '-' one time in 64; CI once failed on exactly that.
  it("formats with a cluster id that starts with '-', which the tool's parser would take for an option", async () => {
    const kafka = await PrivateKafka.create('-8UcEMStLkldfxfUojC_Yw');
    try {
      expect(readFileSync(join(kafka.dir, 'data', 'meta.properties'), 'utf8')).toContain('cluster.id=-8UcEMStLkldfxfUojC_Yw');
    } finally {
      await kafka.remove();
    }
  });
});
