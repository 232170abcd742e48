import { describe, expect, it } from 'vitest';
import { NET_001 } from '../../../policies/net/net-001-private-networks-merged';
import { NET_002 } from '../../../policies/net/net-002-classified-on-intranet';
import { NET_003 } from '../../../policies/net/net-003-intranet-isolated';
import { NET_004 } from '../../../policies/net/net-004-internet-exposure';
import { NET_005 } from '../../../policies/net/net-005-zone-flows';
import { NET_006 } from '../../../policies/net/net-006-platform-connection';
import { NET_RULES } from '../../../policies/net';
import { baseEnv, ctxOf, keptSystem, meta, resource } from './support/env';

const ns = (name: string, zone?: string, stack = 'corps-primary') =>
  resource('kubernetes_namespace_v1', stack, meta(name, undefined, zone ? { zone } : {}));

describe('NET pack', () => {
  it('passes the base environment, with and without a configuration', () => {
    for (const rule of NET_RULES) {
      expect(rule.check(ctxOf(baseEnv())), rule.id).toEqual([]);
      expect(rule.check(ctxOf(baseEnv(), { resources: [ns('hrss-si', 'extranet-dedicated')] })), rule.id).toEqual([]);
    }
  });

  describe('NET-001', () => {
    it('tolerates an active network until the deadline, not after', () => {
      const env = baseEnv();
      env.networks.privateNetworks.push({ id: 'edu-net', name: '教育专网', department: 'edu', status: 'active' });
      expect(NET_001.check(ctxOf(env, { asOf: '2017-12-31' }))).toEqual([]);
      const f = NET_001.check(ctxOf(env, { asOf: '2018-01-01' }));
      expect(f).toHaveLength(1);
      expect(f[0]).toMatchObject({ doc: 'networks', path: '/privateNetworks/1/status' });
      expect(f[0].message.en).toContain('past the merge deadline 2017-12-31');
    });

    it('reports a late merge and an incomplete exemption', () => {
      const env = baseEnv();
      env.networks.privateNetworks[0].mergedOn = '2018-02-01';
      env.networks.privateNetworks.push({
        id: 'police-net', name: '公安专网', department: 'police', status: 'exempt',
        exemption: { approvedBy: 'central-ministry', authority: '公安部', reference: ' ', date: '2017-10-20' },
      });
      const f = NET_001.check(ctxOf(env, { asOf: '2017-06-01' }));
      expect(f.map((x) => x.path)).toEqual(['/privateNetworks/0/mergedOn', '/privateNetworks/1/exemption']);
      expect(f[1].message.en).toContain('missing: reference');
    });

    it('accepts a complete exemption', () => {
      const env = baseEnv();
      env.networks.privateNetworks[0] = {
        id: 'police-net', name: '公安专网', department: 'police', status: 'exempt',
        exemption: { approvedBy: 'leading-group', authority: '兵团电子政务工作领导小组', reference: '兵电政〔2017〕2号', date: '2017-10-20' },
      };
      expect(NET_001.check(ctxOf(env, { asOf: '2019-01-01' }))).toEqual([]);
    });
  });

  describe('NET-002', () => {
    it('reports a classified system on the cloud, its moves and its resources', () => {
      const env = baseEnv();
      env.inventory.systems.push(keptSystem('jiyao-docs', { classified: true, zone: 'extranet-dedicated' }));
      env.migration.waves.push({ id: 'w1', name: 'w1', kind: 'center-move', deadline: '2018-06-30', moves: [{ system: 'jiyao-docs', from: { kind: 'department-room' }, to: 'corps-primary' }] });
      const deployed = resource('kubernetes_deployment_v1', 'corps-primary', meta('docs', 'jiyao-docs', { system: 'jiyao-docs' }));
      const f = NET_002.check(ctxOf(env, { resources: [deployed] }));
      expect(f.map((x) => x.path ?? x.resource?.address)).toEqual([
        '/systems/1/location/kind',
        '/systems/1/zone',
        '/waves/0/moves/0/to',
        deployed.address,
      ]);
      expect(f.every((x) => x.system === 'jiyao-docs')).toBe(true);
      // Without a configuration only the model part speaks.
      expect(NET_002.check(ctxOf(env, { resources: [deployed], hasConfiguration: false }))).toHaveLength(3);
    });

    it('accepts a classified system on the intranet', () => {
      const env = baseEnv();
      env.inventory.systems.push(keptSystem('jiyao-docs', { classified: true, zone: 'intranet', location: { kind: 'intranet' } }));
      expect(NET_002.check(ctxOf(env, { resources: [] }))).toEqual([]);
    });
  });

  it('NET-003 reports non-gap links between the intranet and the extranet or Internet', () => {
    const env = baseEnv();
    env.networks.privateNetworks.push({ id: 'gov-net', name: 'x', department: 'x', status: 'merged', mergedInto: 'extranet', mergedOn: '2017-10-01' });
    env.networks.links.push(
      { id: 'bad-1', from: 'internet', to: 'intranet', kind: 'gateway' },
      { id: 'bad-2', from: 'intranet', to: 'private:gov-net', kind: 'logical' },
      { id: 'ok-1', from: 'extranet', to: 'internet', kind: 'gateway' },
      { id: 'ok-2', from: 'intranet', to: 'private:unknown', kind: 'physical' },
    );
    const f = NET_003.check(ctxOf(env));
    expect(f.map((x) => x.path)).toEqual(['/links/1/kind', '/links/2/kind']);
    expect(f[0].message.en).toContain('with the internet');
  });

  describe('NET-004', () => {
    const lb = (namespace: string, labels: Record<string, string> = {}) =>
      resource('kubernetes_service_v1', 'corps-primary', { ...meta('svc', namespace, labels), spec: [{ type: 'LoadBalancer' }] });

    it('judges exposure by the resource zone, else the namespace zone', () => {
      const resources = [
        ns('zone-extranet-internet-access', 'extranet-internet-access'),
        ns('hrss-si', 'extranet-dedicated'),
        lb('zone-extranet-internet-access'),
        lb('hrss-si'),
        lb('hrss-si', { zone: 'extranet-internet-access' }),
        resource('kubernetes_service', 'corps-primary', { ...meta('np', 'hrss-si'), spec: { type: 'NodePort' } }),
        resource('kubernetes_service', 'corps-primary', { ...meta('cip', 'hrss-si'), spec: { type: 'ClusterIP' } }),
        resource('kubernetes_ingress_v1', 'corps-primary', meta('ing', 'nowhere')),
        resource('kubernetes_network_policy_v1', 'corps-primary', {
          ...meta('open', 'hrss-si'),
          spec: { ingress: [{ from: [{ ip_block: { cidr: '::/0' } }] }] },
        }),
        resource('kubernetes_network_policy_v1', 'corps-primary', {
          ...meta('narrow', 'hrss-si'),
          spec: { ingress: [{ from: [{ ip_block: { cidr: '10.0.0.0/8' } }] }] },
        }),
      ];
      const f = NET_004.check(ctxOf(baseEnv(), { resources }));
      expect(f.map((x) => x.resource?.metadata.name)).toEqual(['svc', 'np', 'ing', 'open']);
      expect(f[2].message.en).toContain('has no zone label');
      expect(NET_004.check(ctxOf(baseEnv(), { resources, hasConfiguration: false }))).toEqual([]);
    });
  });

  describe('NET-005', () => {
    const policy = (namespace: string, spec: Record<string, unknown>) =>
      resource('kubernetes_network_policy_v1', 'corps-primary', { ...meta(`np-${namespace}`, namespace), spec });
    const zoneSel = (zone: string) => ({ namespace_selector: { match_labels: { 'xjbt.gov.cn/zone': zone } } });
    const base = [ns('zone-extranet-internet-access', 'extranet-internet-access'), ns('platform-gateway', 'platform'), ns('hrss-si', 'extranet-dedicated')];

    it('admits listed flows with their ports', () => {
      const resources = [
        ...base,
        policy('platform-gateway', { ingress: { from: zoneSel('extranet-internet-access'), ports: { port: '443' } } }),
        policy('hrss-si', { ingress: { from: [zoneSel('platform'), { pod_selector: {} }] } }),
        policy('zone-extranet-internet-access', { egress: { to: zoneSel('platform'), ports: [{ port: 443 }] } }),
      ];
      expect(NET_005.check(ctxOf(baseEnv(), { resources }))).toEqual([]);
    });

    it('refuses internet-access → dedicated, unlisted ports, and egress against the flow', () => {
      const resources = [
        ...base,
        policy('hrss-si', { ingress: { from: zoneSel('extranet-internet-access') } }),
        policy('platform-gateway', { ingress: { from: zoneSel('extranet-internet-access'), ports: { port: 8080 } } }),
        policy('hrss-si', { egress: { to: { namespace_selector: { match_labels: { 'kubernetes.io/metadata.name': 'zone-extranet-internet-access' } } } } }),
      ];
      // Selecting a namespace by another label resolves its zone through the namespace resource.
      resources[0] = resource('kubernetes_namespace_v1', 'corps-primary', meta('zone-extranet-internet-access', undefined, {
        zone: 'extranet-internet-access', 'kubernetes.io/metadata.name': 'zone-extranet-internet-access',
      }));
      const f = NET_005.check(ctxOf(baseEnv(), { resources }));
      // The clause comes from the rule's metadata; the message says what is wrong and where.
      expect(f.map((x) => x.message.en.split(': ')[1])).toEqual([
        'networks.flows has no extranet-internet-access → extranet-dedicated flow.',
        'ports 8080 are not among the ports 443 allowed for extranet-internet-access → platform.',
        'networks.flows has no extranet-dedicated → extranet-internet-access flow.',
      ]);
    });

    it('uses the default flows when none are declared, and treats an empty selector as every zone', () => {
      const env = baseEnv();
      env.networks.flows = [];
      const ok = [...base, policy('platform-gateway', { ingress: { from: zoneSel('extranet-internet-access') } })];
      expect(NET_005.check(ctxOf(env, { resources: ok }))).toEqual([]);
      const open = [...base, policy('platform-gateway', { ingress: { from: { namespace_selector: {} } } })];
      const f = NET_005.check(ctxOf(env, { resources: open }));
      // Every zone but internet-access (allowed) and platform itself.
      expect(f.map((x) => x.message.en.match(/admitting (\S+) →/)?.[1])).toEqual(['extranet-dedicated', 'extranet-public', 'intranet']);
    });
  });

  describe('NET-006', () => {
    it('judges missing connections only after the deadline, late ones always', () => {
      const env = baseEnv();
      env.inventory.systems.push(keptSystem('late', { platforms: [{ platform: 'dxt', connectedOn: '2018-07-15' }, { platform: 'dsj', connectedOn: '2018-01-01' }] }));
      env.inventory.systems.push(keptSystem('none', { platforms: [{ platform: 'dxt' }] }));
      env.inventory.systems.push(keptSystem('retired', { class: 'retire', platforms: [] }));
      env.inventory.systems.push(keptSystem('secret', { classified: true, platforms: [] }));
      const before = NET_006.check(ctxOf(env, { asOf: '2018-06-30' }));
      expect(before.map((x) => x.path)).toEqual(['/systems/1/platforms/0/connectedOn']);
      const after = NET_006.check(ctxOf(env, { asOf: '2018-07-01' }));
      expect(after.map((x) => `${x.system} ${x.path}`)).toEqual([
        'late /systems/1/platforms/0/connectedOn',
        'none /systems/2',
        'none /systems/2',
      ]);
    });

    it('reports a topology without a data platform', () => {
      const env = baseEnv();
      env.topology.platforms = env.topology.platforms.filter((p) => p.kind !== 'data');
      expect(NET_006.check(ctxOf(env, { asOf: '2017-01-01' })).map((x) => x.path)).toEqual(['/platforms']);
    });
  });
});
