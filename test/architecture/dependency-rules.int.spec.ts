/**
 * The architecture rules run on the real tree, and on a planted violation to prove they
 * would catch one: a domain file importing NestJS and reading the clock, and a decider and
 * its decide file importing each other.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);

function run(command: string, args: string[], cwd: string): { code: number; output: string } {
  try {
    const output = execFileSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    return { code: 0, output };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { code: failed.status, output: `${failed.stdout}${failed.stderr}` };
  }
}

describe('architecture rules', () => {
  it('find no violation in the project', () => {
    const result = run(bin('depcruise'), ['apps', 'libs', '--config', '.dependency-cruiser.js'], root);
    expect(result.output).toContain('no dependency violations found');
    expect(result.code).toBe(0);
  });

  it('find no lint error in the project (ESLint, including the domain clock rule)', () => {
    const result = run(bin('eslint'), ['.'], root);
    expect(result.output).toBe('');
    expect(result.code).toBe(0);
  });

  describe('on a planted violation', () => {
    let sandbox: string;
    beforeAll(() => {
      sandbox = mkdtempSync(join(tmpdir(), 'planted-'));
      symlinkSync(join(root, 'node_modules'), join(sandbox, 'node_modules'));
      for (const file of ['tsconfig.json', '.dependency-cruiser.js', 'eslint.config.mjs']) {
        symlinkSync(join(root, file), join(sandbox, file));
      }
      mkdirSync(join(sandbox, 'apps/planted/src/domain'), { recursive: true });
      writeFileSync(
        join(sandbox, 'apps/planted/src/domain/planted.decide.ts'),
        "import { Injectable } from '@nestjs/common';\nexport const framework = Injectable;\nexport const readsClock = (): number => Date.now();\n",
      );
      writeFileSync(join(sandbox, 'apps/planted/src/domain/planted.decider.ts'), "import { decidePlanted } from './planted-circle.decide';\nexport type PlantedState = { status: 'none' };\nexport const plantedDecider = { decide: decidePlanted };\n");
      writeFileSync(join(sandbox, 'apps/planted/src/domain/planted-circle.decide.ts'), "import type { PlantedState } from './planted.decider';\nexport const decidePlanted = (state: PlantedState): unknown[] => (state.status === 'none' ? [] : []);\n");
    });
    afterAll(() => rmSync(sandbox, { recursive: true, force: true }));

    it('the dependency rule fails when a domain file imports the framework', () => {
      const result = run(bin('depcruise'), ['apps', '--config', '.dependency-cruiser.js'], sandbox);
      expect(result.code).not.toBe(0);
      expect(result.output).toContain('domain-is-framework-free');
    });

    it('the dependency rule fails on an import circle, a type-only one included', () => {
      const result = run(bin('depcruise'), ['apps', '--config', '.dependency-cruiser.js'], sandbox);
      expect(result.code).not.toBe(0);
      expect(result.output).toContain('no-circular');
      expect(result.output).toContain('planted-circle.decide.ts');
    });

    it('the lint rule fails when a domain file reads the clock', () => {
      const result = run(bin('eslint'), ['apps'], sandbox);
      expect(result.code).not.toBe(0);
      expect(result.output).toContain('The domain does not read the clock');
    });
  });
});
