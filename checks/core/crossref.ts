/**
 * Cross-reference validation, run once every document passed its schema: ids are unique and every
 * reference names something that exists. Plan-level judgements (missing filing fields, cycles
 * across waves, capacity, ...) are NOT here: those are findings of rules.
 */
import type { InputProblem } from './errors';
import type { DocumentName, Inventory, MigrationPlan, Networks, SourcePosition, SystemLocation, Topology } from './types';
import { parentPointer } from './pointer';
import { compareCodePoints } from './order';
import { reservedNamespaceReason, SYSTEM_ID_MAX_LENGTH, SYSTEM_ID_START } from './conventions';

export interface CrossRefInput {
  topology: Topology;
  networks: Networks;
  inventory: Inventory;
  migration: MigrationPlan;
  files: Record<DocumentName, string>;
  locate(doc: DocumentName, pointer: string): SourcePosition | undefined;
}

class Problems {
  readonly list: InputProblem[] = [];
  constructor(private readonly input: CrossRefInput) {}
  add(doc: DocumentName, pointer: string, message: string): void {
    const pos = this.input.locate(doc, pointer) ?? this.input.locate(doc, parentPointer(pointer));
    this.list.push({ file: this.input.files[doc], line: pos?.line, column: pos?.column, path: pointer, message });
  }
}

/** Reports every id seen before in `items`; returns the set of ids. */
function uniqueIds(p: Problems, doc: DocumentName, base: string, items: readonly { id: string }[], what: string): Set<string> {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const seen = first.get(item.id);
    if (seen === undefined) first.set(item.id, i);
    else p.add(doc, `${base}/${i}/id`, `duplicate ${what} id '${item.id}' (first at ${base}/${seen})`);
  });
  return new Set(first.keys());
}

/** The ids every document may refer to, and checks that report a reference to none of them. */
class Known {
  readonly divisions: Set<string>;
  readonly centers: Set<string>;
  readonly platforms: Set<string>;
  readonly departments: Set<string>;
  readonly systems: Set<string>;
  readonly privateNetworks: Set<string>;
  readonly zones: Set<string>;
  readonly centerRole: Map<string, string>;

  constructor(
    readonly p: Problems,
    { topology, networks, inventory, migration }: CrossRefInput,
  ) {
    this.divisions = uniqueIds(p, 'topology', '/divisions', topology.divisions, 'division');
    this.centers = uniqueIds(p, 'topology', '/centers', topology.centers, 'center');
    this.platforms = uniqueIds(p, 'topology', '/platforms', topology.platforms, 'platform');
    this.departments = uniqueIds(p, 'inventory', '/departments', inventory.departments, 'department');
    this.systems = uniqueIds(p, 'inventory', '/systems', inventory.systems, 'system');
    uniqueIds(p, 'migration', '/waves', migration.waves, 'wave');
    this.privateNetworks = uniqueIds(p, 'networks', '/privateNetworks', networks.privateNetworks, 'private network');
    this.zones = uniqueIds(p, 'networks', '/zones', networks.zones, 'zone');
    uniqueIds(p, 'networks', '/links', networks.links, 'link');
    this.centerRole = new Map(topology.centers.map((c) => [c.id, c.role]));
  }

  center(doc: DocumentName, ptr: string, id: string): void {
    if (!this.centers.has(id)) this.p.add(doc, ptr, `unknown center '${id}'`);
  }

  division(doc: DocumentName, ptr: string, id: string): void {
    if (!this.divisions.has(id)) this.p.add(doc, ptr, `unknown division '${id}'`);
  }

  zone(doc: DocumentName, ptr: string, id: string): void {
    if (!this.zones.has(id)) this.p.add(doc, ptr, `unknown zone '${id}' (not declared in networks.yaml zones)`);
  }

  platform(ptr: string, id: string): void {
    if (!this.platforms.has(id)) this.p.add('inventory', ptr, `unknown platform '${id}'`);
  }

