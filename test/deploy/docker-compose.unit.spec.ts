/**
 * docker-compose.yml cannot run on the development machines (no Docker engine), so this
 * checks that everything it names exists in the code: apps, ports, variables, images'
 * wiring. A renamed app or variable fails here before it fails in production.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { loadConfig } from '@lib/config';

const root = join(__dirname, '..', '..');
const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, { environment?: Record<string, string>; ports?: string[]; depends_on?: Record<string, { condition: string }>; healthcheck?: unknown; build?: { dockerfile: string } }>;
};
const appNames = readdirSync(join(root, 'apps')).filter((name) => name !== 'all-in-one');
const appServices = Object.entries(compose.services).filter(([, service]) => service.environment?.APP);
// Variables are read by libs/config, and the debtor portal's own by its settings (apps/portal/src/portal.config.ts).
const configSource = ['libs/config/src/config.ts', 'apps/portal/src/portal.config.ts'].map((file) => readFileSync(join(root, file), 'utf8')).join('\n');

describe('docker-compose.yml (production topology)', () => {
  it('runs every app as its own service, and names no app that does not exist', () => {
    expect(appServices.map(([name]) => name).sort()).toEqual([...appNames].sort());
    for (const [name, service] of appServices) {
      expect(service.environment?.APP).toBe(name);
      expect(existsSync(join(root, 'apps', name, 'src', 'main.ts'))).toBe(true);
    }
  });

  it('gives each app the port its own config defaults to, published and checked by its health check', () => {
    for (const [name, service] of appServices) {
      const { port } = loadConfig(name, { ...service.environment, PORT: undefined }, { port: defaultPortOf(name) });
      expect(service.environment?.PORT).toBe(String(port));
      expect(service.ports).toEqual([`${port}:${port}`]);
      expect(service.healthcheck).toBeDefined();
    }
  });

  it('sets only variables the code reads, and they validate as a distributed configuration', () => {
    for (const [name, service] of appServices) {
      const env = service.environment ?? {};
      for (const variable of Object.keys(env)) {
        if (variable === 'APP') continue; // read by deploy/Dockerfile's command
        expect({ variable, read: configSource.includes(`'${variable}'`) }).toEqual({ variable, read: true });
      }
      const config = loadConfig(name, env, { port: 1 });
      expect(config.eventStore.kind).toBe('eventstoredb');
      expect(config.messageBus.kind).toBe('kafka');
      expect(config.readModels.kind).toBe('mongo');
    }
  });

  it('points the apps at the infrastructure services it defines, and waits for them to be healthy', () => {
    const [, anyApp] = appServices[0];
    const env = anyApp.environment ?? {};
    expect(new URL(env.EVENTSTORE_URL).hostname).toBe('eventstore');
    expect(env.KAFKA_BROKERS.split(':')[0]).toBe('kafka');
    expect(new URL(env.MONGO_URL).hostname).toBe('mongodb');
    const reporting = compose.services.reporting.environment ?? {};
    const urls = loadConfig('reporting', reporting, { port: 1 }).serviceUrls;
    for (const [service, url] of Object.entries(urls)) {
      expect({ service, host: new URL(url).host }).toEqual({ service, host: `${service}:${compose.services[service].environment?.PORT}` });
    }
    expect(Object.keys(urls).sort()).toEqual(appNames.filter((name) => name !== 'reporting').sort());
    for (const [, service] of appServices) {
      for (const [dependency, { condition }] of Object.entries(service.depends_on ?? {})) {
        expect(compose.services[dependency]).toBeDefined();
        expect(condition).toBe('service_healthy');
        expect(compose.services[dependency].healthcheck).toBeDefined();
      }
    }
  });

  it('builds from a Dockerfile that starts the compiled app chosen by APP', () => {
    const dockerfile = anyBuild();
    const text = readFileSync(join(root, dockerfile), 'utf8');
    expect(text).toContain('dist/apps/${APP}/src/main.js');
    expect(existsSync(join(root, 'deploy/runtime/register-paths.js'))).toBe(true);
  });
});

function anyBuild(): string {
  const [, service] = appServices[0];
  return service.build?.dockerfile ?? '';
}

function defaultPortOf(app: string): number {
  const source = readFileSync(join(root, 'apps', app, 'src', `${app}.config.ts`), 'utf8');
  const match = /_DEFAULT_PORT = (\d+)/.exec(source);
  if (!match) throw new Error(`no default port in apps/${app}`);
  return Number(match[1]);
}
