/**
 * deploy/k8s cannot be applied on the development machines (no cluster, no kubectl), so
 * this renders the production overlay the way `kubectl kustomize` would (resources,
 * namespace, images: the only fields the kustomizations may use, checked below) and checks
 * it against the code: which apps exist, their ports, the variables their config reads and
 * requires, the health and metrics routes, and the memory figures of docs/deployment.md.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';
import { ConfigError, loadConfig } from '@lib/config';

const root = join(__dirname, '..', '..');
const OVERLAY = 'deploy/k8s/overlays/production';
const SECRET_NAME = 'collections-staff-token';
/** Stands for the Secret in the checks; a real one is created in the cluster, never committed. */
const SECRET_STAND_IN = { STAFF_TOKEN_SECRET: 's'.repeat(48) };
/** Read outside libs/config: APP by deploy/Dockerfile's command, NODE_OPTIONS by Node itself. */
const READ_OUTSIDE_CONFIG = ['APP', 'NODE_OPTIONS'];

interface Probe {
  httpGet?: { path: string; port: string | number };
  periodSeconds?: number;
  timeoutSeconds?: number;
  failureThreshold?: number;
}
interface Container {
  name: string;
  image: string;
  ports?: { name?: string; containerPort: number }[];
  env?: { name: string; value?: string; valueFrom?: unknown }[];
  envFrom?: { configMapRef?: { name: string; optional?: boolean }; secretRef?: { name: string; optional?: boolean } }[];
  readinessProbe?: Probe;
  livenessProbe?: Probe;
  startupProbe?: Probe;
  lifecycle?: { preStop?: { exec?: { command: string[] } } };
  resources?: { requests?: { cpu?: string; memory?: string }; limits?: { cpu?: string; memory?: string } };
}
interface Resource {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: {
    replicas?: number;
    selector?: { matchLabels?: Record<string, string> } & Record<string, string>;
    minAvailable?: number;
    ports?: { name?: string; port: number; targetPort?: string | number }[];
    template?: {
      metadata: { labels?: Record<string, string>; annotations?: Record<string, string> };
      spec: { containers: Container[]; terminationGracePeriodSeconds?: number };
    };
  };
  data?: Record<string, string>;
}

const rendered = render(join(root, OVERLAY));
const appNames = readdirSync(join(root, 'apps')).filter((name) => name !== 'all-in-one');
// Variables are read by libs/config, and the debtor portal's own by its settings (apps/portal/src/portal.config.ts).
const configSource = ['libs/config/src/config.ts', 'apps/portal/src/portal.config.ts'].map((file) => readFileSync(join(root, file), 'utf8')).join('\n');
const find = (kind: string, name: string) => rendered.find((r) => r.kind === kind && r.metadata.name === name);
const deployments = rendered.filter((r) => r.kind === 'Deployment');
const configMap = find('ConfigMap', 'collections-config');