  location(doc: DocumentName, ptr: string, loc: SystemLocation): void {
    if (loc.center !== undefined) this.center(doc, `${ptr}/center`, loc.center);
    if (loc.division !== undefined) this.division(doc, `${ptr}/division`, loc.division);
  }
}

function checkTopology(k: Known, topology: CrossRefInput['topology']): void {
  topology.centers.forEach((c, i) => {
    if (c.division !== undefined) k.division('topology', `/centers/${i}/division`, c.division);
    if (c.drTarget === undefined) return;
    const role = k.centerRole.get(c.drTarget);
    if (role === undefined) k.center('topology', `/centers/${i}/drTarget`, c.drTarget);
    else if (role !== 'corps-dr') k.p.add('topology', `/centers/${i}/drTarget`, `drTarget '${c.drTarget}' is a ${role} center, not a corps DR center (corps-dr)`);
  });
  k.center('topology', '/auditLogStore/center', topology.auditLogStore.center);
}

function checkNetworks(k: Known, networks: CrossRefInput['networks']): void {
  networks.flows.forEach((f, i) => {
    k.zone('networks', `/flows/${i}/from`, f.from);
    k.zone('networks', `/flows/${i}/to`, f.to);
  });
  networks.links.forEach((l, i) => {
    for (const end of ['from', 'to'] as const) {
      const v = l[end];
      if (v.startsWith('private:') && !k.privateNetworks.has(v.slice('private:'.length))) {
        k.p.add('networks', `/links/${i}/${end}`, `unknown private network '${v.slice('private:'.length)}'`);
      }
    }
  });
}

/** The names the stacks derive from a system id must be valid Kubernetes names; the schema checks only its shape. */
function checkSystemId(k: Known, base: string, id: string): void {
  if (!SYSTEM_ID_START.test(id)) {
    k.p.add('inventory', `${base}/id`, `system id '${id}' must start with a letter: it names the system's Kubernetes Service (a DNS-1035 label)`);
  }
  const reserved = reservedNamespaceReason(id);
  if (reserved !== undefined) k.p.add('inventory', `${base}/id`, `system id '${id}' cannot be used: it names the system's namespace, and '${id}' is reserved (${reserved})`);
  if (id.length > SYSTEM_ID_MAX_LENGTH) {
    k.p.add('inventory', `${base}/id`, `system id '${id}' is ${id.length} characters; at most ${SYSTEM_ID_MAX_LENGTH}, so that '${id}-backup' fits a Kubernetes CronJob name (52) and the StatefulSet's pod labels (63)`);
  }
}

function checkSystem(k: Known, s: CrossRefInput['inventory']['systems'][number], base: string): void {
  checkSystemId(k, base, s.id);
  if (!k.departments.has(s.department)) k.p.add('inventory', `${base}/department`, `unknown department '${s.department}'`);
  s.scope?.divisions?.forEach((d, j) => k.division('inventory', `${base}/scope/divisions/${j}`, d));
  k.location('inventory', `${base}/location`, s.location);
  if (s.zone !== undefined) k.zone('inventory', `${base}/zone`, s.zone);
  // Only the internet-access zone faces the Internet: a public host elsewhere would be silently unexposed.
  if (s.workload?.publicHost !== undefined && s.zone !== 'extranet-internet-access') {
    k.p.add('inventory', `${base}/workload/publicHost`, `publicHost '${s.workload.publicHost}' is only for a system of the extranet-internet-access zone (互联网接入区, the only zone facing the Internet); this system is in zone '${s.zone ?? 'extranet-dedicated'}'`);
  }
  if (s.replacement?.platform !== undefined) k.platform(`${base}/replacement/platform`, s.replacement.platform);
  const connected = new Map<string, number>();
  s.platforms?.forEach((c, j) => {
    k.platform(`${base}/platforms/${j}/platform`, c.platform);
    // One connection per platform: the stacks open one network allowance per connection.
    const first = connected.get(c.platform);
    if (first !== undefined) k.p.add('inventory', `${base}/platforms/${j}/platform`, `platform '${c.platform}' is connected twice (first at ${base}/platforms/${first})`);
    else connected.set(c.platform, j);
  });
  s.dependencies?.forEach((d, j) => {
    if (d === s.id) k.p.add('inventory', `${base}/dependencies/${j}`, `system '${s.id}' depends on itself`);
    else if (!k.systems.has(d)) k.p.add('inventory', `${base}/dependencies/${j}`, `unknown dependency '${d}' (no such system)`);
  });
  if (s.dataResources) uniqueIds(k.p, 'inventory', `${base}/dataResources`, s.dataResources, 'data resource');
}

