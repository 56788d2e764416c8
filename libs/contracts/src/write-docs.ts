import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { asyncApiJson, topicMapMarkdown } from './asyncapi';

/**
 * `npm run docs:asyncapi`: writes docs/asyncapi.json and docs/topic-map.md from the
 * contracts. A unit test (published-docs.unit.spec.ts) fails while they are stale.
 */
export function writePublishedLanguageDocs(docsDir: string): string[] {
  const files: Array<[string, string]> = [
    [join(docsDir, 'asyncapi.json'), asyncApiJson()],
    [join(docsDir, 'topic-map.md'), topicMapMarkdown()],
  ];
  for (const [path, text] of files) writeFileSync(path, text);
  return files.map(([path]) => path);
}

if (require.main === module) {
  const docsDir = process.argv[2] ?? join(process.cwd(), 'docs');
  for (const path of writePublishedLanguageDocs(docsDir)) console.log(`wrote ${path}`);
}
