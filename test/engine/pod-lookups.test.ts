/**
 * The lookups every pod rule makes per resource (pods.ts, values.ts): `block` is the first of
 * `blocks`, `podSpec` follows the kind's template path, and the container list of a pod spec is
 * worked out once and shared (frozen: no rule can change what the next one reads).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containers, podSpec } from '../../checks/engine/pods';
import { block, blocks, dig } from '../../checks/engine/values';
import type { Value } from '../../checks/engine/types';
import { resources } from './helpers';

const value: fc.Arbitrary<Value> = fc.letrec<{ v: Value }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom<Value>('s', 1, true, null, { $unresolved: '${var.x}' }),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('k', 'spec', 'x'), tie('v'), { maxKeys: 3 }),
  ),
})).v;

describe('block', () => {
  it('is the first of blocks, whatever the shape', () => {
    fc.assert(
      fc.property(value, fc.constantFrom('k', 'spec', 'x'), (v, key) => {
        expect(block(v, key)).toBe(blocks(v, key)[0]);
      }),
      { numRuns: 500, seed: 18 },
    );
  });
});

describe('podSpec and containers', () => {
  const [deployment, cronJob, configMap] = resources('s', {
    kubernetes_deployment_v1: { d: { spec: [{ template: [{ spec: [{ init_container: [{ name: 'init' }], container: [{ name: 'app' }, { image: 'x' }] }] }] }] } },
    kubernetes_cron_job_v1: { c: { spec: { job_template: { spec: { template: { spec: { container: { name: 'job' } } } } } } } },
    kubernetes_config_map_v1: { m: { spec: { template: { spec: { container: { name: 'not-a-pod' } } } } } },
  }).sort((a, b) => ['deployment', 'cron_job', 'config_map'].indexOf(a.kind) - ['deployment', 'cron_job', 'config_map'].indexOf(b.kind));

  it('follows the template path of the kind, list and block forms alike, and only for pod-template kinds', () => {
    expect(podSpec(deployment)).toBe(dig(deployment.attrs, 'spec', 'template', 'spec'));
    expect(containers(podSpec(cronJob)).map((c) => c.name)).toEqual(['job']);
    expect(podSpec(configMap)).toBeUndefined();
    expect(podSpec({ ...configMap, kind: 'constructor' })).toBeUndefined();
  });

  it('lists init containers first, names unnamed ones by place, and gives the same frozen list for the same spec', () => {
    const spec = podSpec(deployment);
    const list = containers(spec);
    expect(list.map((c) => [c.type, c.name, c.index])).toEqual([['init_container', 'init', 0], ['container', 'app', 0], ['container', 'container[1]', 1]]);
    expect(containers(spec)).toBe(list);
    expect(Object.isFrozen(list) && Object.isFrozen(list[0])).toBe(true);
    expect(containers(podSpec(cronJob))).not.toBe(list);
    expect(containers(undefined)).toEqual([]);
  });
});