describe('deploy/k8s (Kubernetes, production overlay)', () => {
  it('runs every app as its own Deployment with a Service, and names no app that does not exist', () => {
    expect(deployments.map((d) => d.metadata.name).sort()).toEqual([...appNames].sort());
    for (const app of appNames) {
      expect(existsSync(join(root, 'apps', app, 'src', 'main.ts'))).toBe(true);
      const [container] = containersOf(app);
      expect(containersOf(app)).toHaveLength(1);
      expect(envOf(container).APP).toBe(app);
      const service = find('Service', app);
      expect(service?.spec?.selector).toEqual(find('Deployment', app)?.spec?.selector?.matchLabels);
      expect(find('Deployment', app)?.spec?.template?.metadata.labels).toMatchObject(service?.spec?.selector ?? { missing: 'selector' });
    }
  });

  it('runs the image the overlay names, at least two replicas each, and keeps one up through a voluntary disruption', () => {
    for (const app of appNames) {
      const deployment = find('Deployment', app)!;
      expect({ app, image: containersOf(app)[0].image }).toEqual({ app, image: 'registry.example.com/collections-backend:0.1.0' });
      expect(deployment.spec?.replicas).toBeGreaterThanOrEqual(2);
      const budget = find('PodDisruptionBudget', app);
      expect(budget?.spec?.minAvailable).toBe(1);
      expect(budget?.spec?.selector?.matchLabels).toEqual(deployment.spec?.selector?.matchLabels);
    }
    expect(rendered.every((r) => r.kind === 'Namespace' || r.metadata.namespace === 'collections')).toBe(true);
  });

  it("listens on the port the app's own config defaults to, and its Service sends traffic there", () => {
    for (const app of appNames) {
      const [container] = containersOf(app);
      const port = defaultPortOf(app);
      expect({ app, ports: container.ports }).toEqual({ app, ports: [{ name: 'http', containerPort: port }] });
      expect(envOf(container).PORT).toBe(String(port));
      expect(find('Service', app)?.spec?.ports).toEqual([{ name: 'http', port, targetPort: 'http' }]);
    }
  });

  it('provides every variable the config requires, from the ConfigMap and the Secret, and sets only variables the code reads', () => {
    expect(configMap?.data).toBeDefined();
    for (const app of appNames) {
      const [container] = containersOf(app);
      expect(container.envFrom).toEqual([{ configMapRef: { name: 'collections-config' } }, { secretRef: { name: SECRET_NAME } }]);
      const env = { ...configMap!.data, ...envOf(container) };
      for (const variable of Object.keys(env)) {
        if (READ_OUTSIDE_CONFIG.includes(variable)) continue;
        expect({ variable, read: configSource.includes(`'${variable}'`) }).toEqual({ variable, read: true });
      }
      const config = loadConfig(app, { ...env, ...SECRET_STAND_IN }, { port: defaultPortOf(app) });
      expect(config).toMatchObject({ port: defaultPortOf(app), host: '0.0.0.0', staffTokens: { kind: 'secret' } });
      expect(config.eventStore.kind).toBe('eventstoredb');
      expect(config.messageBus.kind).toBe('kafka');
      expect(config.readModels.kind).toBe('mongo');
      // Without the Secret the process refuses to start: the Secret is what lets it run.
      expect(() => loadConfig(app, env, { port: defaultPortOf(app) })).toThrow(ConfigError);
    }
  });

  it('takes the staff token key from a Secret it requires, and no manifest carries one', () => {
    expect(rendered.filter((r) => r.kind === 'Secret')).toEqual([]);
    for (const resource of rendered) {
      const text = JSON.stringify(resource);
      expect({ resource: resource.metadata.name, literal: /"(?:\w+_)?STAFF_TOKEN_(?:SECRET|JWKS_URL|PUBLIC_KEY)"\s*:/.test(text) }).toEqual({ resource: resource.metadata.name, literal: false });
    }
    for (const app of appNames) {
      const [container] = containersOf(app);
      expect(container.env?.some((variable) => variable.name.includes('STAFF_TOKEN'))).toBe(false);
      expect(container.envFrom?.find((source) => source.secretRef)?.secretRef).toEqual({ name: SECRET_NAME });
    }
  });

  it('probes readiness on /health/ready and liveness on /health/live, routes the code serves to anyone', () => {
    const health = readFileSync(join(root, 'libs/platform/src/health.controller.ts'), 'utf8');
    expect(health).toContain("@Controller('health')");
    expect(health).toMatch(/@Get\('live'\)\s*@Public\(\)/);
    expect(health).toMatch(/@Get\('ready'\)\s*@Public\(\)/);
    const checkTimeoutMs = Number(/timeoutMs \?\? ([\d_]+)/.exec(readFileSync(join(root, 'libs/platform/src/observability/health.ts'), 'utf8'))?.[1].replace(/_/g, ''));
    expect(checkTimeoutMs).toBeGreaterThan(0);
    for (const app of appNames) {
      const [container] = containersOf(app);
      expect({ app, ready: container.readinessProbe?.httpGet }).toEqual({ app, ready: { path: '/health/ready', port: 'http' } });
      expect({ app, live: container.livenessProbe?.httpGet }).toEqual({ app, live: { path: '/health/live', port: 'http' } });
      expect({ app, startup: container.startupProbe?.httpGet }).toEqual({ app, startup: { path: '/health/live', port: 'http' } });
      // A dependency may take its whole check timeout before /health/ready answers 503.
      expect(container.readinessProbe!.timeoutSeconds! * 1000).toBeGreaterThan(checkTimeoutMs);
      // The startup probe covers the slowest start measured (docs/deployment.md), with room.
      expect(container.startupProbe!.periodSeconds! * container.startupProbe!.failureThreshold!).toBeGreaterThanOrEqual(2 * measured().slowestReadySeconds);
    }
  });

  it('asks Prometheus to scrape /metrics on the app port, a route the code serves to anyone', () => {
    const observability = readFileSync(join(root, 'libs/platform/src/observability/observability.module.ts'), 'utf8');
    expect(observability).toMatch(/@Controller\('metrics'\)[\s\S]*?@Get\(\)\s*@Public\(\)/);
    for (const app of appNames) {
      expect(find('Deployment', app)?.spec?.template?.metadata.annotations).toEqual({
        'prometheus.io/scrape': 'true',
        'prometheus.io/port': String(defaultPortOf(app)),
        'prometheus.io/path': '/metrics',
      });
    }
  });

  it('gives SIGTERM time to finish in-flight work after the endpoint is withdrawn', () => {
    expect(readFileSync(join(root, 'libs/platform/src/http-app.ts'), 'utf8')).toMatch(/process\.on\('SIGTERM'/);
    for (const app of appNames) {
      const deployment = find('Deployment', app)!;
      const [container] = containersOf(app);
      const [command, seconds] = container.lifecycle?.preStop?.exec?.command ?? [];
      expect(command).toBe('sleep');
      const grace = deployment.spec!.template!.spec.terminationGracePeriodSeconds!;
      expect(grace - Number(seconds)).toBeGreaterThanOrEqual(30);
    }
  });

  it('requests the memory measured under load with headroom, and limits it above that (docs/deployment.md)', () => {
    const { peaks } = measured();
    expect(Object.keys(peaks).sort()).toEqual([...appNames].sort());
    for (const app of appNames) {
      const { requests, limits } = containersOf(app)[0].resources ?? {};
      expect(requests?.cpu).toBeDefined();
      const [request, limit] = [mebibytes(requests?.memory), mebibytes(limits?.memory)];
      expect({ app, requestCoversPeak: request >= peaks[app] * 1.2 }).toEqual({ app, requestCoversPeak: true });
      expect({ app, limitAboveRequest: limit >= request * 1.5 }).toEqual({ app, limitAboveRequest: true });
      // V8's heap must hit its own ceiling (a clean out-of-memory error) before the kernel's OOM kill.
      expect(maxOldSpaceOf(configMap!.data!.NODE_OPTIONS)).toBeLessThan(limit - peaks[app] / 2);
    }
  });

  it('runs Kafka, KurrentDB and MongoDB as StatefulSets with storage, on the images docker-compose.yml runs, where the config points', () => {
    const compose = parse(readFileSync(join(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, { image?: string; environment?: Record<string, string> }> };
    const data = configMap!.data!;
    const hosts = {
      kafka: data.KAFKA_BROKERS.split(',')[0],
      eventstore: new URL(data.EVENTSTORE_URL).host,
      mongodb: new URL(data.MONGO_URL).host,
    };
    for (const [name, host] of Object.entries(hosts)) {
      const set = find('StatefulSet', name) as (Resource & { spec: { volumeClaimTemplates?: unknown[]; serviceName?: string } }) | undefined;
      expect(set?.spec.serviceName).toBe(name);
      expect(set?.spec.volumeClaimTemplates).toHaveLength(1);
      const [container] = set!.spec.template!.spec.containers;
      expect({ name, image: container.image }).toEqual({ name, image: compose.services[name].image });
      expect(container.readinessProbe).toBeDefined();
      expect(mebibytes(container.resources?.limits?.memory)).toBeGreaterThanOrEqual(mebibytes(container.resources?.requests?.memory));
      const [serviceName, port] = host.split(':');
      expect(serviceName).toBe(name);
      expect(find('Service', name)?.spec?.ports?.map((p) => p.port)).toContain(Number(port));
    }
    // Same settings as the compose topology, but the secret (compose interpolates it, here a Secret).
    const { APP: _app, PORT: _port, STAFF_TOKEN_SECRET: _secret, ...composeEnv } = compose.services['client-intake'].environment ?? {};
    const { NODE_OPTIONS: _heap, ...shared } = data;
    expect(shared).toEqual(composeEnv);
  });

  it('points reporting at every other service by its Service name and port', () => {
    const env = envOf(containersOf('reporting')[0]);
    const urls = loadConfig('reporting', { ...configMap!.data, ...env, ...SECRET_STAND_IN }, { port: 1 }).serviceUrls;
    expect(Object.keys(urls).sort()).toEqual(appNames.filter((name) => name !== 'reporting').sort());
    for (const [service, url] of Object.entries(urls)) {
      expect({ service, host: new URL(url).host }).toEqual({ service, host: `${service}:${find('Service', service)?.spec?.ports?.[0].port}` });
    }
  });
});

/** The subset of Kustomize this layout uses: resources (files and folders), namespace, images. */
function render(folder: string): Resource[] {
  const kustomization = parse(readFileSync(join(folder, 'kustomization.yaml'), 'utf8')) as {
    resources?: string[];
    namespace?: string;
    images?: { name: string; newName?: string; newTag?: string }[];
  };
  const unknown = Object.keys(kustomization).filter((key) => !['apiVersion', 'kind', 'resources', 'namespace', 'images'].includes(key));
  if (unknown.length > 0) throw new Error(`${folder}/kustomization.yaml uses ${unknown.join(', ')}, which this test does not render`);
  const resources = (kustomization.resources ?? []).flatMap((entry) => {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) return render(path);
    return parseAllDocuments(readFileSync(path, 'utf8')).map((document) => {
      if (document.errors.length > 0) throw new Error(`${path}: ${document.errors[0].message}`);
      return document.toJS() as Resource;
    });
  });
  for (const resource of resources) {
    if (kustomization.namespace && resource.kind !== 'Namespace') resource.metadata.namespace = kustomization.namespace;
    for (const container of resource.spec?.template?.spec.containers ?? []) {
      const [name, tag] = container.image.split(/:(?=[^/]+$)/);
      const override = kustomization.images?.find((image) => image.name === name);
      if (override) container.image = `${override.newName ?? name}:${override.newTag ?? tag ?? 'latest'}`;
    }
  }
  return resources;
}

function containersOf(app: string): Container[] {
  return find('Deployment', app)?.spec?.template?.spec.containers ?? [];
}

function envOf(container: Container): Record<string, string> {
  return Object.fromEntries((container.env ?? []).map((variable) => [variable.name, variable.value ?? '']));
}

function defaultPortOf(app: string): number {
  const source = readFileSync(join(root, 'apps', app, 'src', `${app}.config.ts`), 'utf8');
  const match = /_DEFAULT_PORT = (\d+)/.exec(source);
  if (!match) throw new Error(`no default port in apps/${app}`);
  return Number(match[1]);
}

function mebibytes(quantity: string | undefined): number {
  const match = /^(\d+)(Mi|Gi)$/.exec(quantity ?? '');
  if (!match) throw new Error(`memory quantity "${quantity}" is not in Mi or Gi`);
  return Number(match[1]) * (match[2] === 'Gi' ? 1024 : 1);
}

function maxOldSpaceOf(nodeOptions: string | undefined): number {
  const match = /--max-old-space-size=(\d+)/.exec(nodeOptions ?? '');
  if (!match) throw new Error('NODE_OPTIONS sets no --max-old-space-size');
  return Number(match[1]);
}

/**
 * The figures docs/deployment.md reports: its measurement table has one row per service,
 * `| service | ready after (s) | idle RSS (MiB) | peak RSS under load (MiB) | ... |`.
 */
function measured(): { peaks: Record<string, number>; slowestReadySeconds: number } {
  const doc = readFileSync(join(root, 'docs/deployment.md'), 'utf8');
  const rows = [...doc.matchAll(/^\| `([a-z-]+)` \| ([\d.]+) \| (\d+) \| (\d+) \|/gm)];
  return {
    peaks: Object.fromEntries(rows.map((row) => [row[1], Number(row[4])])),
    slowestReadySeconds: Math.max(...rows.map((row) => Number(row[2]))),
  };
}
