/**
 * Cross-reference validation, run once every document passed its schema: ids are unique and every
 * reference names something that exists. Plan-level judgements (missing filing fields, cycles
 * across waves, capacity, ...) are NOT here: those are findings of rules.
 */
import type { InputProblem } from './errors';
import type { DocumentName, Inventory, MigrationPlan, Networks, SourcePosition, SystemLocation, Topology } from './types';
import { parentPointer } from './pointer';
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

export function crossReferences(input: CrossRefInput): InputProblem[] {
  const p = new Problems(input);
  const { topology, networks, inventory, migration } = input;

  const divisions = uniqueIds(p, 'topology', '/divisions', topology.divisions, 'division');
  const centers = uniqueIds(p, 'topology', '/centers', topology.centers, 'center');
  const platforms = uniqueIds(p, 'topology', '/platforms', topology.platforms, 'platform');
  const departments = uniqueIds(p, 'inventory', '/departments', inventory.departments, 'department');
  const systems = uniqueIds(p, 'inventory', '/systems', inventory.systems, 'system');
  uniqueIds(p, 'migration', '/waves', migration.waves, 'wave');
  const privateNetworks = uniqueIds(p, 'networks', '/privateNetworks', networks.privateNetworks, 'private network');
  const zones = uniqueIds(p, 'networks', '/zones', networks.zones, 'zone');
  uniqueIds(p, 'networks', '/links', networks.links, 'link');

  const centerRole = new Map(topology.centers.map((c) => [c.id, c.role]));
  const needCenter = (doc: DocumentName, ptr: string, id: string): void => {
    if (!centers.has(id)) p.add(doc, ptr, `unknown center '${id}'`);
  };
  const needDivision = (doc: DocumentName, ptr: string, id: string): void => {
    if (!divisions.has(id)) p.add(doc, ptr, `unknown division '${id}'`);
  };
  const needZone = (doc: DocumentName, ptr: string, id: string): void => {
    if (!zones.has(id)) p.add(doc, ptr, `unknown zone '${id}' (not declared in networks.yaml zones)`);
  };
  const needPlatform = (ptr: string, id: string): void => {
    if (!platforms.has(id)) p.add('inventory', ptr, `unknown platform '${id}'`);
  };
  const checkLocation = (doc: DocumentName, ptr: string, loc: SystemLocation): void => {
    if (loc.center !== undefined) needCenter(doc, `${ptr}/center`, loc.center);
    if (loc.division !== undefined) needDivision(doc, `${ptr}/division`, loc.division);
  };

  // topology
  topology.centers.forEach((c, i) => {
    if (c.division !== undefined) needDivision('topology', `/centers/${i}/division`, c.division);
    if (c.drTarget !== undefined) {
      const role = centerRole.get(c.drTarget);
      if (role === undefined) needCenter('topology', `/centers/${i}/drTarget`, c.drTarget);
      else if (role !== 'corps-dr') p.add('topology', `/centers/${i}/drTarget`, `drTarget '${c.drTarget}' is a ${role} center, not a corps DR center (corps-dr)`);
    }
  });
  needCenter('topology', '/auditLogStore/center', topology.auditLogStore.center);

  // networks
  networks.flows.forEach((f, i) => {
    needZone('networks', `/flows/${i}/from`, f.from);
    needZone('networks', `/flows/${i}/to`, f.to);
  });
  networks.links.forEach((l, i) => {
    for (const end of ['from', 'to'] as const) {
      const v = l[end];
      if (v.startsWith('private:') && !privateNetworks.has(v.slice('private:'.length))) {
        p.add('networks', `/links/${i}/${end}`, `unknown private network '${v.slice('private:'.length)}'`);
      }
    }
  });

  // inventory
  inventory.systems.forEach((s, i) => {
    const base = `/systems/${i}`;
    // The schema checks the Kubernetes-name shape; the names the stacks derive from the id need more.
    if (!SYSTEM_ID_START.test(s.id)) {
      p.add('inventory', `${base}/id`, `system id '${s.id}' must start with a letter: it names the system's Kubernetes Service (a DNS-1035 label)`);
    }
    const reserved = reservedNamespaceReason(s.id);
    if (reserved !== undefined) p.add('inventory', `${base}/id`, `system id '${s.id}' cannot be used: it names the system's namespace, and '${s.id}' is reserved (${reserved})`);
    if (s.id.length > SYSTEM_ID_MAX_LENGTH) {
      p.add('inventory', `${base}/id`, `system id '${s.id}' is ${s.id.length} characters; at most ${SYSTEM_ID_MAX_LENGTH}, so that '${s.id}-backup' fits a Kubernetes CronJob name (52) and the StatefulSet's pod labels (63)`);
    }
    if (!departments.has(s.department)) p.add('inventory', `${base}/department`, `unknown department '${s.department}'`);
    s.scope?.divisions?.forEach((d, j) => needDivision('inventory', `${base}/scope/divisions/${j}`, d));
    checkLocation('inventory', `${base}/location`, s.location);
    if (s.zone !== undefined) needZone('inventory', `${base}/zone`, s.zone);
    // Only the internet-access zone faces the Internet: a public host elsewhere would be silently unexposed.
    if (s.workload?.publicHost !== undefined && s.zone !== 'extranet-internet-access') {
      p.add('inventory', `${base}/workload/publicHost`, `publicHost '${s.workload.publicHost}' is only for a system of the extranet-internet-access zone (互联网接入区, the only zone facing the Internet); this system is in zone '${s.zone ?? 'extranet-dedicated'}'`);
    }
    if (s.replacement?.platform !== undefined) needPlatform(`${base}/replacement/platform`, s.replacement.platform);
    const connected = new Map<string, number>();
    s.platforms?.forEach((c, j) => {
      needPlatform(`${base}/platforms/${j}/platform`, c.platform);
      // One connection per platform: the stacks open one network allowance per connection.
      const first = connected.get(c.platform);
      if (first !== undefined) p.add('inventory', `${base}/platforms/${j}/platform`, `platform '${c.platform}' is connected twice (first at ${base}/platforms/${first})`);
      else connected.set(c.platform, j);
    });
    s.dependencies?.forEach((d, j) => {
      if (d === s.id) p.add('inventory', `${base}/dependencies/${j}`, `system '${s.id}' depends on itself`);
      else if (!systems.has(d)) p.add('inventory', `${base}/dependencies/${j}`, `unknown dependency '${d}' (no such system)`);
    });
    if (s.dataResources) uniqueIds(p, 'inventory', `${base}/dataResources`, s.dataResources, 'data resource');
  });

  // migration
  const moved = new Map<string, string>();
  migration.waves.forEach((w, i) => {
    w.moves.forEach((m, j) => {
      const base = `/waves/${i}/moves/${j}`;
      if (!systems.has(m.system)) p.add('migration', `${base}/system`, `unknown system '${m.system}'`);
      const first = moved.get(m.system);
      if (first !== undefined) p.add('migration', `${base}/system`, `system '${m.system}' is moved twice (first at ${first})`);
      else moved.set(m.system, base);
      needCenter('migration', `${base}/to`, m.to);
      checkLocation('migration', `${base}/from`, m.from);
    });
  });

  return p.list;
}
