import { describe, expect, it } from 'vitest';
import { INV_001 } from '../../../policies/inv/inv-001-filing-complete';
import { INV_002 } from '../../../policies/inv/inv-002-system-class';
import { INV_003 } from '../../../policies/inv/inv-003-retired-cleaned-up';
import { INV_004 } from '../../../policies/inv/inv-004-replaced-decommissioned';
import { INV_005 } from '../../../policies/inv/inv-005-om-funding-reapproved';
import { INV_006 } from '../../../policies/inv/inv-006-mlps-filing-assessment';
import { INV_007 } from '../../../policies/inv/inv-007-no-shadow-systems';
import { INV_008 } from '../../../policies/inv/inv-008-vertical-corps-level';
import { INV_RULES } from '../../../policies/inv';
import type { InfoSystem } from '../../../checks/core/types';
import { baseEnv, ctxOf, keptSystem, meta, resource } from './support/env';

const deployment = (stack: string, system: string, labels: Record<string, string> = {}) =>
  resource('kubernetes_deployment_v1', stack, meta(system, system, { system, ...labels }));

function envWith(...systems: InfoSystem[]) {
  const env = baseEnv();
  env.inventory.systems.push(...systems);
  return env;
}

describe('INV pack', () => {
  it('passes the base environment, with its own resources deployed', () => {
    const resources = [deployment('corps-primary', 'hrss-si')];
    for (const rule of INV_RULES) expect(rule.check(ctxOf(baseEnv(), { resources })), rule.id).toEqual([]);
  });

  it('INV-001 lists every missing field in one finding, zh and en', () => {
    const bare: InfoSystem = { id: 'bare', department: 'hrss', location: { kind: 'cloud' }, name: '  ', funding: { omCost: 0 }, dataResources: [] };
    const f = INV_001.check(ctxOf(envWith(bare)));
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ doc: 'inventory', path: '/systems/1', system: 'bare' });
    expect(f[0].message.en).toContain('lacks 9 field(s): name (名称), function (功能), usage scope (使用范围), usage frequency (使用频度), approving department (审批部门), approval date (审批时间), funding source (经费来源), builder (建设单位), funding channel (经费渠道)');
    expect(f[0].message.zh).toContain('名称 (name)');
  });

  it('INV-002 reports a missing class', () => {
    const f = INV_002.check(ctxOf(envWith(keptSystem('unclassed', { class: undefined }))));
    expect(f.map((x) => x.path)).toEqual(['/systems/1']);
  });

  it('INV-003 wants cancelled funding, no moves and no resources of a retired system', () => {
    const env = envWith(keptSystem('zombie', { class: 'retire' }));
    env.migration.waves.push({ id: 'w', name: 'w', kind: 'center-move', deadline: '2018-06-30', moves: [{ system: 'zombie', from: { kind: 'department-room' }, to: 'corps-primary' }] });
    const resources = [deployment('corps-primary', 'zombie'), deployment('div-8', 'zombie')];
    const f = INV_003.check(ctxOf(env, { resources }));
    expect(f.map((x) => x.path ?? x.resource?.stack)).toEqual(['/systems/1/funding/omStatus', '/waves/0/moves/0', 'corps-primary', 'div-8']);
    expect(INV_003.check(ctxOf(env, { resources, hasConfiguration: false }))).toHaveLength(2);
    env.inventory.systems[1].funding = { omStatus: 'cancelled' };
    env.migration.waves = [];
    expect(INV_003.check(ctxOf(env, { resources: [deployment('corps-primary', 'hrss-si')] }))).toEqual([]);
  });

  describe('INV-004', () => {
    const replaced = (extra: Partial<InfoSystem>) =>
      keptSystem('old-oa', { class: 'replace', funding: { omStatus: 'cancel-after-replacement' }, replacement: { platform: 'dxt', deadline: '2018-04-30' }, ...extra });

    it('lets the system run until its deadline, not after', () => {
      const env = envWith(replaced({}));
      const resources = [deployment('corps-primary', 'old-oa')];
      expect(INV_004.check(ctxOf(env, { resources, asOf: '2018-04-30' }))).toEqual([]);
      const f = INV_004.check(ctxOf(env, { resources, asOf: '2018-05-01' }));
      expect(f.map((x) => x.path ?? x.resource?.address)).toEqual(['/systems/1/funding/omStatus', resources[0].address]);
    });

    it('needs an existing platform and a deadline', () => {
      const env = envWith(replaced({ replacement: { platform: 'nope' } }), replaced({ id: 'x', replacement: undefined }));
      const f = INV_004.check(ctxOf(env, { asOf: '2017-01-01' }));
      expect(f.map((x) => x.path)).toEqual(['/systems/1/replacement/platform', '/systems/1/replacement', '/systems/2', '/systems/2']);
    });
  });

  it('INV-005 wants reapproved funding with a reference', () => {
    const env = envWith(
      keptSystem('a', { funding: { omStatus: 'active' } }),
      keptSystem('b', { funding: { omStatus: 'reapproved' } }),
      keptSystem('c', { funding: undefined }),
    );
    expect(INV_005.check(ctxOf(env)).map((x) => x.path)).toEqual(['/systems/1/funding/omStatus', '/systems/2/funding', '/systems/3']);
  });

  describe('INV-006', () => {
    it('requires a filing number from level 2', () => {
      const env = envWith(
        keptSystem('l1', { mlps: { level: 1 } }),
        keptSystem('l2', { mlps: { level: 2 } }),
        keptSystem('unfiled', { mlps: undefined }),
      );
      const f = INV_006.check(ctxOf(env, { asOf: '2018-07-01' }));
      // unfiled is judged at the default level 3: no filing number, no assessment.
      expect(f.map((x) => `${x.system} ${x.path}`)).toEqual(['l2 /systems/2/mlps', 'unfiled /systems/3', 'unfiled /systems/3']);
    });

    it('judges assessment age by level as of the check date', () => {
      const env = envWith(keptSystem('l4', { mlps: { level: 4, filingNumber: 'n', lastAssessment: '2018-01-01' } }));
      // hrss-si (level 3) was assessed 2018-01-15; l4 on 2018-01-01.
      expect(INV_006.check(ctxOf(env, { asOf: '2018-07-03' }))).toEqual([]); // l4: 183 days
      expect(INV_006.check(ctxOf(env, { asOf: '2018-07-04' })).map((x) => x.system)).toEqual(['l4']);
      expect(INV_006.check(ctxOf(env, { asOf: '2019-01-15' })).map((x) => x.system)).toEqual(['l4']); // hrss-si: exactly 365 days
      expect(INV_006.check(ctxOf(env, { asOf: '2019-01-16' })).map((x) => x.system)).toEqual(['hrss-si', 'l4']);
      expect(INV_006.check(ctxOf(env, { asOf: '2019-01-16' }))[0].message.en).toContain('366 days');
      const f = INV_006.check(ctxOf(env, { asOf: '2017-12-01' }));
      expect(f.map((x) => x.message.en)).toEqual([expect.stringContaining('after the check date'), expect.stringContaining('after the check date')]);
    });

    it('wants a classified filing for classified systems', () => {
      const env = envWith(keptSystem('secret', { classified: true, mlps: undefined }));
      expect(INV_006.check(ctxOf(env, { asOf: '2018-07-01' })).map((x) => x.message.en)).toEqual([expect.stringContaining('classifiedFiling')]);
    });
  });

  it('INV-007 reports resources of unfiled systems', () => {
    const resources = [deployment('corps-primary', 'hrss-si'), deployment('corps-primary', 'shadow'), resource('kubernetes_namespace_v1', 'corps-primary', meta('x', undefined))];
    const f = INV_007.check(ctxOf(baseEnv(), { resources }));
    expect(f.map((x) => x.system)).toEqual(['shadow']);
    expect(INV_007.check(ctxOf(baseEnv(), { resources, hasConfiguration: false }))).toEqual([]);
  });

  it('INV-008 keeps vertical systems at corps level', () => {
    const env = envWith(keptSystem('vert', { scope: { level: 'corps', vertical: true }, location: { kind: 'cloud', center: 'div-8' } }));
    env.migration.waves.push({ id: 'w', name: 'w', kind: 'center-move', deadline: '2018-06-30', moves: [{ system: 'vert', from: { kind: 'division-room' }, to: 'div-8' }] });
    const resources = [
      deployment('corps-primary', 'vert'),
      deployment('corps-dr-shihezi', 'vert', { role: 'dr' }),
      deployment('div-8', 'vert'),
      deployment('div-8', 'vert', { role: 'dr' }),
      deployment('corps-dr-urumqi', 'vert', { role: 'primary' }),
      deployment('elsewhere', 'vert', { center: 'div-8' }),
      deployment('unknown-stack', 'vert'),
    ];
    const f = INV_008.check(ctxOf(env, { resources }));
    expect(f.map((x) => x.path ?? `${x.resource?.stack}:${x.center}`)).toEqual([
      '/systems/1/location/center',
      '/waves/0/moves/0/to',
      'div-8:div-8',
      'div-8:div-8',
      'corps-dr-urumqi:corps-dr-urumqi',
      'elsewhere:div-8',
    ]);
  });
});