interface SeenMove {
  pointer: string;
  wave: string;
  deadline: string;
  from: SystemLocation;
  to: string;
}

const cloudCenter = (loc: SystemLocation): string | undefined => (loc.kind === 'cloud' ? loc.center : undefined);

/**
 * A system may move more than once — onto 兵团云 in 2018, then between two cloud centers when its
 * division opens a center (re-homing, MIG-009) — so long as the moves tell one story: in different
 * waves of different deadlines (plan order must be unambiguous), each later move starting from the
 * center the previous one took it to, and no move from a center into that same center.
 */
function checkMigration(k: Known, migration: CrossRefInput['migration']): void {
  const seen = new Map<string, SeenMove[]>();
  migration.waves.forEach((w, i) => {
    w.moves.forEach((m, j) => {
      const base = `/waves/${i}/moves/${j}`;
      if (!k.systems.has(m.system)) k.p.add('migration', `${base}/system`, `unknown system '${m.system}'`);
      k.center('migration', `${base}/to`, m.to);
      k.location('migration', `${base}/from`, m.from);
      if (cloudCenter(m.from) === m.to) k.p.add('migration', `${base}/to`, `system '${m.system}' is moved from center '${m.to}' into the same center`);
      const earlier = seen.get(m.system) ?? [];
      const sameWave = earlier.find((e) => e.wave === w.id);
      const sameDeadline = earlier.find((e) => e.deadline === w.deadline);
      if (sameWave) k.p.add('migration', `${base}/system`, `system '${m.system}' is moved twice (first at ${sameWave.pointer}), both in wave '${w.id}'`);
      else if (sameDeadline) k.p.add('migration', `${base}/system`, `system '${m.system}' is moved twice in waves with the same deadline ${w.deadline} (first at ${sameDeadline.pointer}): the order of its moves is not known`);
      seen.set(m.system, [...earlier, { pointer: base, wave: w.id, deadline: w.deadline, from: m.from, to: m.to }]);
    });
  });
  // Each later move starts where the previous one ended (plan order: by wave deadline).
  for (const [system, moves] of seen) {
    const ordered = [...moves].sort((a, b) => compareCodePoints(a.deadline, b.deadline));
    for (let n = 1; n < ordered.length; n++) {
      const prev = ordered[n - 1];
      const cur = ordered[n];
      if (prev.deadline === cur.deadline) continue; // reported above
      if (cloudCenter(cur.from) === prev.to) continue;
      k.p.add(
        'migration',
        `${cur.pointer}/from`,
        `system '${system}' is moved twice, but this move does not start where its previous move (${prev.pointer}, wave '${prev.wave}') took it: a re-homing moves from { kind: cloud, center: ${prev.to} }`,
      );
    }
  }
}

export function crossReferences(input: CrossRefInput): InputProblem[] {
  const p = new Problems(input);
  const known = new Known(p, input);
  checkTopology(known, input.topology);
  checkNetworks(known, input.networks);
  input.inventory.systems.forEach((s, i) => checkSystem(known, s, `/systems/${i}`));
  checkMigration(known, input.migration);
  return p.list;
}
