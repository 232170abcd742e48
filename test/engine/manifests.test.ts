/**
 * `--manifests`: Kubernetes manifests read into the Resource model (checks/engine/read/manifests/).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../checks/core/errors';
import { loadConfiguration } from '../../checks/engine/load-configuration';
import { loadManifests, splitDocuments } from '../../checks/engine/read/manifests/read-manifests';
import { snakeCase, terraformTypeOf } from '../../checks/engine/read/manifests/to-terraform';
import { dig } from '../../checks/engine/values';
import { PACKAGE_ROOT } from '../../checks/core/version';
import { ALL_RULES } from '../../policies';
import { loadMiniEnv } from '../helpers/mini-env';
import { buildRuleContext } from '../helpers/rule-context';
import { tmpFiles } from '../helpers/tmp-files';

const cwd = PACKAGE_ROOT;
const HERE = 'test/engine/manifests';
const tmp = tmpFiles('btyun-manifests-');

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof InputError) return e.problems.map((p) => `${path.basename(p.file)}:${p.line ?? ''} ${p.path ?? ''} ${p.message}`);
    throw e;
  }
  return [];
}

describe('manifest documents', () => {
  it('splits a multi-document stream on --- and ..., drops comment-only documents, keeps helm sources and lines', () => {
    const docs = splitDocuments('---\n# Source: c/templates/a.yaml\na: 1\n---\n# Source: c/templates/empty.yaml\n---\nb: 2\n...\n--- \nc: 3\n');
    expect(docs.map((d) => [d.index, d.firstLine, d.helmSource])).toEqual([[1, 1, 'c/templates/a.yaml'], [3, 6, undefined], [4, 9, undefined]]);
  });

  it('names field and type as the provider does', () => {
    expect(['securityContext', 'hostPID', 'apiGroups', 'allowPrivilegeEscalation', 'readOnlyRootFilesystem'].map(snakeCase))
      .toEqual(['security_context', 'host_pid', 'api_groups', 'allow_privilege_escalation', 'read_only_root_filesystem']);
    expect(terraformTypeOf('Deployment', 'apps/v1')).toBe('kubernetes_deployment_v1');
    expect(terraformTypeOf('DaemonSet', 'apps/v1')).toBe('kubernetes_daemon_set_v1');
    expect(terraformTypeOf('PodDisruptionBudget', 'policy/v1beta1')).toBe('kubernetes_pod_disruption_budget');
  });
});

describe('loadManifests', () => {
  it('reads helm template output: file, line of kind, document index in the address; camelCase → snake_case', () => {
    const { resources } = loadManifests(`${HERE}/helm/rendered.yaml`, cwd);
    expect(resources.map((r) => [r.type, r.address, r.line, r.constructPath])).toEqual([
      ['kubernetes_namespace_v1', 'Namespace/hrss-social-insurance (document 1)', 4, undefined],
      ['kubernetes_deployment_v1', 'Deployment/hrss-social-insurance/web (document 3)', 16, undefined],
    ]);
    const d = resources[1];
    expect(d.stack).toBe('rendered');
    expect(d.level).toBe(4);
    expect(d.system).toBe('hrss-social-insurance');
    const spec = dig(d.attrs, 'spec', 'template', 'spec')!;
    expect(spec.host_pid).toBe(true);
    expect(Object.keys(spec).sort()).toEqual(['container', 'host_pid', 'init_container', 'security_context', 'service_account_name', 'volume']);
    expect(dig(spec, 'volume', 'host_path')?.path).toBe('/etc');
    expect(dig(spec, 'security_context', 'sysctl')?.name).toBe('kernel.msgmax');
    expect(dig(d.attrs, 'spec', 'template', 'metadata')?.labels).toEqual({ app: 'web', appTier: 'front' });
    // `${…}` in a manifest is text, not a Terraform template
    expect(dig(spec, 'container', 'env')?.value).toBe('${NOT_A_TEMPLATE}');
  });

  it('reads a folder: kind List items, JSON, sub-folders; a Service selector stays a map', () => {
    const { resources } = loadManifests(`${HERE}/folder`, cwd);
    expect(resources.map((r) => [r.type, r.address, path.basename(r.file), r.line])).toEqual([
      ['kubernetes_service_v1', 'Service/default/web (document 1 item 1)', 'list.yaml', 5],
      ['kubernetes_pod_disruption_budget', 'PodDisruptionBudget/default/web (document 1 item 2)', 'list.yaml', 16],
      ['kubernetes_cluster_role_binding_v1', 'ClusterRoleBinding/default-view (document 1)', 'binding.json', 1],
    ]);
    expect(dig(resources[0].attrs, 'spec')?.selector).toEqual({ appName: 'web' });
    expect(dig(resources[0].attrs, 'spec', 'port')?.target_port).toBe(8080);
    expect(resources.every((r) => r.stack === 'folder')).toBe(true);
  });

  it('is wired as a configuration source', async () => {
    const loaded = await loadConfiguration({ kind: 'manifests', path: `${HERE}/folder` }, cwd);
    expect(loaded.resources).toHaveLength(3);
  });

  it('refuses what it cannot read, naming file, line, document and path', () => {
    tmp.write('dup.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\napiVersion: v1\nkind: ConfigMap\nkind: Secret\nmetadata: {name: b}\n');
    tmp.write('tag.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: !!js/function x\n');
    tmp.write('proto.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a, __proto__: {x: 1}}\n');
    tmp.write('noname.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {generateName: a-}\n---\n- a\n');
    tmp.write('bomb.yaml', `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [${Array(10).fill('*a').join(', ')}]\nc: &c [${Array(10).fill('*b').join(', ')}]\nd: [${Array(10).fill('*c').join(', ')}]\n`);
    expect(problemsOf(() => loadManifests(path.join(tmp.dir, 'dup.yaml'), cwd))).toEqual(['dup.yaml:7 /kind document 2: duplicate key (map keys must be unique)']);
    expect(problemsOf(() => loadManifests(path.join(tmp.dir, 'tag.yaml'), cwd))[0]).toMatch(/tag\.yaml:3 .*document 1: tag '!!js\/function' is not allowed/);
    expect(problemsOf(() => loadManifests(path.join(tmp.dir, 'proto.yaml'), cwd))[0]).toMatch(/key '__proto__' is not allowed/);
    expect(problemsOf(() => loadManifests(path.join(tmp.dir, 'noname.yaml'), cwd))).toEqual([
      'noname.yaml:2 / document 1: ConfigMap has no metadata.name (generateName is not read: name the object)',
      'noname.yaml:5  document 2: not a Kubernetes object (a map with apiVersion, kind, metadata)',
    ]);
    expect(problemsOf(() => loadManifests(path.join(tmp.dir, 'bomb.yaml'), cwd))[0]).toMatch(/alias/);
  });

  it('refuses a missing path, an empty folder and a file that is not regular or too large', () => {
    fs.mkdirSync(path.join(tmp.dir, 'empty'), { recursive: true });
    expect(problemsOf(() => loadManifests(path.join(tmp.dir, 'nope'), cwd))[0]).toMatch(/no such file or directory/);
    expect(problemsOf(() => loadManifests(path.join(tmp.dir, 'empty'), cwd))[0]).toMatch(/no \.yaml, \.yml or \.json manifests here/);
    if (fs.existsSync('/dev/null')) expect(problemsOf(() => loadManifests('/dev/null', cwd))[0]).toMatch(/not a regular file|character device|special/i);
    tmp.write('big.yaml', `a: "${'x'.repeat(17 * 1024 * 1024)}"\n`);
    expect(problemsOf(() => loadManifests(path.join(tmp.dir, 'big.yaml'), cwd))[0]).toMatch(/too large|limit/);
  });
});

describe('rules judge manifests unchanged', () => {
  it('K8S, NET and MLPS rules: the helm deployment, the internal load balancer, the default-account binding', () => {
    const env = loadMiniEnv();
    const resources = [...loadManifests(`${HERE}/helm/rendered.yaml`, cwd).resources, ...loadManifests(`${HERE}/folder`, cwd).resources];
    const ctx = buildRuleContext(env, resources, '2026-11-24', true);
    const fired = (id: string) => ALL_RULES.find((r) => r.id === id)!.check(ctx).map((f) => f.resource?.address);
    const web = 'Deployment/hrss-social-insurance/web (document 3)';
    expect(fired('K8S-004')).toEqual([web]);
    expect(fired('K8S-028')).toEqual([web]);
    expect(fired('K8S-029')).toEqual([web]);
    expect(fired('K8S-030')).toEqual([web]);
    expect(fired('K8S-031')).toEqual(['ClusterRoleBinding/default-view (document 1)']);
    expect(fired('NET-004')).toEqual([]); // azure-load-balancer-internal: "true"
    expect(fired('K8S-020')).toEqual(['Service/default/web (document 1 item 1)']);
  });
});

describe('manifests: never a crash', () => {
  it('any text is read or refused as bad input (fast-check)', async () => {
    const fc = await import('fast-check');
    let n = 0;
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom('---\n', '...\n', '# Source: a/b.yaml\n', 'kind: List\nitems:\n', '- ', 'apiVersion: v1\n', 'kind: Pod\n', 'metadata: {name: p}\n', '  ', '\n', '${x}', '&a ', '*a', '!!str ', '{', '[', ':'), fc.string({ maxLength: 8 })), { maxLength: 30 }),
        (parts) => {
          const file = tmp.write(`prop/${n++}.yaml`, parts.join(''));
          try {
            const { resources } = loadManifests(file, cwd);
            for (const r of resources) expect(r.address).toMatch(/\(document \d+( item \d+)?\)$/);
          } catch (e) {
            if (!(e instanceof InputError)) throw e;
            for (const p of e.problems) expect(p.message.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 200, seed: 13 },
    );
  });
});
