/**
 * `__proto__` keys in a Terraform JSON configuration. The normalizer now works in place on the
 * JSON.parse output with ordinary objects (normalize/value.ts), no longer copying into
 * prototype-less ones: JSON.parse makes `__proto__` an own key, never the prototype, and every
 * copy the readers make (variable substitution, dynamic blocks, a normalized copy) keeps it an own
 * key. Such a key is judged like any other key; nothing is polluted.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { loadTfDir } from '../../checks/engine/load-configuration';
import { collectSecrets } from '../../checks/engine/secrets';
import type { Resource } from '../../checks/engine/types';
import { block, blocks, bool, containers, podSpec, str } from '../../policies/sdk';
import { tmpFiles } from '../helpers/tmp-files';

const { dir, write } = tmpFiles('btyun-proto-');

/** A configuration with `__proto__` as a resource type, a resource name, a body key, a block key, a label and an env entry. */
function configuration(image: string): Record<string, unknown> {
  return JSON.parse(`{
    "__proto__": { "polluted": "top" },
    "resource": {
      "__proto__": { "x": { "polluted": "type" } },
      "kubernetes_deployment_v1": {
        "__proto__": { "metadata": { "name": "n" }, "polluted": "name" },
        "web": {
          "__proto__": { "polluted": "body" },
          "metadata": { "name": "web", "namespace": "app", "labels": { "__proto__": "label", "xjbt.gov.cn/system": "sys-a" } },
          "spec": { "template": { "spec": { "container": [ {
            "name": "c",
            "image": ${JSON.stringify(image)},
            "__proto__": { "privileged": true },
            "security_context": { "__proto__": { "privileged": true } },
            "env": [ { "__proto__": { "name": "DB_PASSWORD", "value": "Pr0t0-S3cret" } } ]
          } ] } } }
        }
      }
    }
  }`) as Record<string, unknown>;
}

async function read(folder: string, doc: Record<string, unknown>): Promise<Resource[]> {
  write(`${folder}/main.tf.json`, JSON.stringify(doc, null, 2));
  return (await loadTfDir(`${dir}/${folder}`, dir)).resources;
}

const polluted = (): unknown[] => [({} as Record<string, unknown>).polluted, ({} as Record<string, unknown>).privileged, Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')];

afterEach(() => {
  expect(polluted()).toEqual([undefined, undefined, false]);
});

function expectOwnKeysJudged(rs: readonly Resource[]): void {
  expect(rs.map((r) => r.address).sort()).toEqual(['__proto__.x', 'kubernetes_deployment_v1.__proto__', 'kubernetes_deployment_v1.web']);
  for (const r of rs) expect(Object.getPrototypeOf(r.attrs)).toBe(Object.prototype);
  const web = rs.find((r) => r.name === 'web')!;
  // An own key holding its value, not the prototype of the body.
  expect(Object.keys(web.attrs)).toEqual(['__proto__', 'metadata', 'spec']);
  expect(Object.getOwnPropertyDescriptor(web.attrs, '__proto__')?.value).toEqual({ polluted: 'body' });
  expect((web.attrs as Record<string, unknown>).polluted).toBeUndefined();
  // The container's own `__proto__` block is not its `privileged` field.
  const [container] = containers(podSpec(web)).map((c) => c.container);
  expect(bool(container, 'privileged')).toBeUndefined();
  expect(bool(block(container, 'security_context'), 'privileged')).toBeUndefined();
  expect(blocks(container, '__proto__').map((b) => b.privileged)).toEqual([true]);
  // Labels: a `__proto__` label is not a label (as before); the others are read.
  expect(web.metadata.labels).toEqual({ 'xjbt.gov.cn/system': 'sys-a' });
  expect(web.system).toBe('sys-a');
  expect(str(rs.find((r) => r.type === '__proto__')!.attrs, 'polluted')).toBe('type');
  // A secret under a `__proto__` key is still masked.
  expect(collectSecrets(rs).has('Pr0t0-S3cret')).toBe(true);
}

describe('__proto__ keys in cdk.tf.json', () => {
  it('are own keys judged like any other, read in place from the parse', async () => {
    expectOwnKeysJudged(await read('in-place', configuration('registry.xjbt.gov.cn/web:1')));
  });

  it('stay own keys where variables are substituted (the document is copied)', async () => {
    const doc = { ...configuration('${var.image}'), variable: { image: { default: 'registry.xjbt.gov.cn/web:1' } } };
    const rs = await read('substituted', doc);
    expectOwnKeysJudged(rs);
    const web = rs.find((r) => r.name === 'web')!;
    expect(str(containers(podSpec(web))[0].container, 'image')).toBe('registry.xjbt.gov.cn/web:1');
  });

  it('as the name of a dynamic block, are left unexpanded like any other name', async () => {
    const doc = {
      resource: {
        kubernetes_pod_v1: {
          p: { metadata: { name: 'p' }, spec: { container: { name: 'c', image: 'registry.xjbt.gov.cn/p:1' }, dynamic: JSON.parse('{"__proto__": {"for_each": "${local.volumes}", "content": {"name": "v"}}}') } },
        },
      },
    };
    const [p] = await read('dynamic', doc);
    const spec = block(p.attrs, 'spec')!;
    expect(Object.keys(block(spec, 'dynamic')!)).toEqual(['__proto__']);
  });
});
