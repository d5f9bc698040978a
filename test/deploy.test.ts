/**
 * The deployment files, checked statically (there is no Docker engine or cluster here):
 * the Dockerfile keeps the rules that matter (hadolint is in neither Debian nor npm), the
 * compose file runs the loader once before two read-only replicas behind the proxy, and
 * every Kubernetes manifest validates against the API's OpenAPI schemas shipped in the
 * kubernetes-models package. (test/neo4j-version.test.ts keeps the Neo4j image equal to
 * the pom's version.)
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DockerfileParser, type JSONInstruction } from 'dockerfile-ast';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
import { PROJECT_ROOT } from '../src/graph.js';

const read = (path: string) => readFileSync(resolve(PROJECT_ROOT, path), 'utf8');

describe('Dockerfile: the rules that matter', () => {
  const dockerfile = DockerfileParser.parse(read('Dockerfile'));
  const instructions = dockerfile.getInstructions();
  const froms = dockerfile.getFROMs();
  const lastStage = instructions.slice(instructions.lastIndexOf(froms.at(-1)!));

  it('pins every base image to a named tag on a current Node LTS line, never latest', () => {
    expect(froms.length).toBeGreaterThan(0);
    for (const from of froms) {
      expect(from.getImageName()).toBe('node');
      const tag = from.getImageTag();
      expect(tag).toMatch(/^(22|24)(\.\d+)*-bookworm-slim$/);
      expect(tag).not.toMatch(/latest/);
    }
  });

  it('runs the final stage as a non-root user', () => {
    const users = lastStage.filter((i) => i.getKeyword() === 'USER').map((i) => i.getArgumentsContent());
    expect(users.length).toBeGreaterThan(0);
    expect(users.at(-1)).not.toMatch(/^(root|0)(:|$)/);
  });

  it('has a HEALTHCHECK on /readyz', () => {
    const checks = lastStage.filter((i) => i.getKeyword() === 'HEALTHCHECK');
    expect(checks).toHaveLength(1);
    expect(checks[0]!.getArgumentsContent()).toContain('/readyz');
  });

  it('installs with npm ci from the lockfile, never npm install', () => {
    const runs = instructions.filter((i) => i.getKeyword() === 'RUN').map((i) => i.getArgumentsContent() ?? '');
    expect(runs.some((r) => /\bnpm ci\b/.test(r))).toBe(true);
    expect(runs.filter((r) => /\bnpm (install|i)\b/.test(r))).toEqual([]);
    expect(runs.filter((r) => /--omit=optional/.test(r))).toEqual([]);
  });

  it('starts node itself in exec form, so SIGTERM reaches the server', () => {
    const cmd = lastStage.filter((i) => i.getKeyword() === 'CMD');
    expect(cmd).toHaveLength(1);
    expect((cmd[0] as JSONInstruction).getJSONStrings().map((s) => JSON.parse(s.getValue()))).toEqual(['node', 'dist/src/main.js']);
  });

  it('runs the compiled server: the build stage builds dist/, the runtime copies it', () => {
    const buildStage = instructions.slice(0, instructions.lastIndexOf(froms.at(-1)!));
    const buildRuns = buildStage.filter((i) => i.getKeyword() === 'RUN').map((i) => i.getArgumentsContent() ?? '');
    expect(buildRuns.some((r) => /\bnpm run build\b(?!:)/.test(r))).toBe(true);
    const text = read('Dockerfile');
    const runtime = text.slice(text.lastIndexOf('\nFROM '));
    expect(runtime).toMatch(/^COPY --from=build \/app\/dist \.\/dist$/m);
    // A dist/ built on the developer's machine never reaches the image.
    expect(read('.dockerignore').split('\n')).toContain('dist');
  });
});

describe('docker-compose.yml: the stateless path', () => {
  const compose = parse(read('docker-compose.yml'), { merge: true }) as { services: Record<string, any> };
  const services = compose.services;
  const apis = Object.keys(services).filter((name) => /^api-\d+$/.test(name));

  it('runs the loader once (npm run load), after Neo4j is healthy', () => {
    expect(services.loader.command).toEqual(['node', 'dist/seed/cli.js']);
    expect(services.loader.restart).toBe('no');
    expect(services.loader.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
  });

  it('runs two or more API replicas that only read, each after the loader finished', () => {
    expect(apis.length).toBeGreaterThanOrEqual(2);
    for (const name of apis) {
      expect(services[name].environment.SEED_ON_START).toBe('false');
      expect(services[name].depends_on.loader).toEqual({ condition: 'service_completed_successfully' });
      expect(services[name].ports).toBeUndefined();
    }
  });

  it('publishes only the proxy, whose upstream lists every replica', () => {
    const published = Object.entries(services).filter(([, s]) => s.ports?.some((p: string) => /:4000:/.test(p)));
    expect(published.map(([name]) => name)).toEqual(['proxy']);
    expect(services.proxy.volumes).toContain('./deploy/nginx/nginx.conf:/etc/nginx/nginx.conf:ro');
    const upstream = /upstream api \{([^}]*)\}/.exec(read('deploy/nginx/nginx.conf'))![1]!;
    expect([...upstream.matchAll(/server (api-\d+):4000/g)].map((m) => m[1]).sort()).toEqual(apis.sort());
    // Prometheus scrapes the replicas; the proxy does not publish /metrics.
    expect(read('deploy/nginx/nginx.conf')).toMatch(/location = \/metrics \{\s*return 404;/);
  });

  it('refuses to start without a password instead of running Neo4j with an empty one', () => {
    expect(services.neo4j.environment.NEO4J_AUTH).toMatch(/^neo4j\/\$\{NEO4J_PASSWORD:\?[^}]+\}$/);
  });
});

/** The model class for a manifest's apiVersion and kind, from kubernetes-models. */
async function modelFor(apiVersion: string, kind: string): Promise<new (data: unknown) => { validate(): void }> {
  const module = (await import(`kubernetes-models/${apiVersion}/${kind}`)) as Record<string, unknown>;
  const model = module[kind] ?? module.default;
  if (typeof model !== 'function') throw new Error(`no model for ${apiVersion} ${kind}`);
  return model as new (data: unknown) => { validate(): void };
}

