/** Cross-reference validation: every class of broken reference is one problem with a position. */
import { describe, expect, it } from 'vitest';
import { problemsAfter } from '../helpers/expect-problems';
import { miniData } from '../helpers/mini-env';
import type { PatchOp } from '../helpers/patch';

const replace = (doc: PatchOp['doc'], path: string, value: unknown): PatchOp => ({ op: 'replace', doc, path, value });
const add = (doc: PatchOp['doc'], path: string, value: unknown): PatchOp => ({ op: 'add', doc, path, value });

const mini = miniData() as {
  topology: { centers: { id: string }[]; divisions: unknown[]; platforms: unknown[] };
  networks: { zones: unknown[]; privateNetworks: unknown[]; links: unknown[] };
  inventory: { departments: unknown[]; systems: { dataResources: unknown[] }[] };
  migration: { waves: { moves: unknown[] }[] };
};
const copyOf = <T>(v: T): T => structuredClone(v);

describe('cross-references', () => {
  it('the mini environment has none', () => {
    expect(problemsAfter([])).toEqual([]);
  });

  it.each<[string, PatchOp[], string, string]>([
    ['duplicate center', [add('topology', '/centers/-', { ...copyOf(mini.topology.centers[1]) })], '/centers/4/id', "duplicate center id 'corps-dr-urumqi' (first at /centers/1)"],
    ['duplicate division', [add('topology', '/divisions/-', copyOf(mini.topology.divisions[0]))], '/divisions/2/id', "duplicate division id 'div-8'"],
    ['duplicate platform', [add('topology', '/platforms/-', copyOf(mini.topology.platforms[0]))], '/platforms/4/id', "duplicate platform id 'dxt'"],
    ['duplicate department', [add('inventory', '/departments/-', copyOf(mini.inventory.departments[2]))], '/departments/3/id', "duplicate department id 'jiyao'"],
    ['duplicate system', [replace('inventory', '/systems/4/id', 'hrss-social-insurance')], '/systems/4/id', "duplicate system id 'hrss-social-insurance'"],
    ['duplicate wave', [add('migration', '/waves/-', { ...copyOf(mini.migration.waves[0]), moves: [] })], '/waves/1/id', "duplicate wave id 'wave-1'"],
    ['duplicate private network', [add('networks', '/privateNetworks/-', copyOf(mini.networks.privateNetworks[0]))], '/privateNetworks/2/id', "duplicate private network id 'hrss-net'"],
    ['duplicate zone', [add('networks', '/zones/-', copyOf(mini.networks.zones[0]))], '/zones/5/id', "duplicate zone id 'extranet-public'"],
    ['duplicate data resource within a system', [add('inventory', '/systems/0/dataResources/-', copyOf(mini.inventory.systems[0].dataResources[0]))], '/systems/0/dataResources/1/id', "duplicate data resource id 'insured-persons'"],
    ['unknown center in a location', [replace('inventory', '/systems/0/location/center', 'corps-backup')], '/systems/0/location/center', "unknown center 'corps-backup'"],
    ['unknown center as move target', [replace('migration', '/waves/0/moves/0/to', 'div-9')], '/waves/0/moves/0/to', "unknown center 'div-9'"],
    ['unknown center as drTarget', [replace('topology', '/centers/3/drTarget', 'corps-dr-kashi')], '/centers/3/drTarget', "unknown center 'corps-dr-kashi'"],
    ['drTarget that is not a corps DR center', [replace('topology', '/centers/3/drTarget', 'corps-primary')], '/centers/3/drTarget', "drTarget 'corps-primary' is a corps-primary center, not a corps DR center (corps-dr)"],
    ['unknown audit-log store center', [replace('topology', '/auditLogStore/center', 'nowhere')], '/auditLogStore/center', "unknown center 'nowhere'"],
    ['unknown division of a center', [replace('topology', '/centers/3/division', 'div-9')], '/centers/3/division', "unknown division 'div-9'"],
    ['unknown division in a scope', [add('inventory', '/systems/0/scope/divisions', ['div-8', 'div-99'])], '/systems/0/scope/divisions/1', "unknown division 'div-99'"],
    ['unknown division in a location', [replace('inventory', '/systems/3/location', { kind: 'division-room', division: 'div-2' })], '/systems/3/location/division', "unknown division 'div-2'"],
    ['unknown department', [replace('inventory', '/systems/0/department', 'finance')], '/systems/0/department', "unknown department 'finance'"],
    ['unknown dependency', [add('inventory', '/systems/0/dependencies', ['ghost-system'])], '/systems/0/dependencies/0', "unknown dependency 'ghost-system' (no such system)"],
    ['self dependency', [add('inventory', '/systems/0/dependencies', ['hrss-social-insurance'])], '/systems/0/dependencies/0', "system 'hrss-social-insurance' depends on itself"],
    ['unknown replacement platform', [add('inventory', '/systems/2/replacement', { platform: 'dzw', deadline: '2018-06-30' })], '/systems/2/replacement/platform', "unknown platform 'dzw'"],
    ['unknown connected platform', [replace('inventory', '/systems/0/platforms/0/platform', 'oa')], '/systems/0/platforms/0/platform', "unknown platform 'oa'"],
    ['undeclared zone of a system', [{ op: 'remove', doc: 'networks', path: '/zones/0' }], '/flows/3/from', "unknown zone 'extranet-public' (not declared in networks.yaml zones)"],
    ['unknown private network in a link', [add('networks', '/links/-', { id: 'x', from: 'private:tax-net', to: 'extranet', kind: 'physical' })], '/links/2/from', "unknown private network 'tax-net'"],
    ['a move of an unknown system', [replace('migration', '/waves/0/moves/0/system', 'ghost-system')], '/waves/0/moves/0/system', "unknown system 'ghost-system'"],
    ['the same system moved twice', [replace('migration', '/waves/0/moves/1/system', 'hrss-social-insurance')], '/waves/0/moves/1/system', "system 'hrss-social-insurance' is moved twice (first at /waves/0/moves/0)"],
    ['a system id that does not start with a letter (it names a Service)', [replace('inventory', '/systems/4/id', '12345-hotline')], '/systems/4/id', "system id '12345-hotline' must start with a letter"],
    ['a system id too long for the names derived from it', [replace('inventory', '/systems/4/id', `hrss-${'x'.repeat(41)}`)], '/systems/4/id', 'is 46 characters; at most 45'],
    ['a system id that is a reserved namespace (ops)', [replace('inventory', '/systems/4/id', 'btyun-ops')], '/systems/4/id', "'btyun-ops' is reserved (the ops namespace of every center)"],
    ['a system id that is a zone namespace', [replace('inventory', '/systems/4/id', 'zone-extranet-public')], '/systems/4/id', 'zone namespaces are named zone-<zone id>'],
    ['a system id that is a Kubernetes namespace', [replace('inventory', '/systems/4/id', 'kube-system')], '/systems/4/id', 'a namespace of Kubernetes itself'],
    ['a public host outside the internet-access zone', [add('inventory', '/systems/0/workload/publicHost', 'sb.xjbt.gov.cn')], '/systems/0/workload/publicHost', "publicHost 'sb.xjbt.gov.cn' is only for a system of the extranet-internet-access zone"],
    ['a platform connected twice', [add('inventory', '/systems/0/platforms/-', { platform: 'dsj', connectedOn: '2018-05-01' })], '/systems/0/platforms/2/platform', "platform 'dsj' is connected twice (first at /systems/0/platforms/1)"],
  ])('%s', (_what, ops, path, message) => {
    const problems = problemsAfter(ops);
    const found = problems.find((p) => p.path === path);
    expect(found, problems.map((p) => `${p.path}: ${p.message}`).join('\n')).toBeDefined();
    expect(found!.message).toContain(message);
    expect(found!.line).toBeGreaterThan(0);
    expect(found!.column).toBeGreaterThan(0);
    expect(found!.file).toMatch(/^mini\+patch\/\w+\.yaml$/);
  });

  it('an undeclared zone is reported wherever it is used', () => {
    const paths = problemsAfter([{ op: 'remove', doc: 'networks', path: '/zones/1' }]).map((p) => p.path);
    expect(paths).toEqual(expect.arrayContaining(['/flows/1/to', '/flows/2/from', '/systems/0/zone', '/systems/1/zone', '/systems/3/zone']));
  });

  it('leaves plan-level judgements to rules: a cycle, a classified system on the cloud, missing filing fields load fine', () => {
    expect(
      problemsAfter([
        add('inventory', '/systems/0/dependencies', ['hrss-training-records']),
        replace('inventory', '/systems/4/location', { kind: 'cloud', center: 'corps-primary' }),
        { op: 'remove', doc: 'inventory', path: '/systems/2/funding' },
        replace('topology', '/centers/0/capacity', { cpu: 0, memoryGiB: 0, storageGiB: 0 }),
      ]),
    ).toEqual([]);
  });
});
