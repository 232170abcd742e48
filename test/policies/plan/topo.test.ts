import { describe, expect, it } from 'vitest';
import { TOPO_001 } from '../../../policies/topo/topo-001-three-corps-centers';
import { TOPO_002 } from '../../../policies/topo/topo-002-two-places-three-centers';
import { TOPO_003 } from '../../../policies/topo/topo-003-one-center-per-division';
import { TOPO_004 } from '../../../policies/topo/topo-004-division-dr-via-corps';
import { TOPO_005 } from '../../../policies/topo/topo-005-carrier-grade-availability';
import { TOPO_RULES } from '../../../policies/topo';
import { baseEnv, ctxOf } from './support/env';

describe('TOPO pack', () => {
  it('passes the base environment', () => {
    for (const rule of TOPO_RULES) expect(rule.check(ctxOf(baseEnv())), rule.id).toEqual([]);
  });

  it('TOPO-001 reports a missing DR center and a second primary', () => {
    const env = baseEnv();
    env.topology.centers[2].role = 'corps-primary';
    const findings = TOPO_001.check(ctxOf(env));
    expect(findings).toHaveLength(2);
    expect(findings[0].path).toBe('/centers/2/role'); // the surplus primary
    expect(findings[1].path).toBe('/centers');
    expect(findings[1].message.en).toContain('1 corps DR centers');
  });

  it('TOPO-002 wants one same-city and one off-site DR center', () => {
    const bothLocal = baseEnv();
    bothLocal.topology.centers[2].city = '乌鲁木齐市';
    const f = TOPO_002.check(ctxOf(bothLocal));
    expect(f).toHaveLength(1);
    expect(f[0].message.en).toContain('another city');
    expect(f[0]).toMatchObject({ doc: 'topology', path: '/centers/0/city', center: 'corps-primary' });

    const bothRemote = baseEnv();
    bothRemote.topology.centers[1].city = '阿拉尔市';
    expect(TOPO_002.check(ctxOf(bothRemote)).map((x) => x.message.en)).toEqual([expect.stringContaining('same city')]);
  });

  it('TOPO-002 leaves a missing primary to TOPO-001', () => {
    const env = baseEnv();
    env.topology.centers[0].role = 'corps-dr';
    expect(TOPO_002.check(ctxOf(env))).toEqual([]);
  });

  it('TOPO-003 reports a second center of a division and an unknown division', () => {
    const env = baseEnv();
    const second = { ...env.topology.centers[3], id: 'div-8b' };
    const stray = { ...env.topology.centers[3], id: 'div-99', division: 'div-99' };
    const nameless = { ...env.topology.centers[3], id: 'div-x', division: undefined };
    env.topology.centers.push(second, stray, nameless);
    const f = TOPO_003.check(ctxOf(env));
    expect(f.map((x) => [x.center, x.path])).toEqual([
      ['div-8b', '/centers/4/division'],
      ['div-99', '/centers/5/division'],
      ['div-x', '/centers/6'],
    ]);
  });

  it('TOPO-004 needs a drTarget that is a corps DR center', () => {
    const env = baseEnv();
    const cases: (string | undefined)[] = [undefined, 'corps-primary', 'nowhere'];
    for (const [i, target] of cases.entries()) {
      env.topology.centers.push({ ...env.topology.centers[3], id: `div-t${i}`, drTarget: target });
    }
    const f = TOPO_004.check(ctxOf(env));
    expect(f.map((x) => x.path)).toEqual(['/centers/4', '/centers/5/drTarget', '/centers/6/drTarget']);
    expect(f[1].message.en).toContain('role corps-primary');
    expect(f[2].message.en).toContain('does not exist');
  });

  it('TOPO-005 compares with the configured floor', () => {
    const env = baseEnv();
    env.topology.centers[3].availability = 99.9;
    expect(TOPO_005.check(ctxOf(env)).map((x) => x.path)).toEqual(['/centers/3/availability']);
    env.policy.carrierGradeAvailability = 99.5;
    expect(TOPO_005.check(ctxOf(env))).toEqual([]);
  });
});