describe('Kubernetes manifests', () => {
  const dir = resolve(PROJECT_ROOT, 'deploy/k8s');
  const manifests = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((file) => parseAllDocuments(readFileSync(join(dir, file), 'utf8')).map((doc) => ({ file, object: doc.toJS() })));
  const byKind = (kind: string) => manifests.filter((m) => m.object.kind === kind).map((m) => m.object);

  it.each(manifests.map((m) => [`${m.file} ${m.object.kind}`, m.object] as const))('%s validates against the Kubernetes schema', async (_name, object) => {
    const Model = await modelFor(object.apiVersion, object.kind);
    expect(() => new Model(object).validate()).not.toThrow();
  });

  // The Kubernetes schemas allow unknown fields, so a misspelt key passes here; the API
  // server's strict field validation (kubectl's default) rejects it at apply time.
  it('the validator does reject a wrong manifest (a wrong type, a missing required field)', async () => {
    const Model = await modelFor('apps/v1', 'Deployment');
    const deployment = byKind('Deployment')[0];
    expect(() => new Model({ ...deployment, spec: { ...deployment.spec, replicas: 'two' } }).validate()).toThrow();
    const { selector: _selector, ...withoutSelector } = deployment.spec;
    expect(() => new Model({ ...deployment, spec: withoutSelector }).validate()).toThrow();
  });

  it('has the API Deployment, the loader Job and a Service selecting the API pods', () => {
    const [deployment] = byKind('Deployment');
    const [job] = byKind('Job');
    const [service] = byKind('Service');
    expect(deployment.spec.replicas).toBeGreaterThanOrEqual(2);
    expect(job.spec.template.spec.containers[0].command).toEqual(['node', 'dist/seed/cli.js']);
    expect(service.spec.selector).toEqual(deployment.spec.template.metadata.labels);
  });

  it('probes the API on /livez and /readyz, and the API only reads', () => {
    const [api] = byKind('Deployment')[0].spec.template.spec.containers;
    expect(api.livenessProbe.httpGet.path).toBe('/livez');
    expect(api.readinessProbe.httpGet.path).toBe('/readyz');
    expect(api.env).toContainEqual({ name: 'SEED_ON_START', value: 'false' });
    expect(api.resources.requests).toEqual({ cpu: '250m', memory: '384Mi' });
  });

  it('runs every container as non-root, from the same image', () => {
    const pods = [...byKind('Deployment'), ...byKind('Job')].map((w) => w.spec.template.spec);
    for (const pod of pods) expect(pod.securityContext.runAsNonRoot).toBe(true);
    expect(new Set(pods.flatMap((pod) => pod.containers.map((c: { image: string }) => c.image))).size).toBe(1);
  });
});
