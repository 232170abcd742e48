/**
 * 2. The topology picture, drawn as inline SVG from the model: the corps centers grouped by city
 * (两地三中心: the primary and its same-city DR center in one city, the remote DR center in
 * another), each division center with the corps DR center it recovers into (容灾 pairing), and the
 * network zones with the allowed flows between them (ports on the arrows). A center or flow an
 * open finding points at is drawn red: the only colour in the picture.
 */
import type { Center, Environment, Zone } from '../../../core/types';
import type { Finding } from '../../../engine/types';
import { h, type Section } from './elements';
import { arrow, fmt, rect, text } from './svg';

const W = 1000;
const CORPS_W = 190;
const CORPS_H = 66;
const DIV_W = 150;
const DIV_H = 76;
const PER_ROW = 6;

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const shortName = (env: Environment, c: Center): string => env.topology.divisions.find((d) => d.id === c.division)?.name ?? c.name;

function centerBox(c: Center, b: Box, lines: string[], cls: string): string {
  const rows = lines.map((l, i) => text(b.x + b.w / 2, b.y + 18 + i * 15, l, i === lines.length - 1 ? 'id' : i === 0 ? 'name' : '', 'middle', b.w - 12, i === 0 ? 13 : 12));
  return `<g class="center" data-center="${h(c.id)}">${rect(b.x, b.y, b.w, b.h, cls)}${rows.join('')}</g>`;
}

/** The centers: corps ones by city in a row, division centers in rows below, DR pairings as lines. */
function centers(env: Environment, flagged: Flagged): { svg: string; height: number } {
  const corps = env.topology.centers.filter((c) => c.role !== 'division');
  const listed = env.topology.centers.filter((c) => c.role === 'division');
  const cities: { city: string; centers: Center[] }[] = [];
  for (const c of corps) {
    const g = cities.find((x) => x.city === c.city);
    if (g) g.centers.push(c);
    else cities.push({ city: c.city, centers: [c] });
  }
  const boxW = Math.min(CORPS_W, (W - 40 - cities.length * 40) / Math.max(1, corps.length));
  const groupW = (g: { centers: Center[] }): number => g.centers.length * boxW + (g.centers.length - 1) * 14 + 24;
  const total = cities.reduce((n, g) => n + groupW(g), 0) + (cities.length - 1) * 40;
  const out: string[] = [];
  const boxes = new Map<string, Box>();
  let x = (W - total) / 2;
  const top = 130;
  for (const g of cities) {
    const gw = groupW(g);
    out.push(rect(x, top - 26, gw, CORPS_H + 38, 'city'), text(x + 10, top - 10, g.city, 'city-label', 'start'));
    g.centers.forEach((c, i) => {
      const b = { x: x + 12 + i * (boxW + 14), y: top, w: boxW, h: CORPS_H };
      boxes.set(c.id, b);
      out.push(centerBox(c, b, [c.name, `${c.availability}% · ${c.mlpsLevel} 级 level ${c.mlpsLevel}`, c.id], `${c.role === 'corps-primary' ? 'primary' : 'dr'}${flagged.centers.has(c.id) ? ' wrong' : ''}`));
    });
    x += gw + 40;
  }
  // Division centers ordered by where their DR target stands (stable): the pairing lines fan out
  // instead of crossing the picture; a center without a target comes last.
  const targetX = (c: Center): number => (c.drTarget !== undefined ? boxes.get(c.drTarget)?.x ?? W : W);
  const divisions = [...listed].sort((a, b) => targetX(a) - targetX(b));
  // The primary replicates into every corps DR center: same city (同城) or another city (异地).
  const primary = corps.find((c) => c.role === 'corps-primary');
  const pb = primary ? boxes.get(primary.id) : undefined;
  // 两地三中心 needs a DR center in another city: its absence is said in red.
  if (primary && !corps.some((c) => c.role === 'corps-dr' && c.city !== primary.city)) out.push(text(W - 20, 48, '缺异地灾备中心 no remote-city DR center', 'missing', 'end'));
  if (primary && pb) {
    for (const dr of corps.filter((c) => c.role === 'corps-dr')) {
      const db = boxes.get(dr.id)!;
      const a = arrow(pb.x + pb.w / 2, top - 26, db.x + db.w / 2, top - 26, -38 - Math.abs(db.x - pb.x) / 12, 'repl');
      out.push(a.svg, text(a.lx, a.ly - 4, dr.city === primary.city ? '同城灾备 same-city DR' : '异地灾备 remote-city DR', 'flow-label'));
    }
  }
  const rowsTop = top + CORPS_H + 110;
  const perRow = Math.min(PER_ROW, Math.max(1, divisions.length));
  const gap = (W - perRow * DIV_W) / (perRow + 1);
  const lines: string[] = [];
  divisions.forEach((c, i) => {
    const row = Math.floor(i / perRow);
    const b = { x: gap + (i % perRow) * (DIV_W + gap), y: rowsTop + row * (DIV_H + 34), w: DIV_W, h: DIV_H };
    const target = c.drTarget !== undefined ? corps.find((t) => t.id === c.drTarget) : undefined;
    const tb = target ? boxes.get(target.id) : undefined;
    const dr = target ? `→ 容灾 DR ${target.city}` : '无容灾 no DR target';
    out.push(centerBox(c, b, [shortName(env, c), c.city, dr, c.id], target && !flagged.centers.has(c.id) ? 'division' : 'division wrong'));
    if (tb) lines.push(arrow(b.x + b.w / 2, b.y, tb.x + tb.w / 2, tb.y + tb.h, 0, target!.city === c.city ? 'pair same' : 'pair', false).svg);
  });
  const rows = Math.ceil(divisions.length / perRow);
  const height = rowsTop + rows * (DIV_H + 34) + 10;
  out.push(text(20, rowsTop - 20, '师级数据中心 division centers — 线：容灾配对 lines: DR pairing', 'caption', 'start'));
  return { svg: [...lines, ...out].join('\n'), height };
}

/** Zones in one row: extranet zones around the platform zone, then the intranet behind its gap. */
function zoneOrder(zones: readonly Zone[]): Zone[] {
  const platform = zones.filter((z) => z.id === 'platform');
  const others = zones.filter((z) => z.id !== 'platform' && z.network === 'extranet');
  const half = Math.ceil(others.length / 2);
  return [...others.slice(0, half), ...platform, ...others.slice(half), ...zones.filter((z) => z.network === 'intranet')];
}

function zones(env: Environment, top: number, flagged: Flagged): { svg: string; height: number } {
  const order = zoneOrder(env.networks.zones);
  const zw = 150;
  const zh = 52;
  const gap = (W - order.length * zw) / (order.length + 1);
  const y = top + 140;
  const at = new Map<string, Box>();
  const out: string[] = [text(20, top + 20, '网络区域与允许的访问 network zones and allowed flows（端口 ports）', 'caption', 'start')];
  order.forEach((z, i) => {
    const b = { x: gap + i * (zw + gap), y, w: zw, h: zh };
    at.set(z.id, b);
    out.push(`<g class="zone" data-zone="${h(z.id)}">${rect(b.x, b.y, zw, zh, z.network === 'intranet' ? 'zone intranet' : 'zone')}${text(b.x + zw / 2, b.y + 22, z.name, 'name', 'middle', zw - 12, 13)}${text(b.x + zw / 2, b.y + 40, z.id, 'id', 'middle', zw - 12, 11)}</g>`);
  });
  const firstIntranet = order.findIndex((z) => z.network === 'intranet');
  if (firstIntranet > 0) {
    const gx = gap + firstIntranet * (zw + gap) - gap / 2;
    out.push(`<line x1="${fmt(gx)}" y1="${fmt(y - 40)}" x2="${fmt(gx)}" y2="${fmt(y + zh + 40)}" class="gap"/>`, text(gx, y + zh + 56, '物理隔离 air gap', 'flow-label'));
  }
  env.networks.flows.forEach((f, index) => {
    const a = at.get(f.from);
    const b = at.get(f.to);
    if (!a || !b) return;
    // Left-to-right flows bulge upwards, right-to-left ones downwards: a pair never overlaps.
    const ltr = a.x < b.x;
    const bulge = (ltr ? -1 : 1) * Math.min(200, 24 + Math.abs(b.x - a.x) / 3.5);
    const sy = ltr ? y : y + zh;
    const arc = arrow(a.x + zw / 2 + (ltr ? 12 : -12), sy, b.x + zw / 2 + (ltr ? -12 : 12), sy, bulge, flagged.flows.has(index) ? 'flow wrong' : 'flow');
    const ports = f.ports === undefined || f.ports.length === 0 ? '任意端口 any port' : f.ports.join(', ');
    out.push(arc.svg, text(arc.lx, arc.ly + (ltr ? -4 : 12), ports, 'flow-label'));
  });
  return { svg: out.join('\n'), height: y + zh + 110 - top };
}

/** Scoped to the picture: a <style> in an inline SVG applies to the whole page. */
const SVG_CSS = `.topo .city{fill:none;stroke:#8c959f;stroke-dasharray:4 3}
.topo .city-label{font-size:13px;fill:#59636e}
.topo .primary,.topo .dr,.topo .division,.topo .zone{fill:#f6f8fa;stroke:#57606a}
.topo .primary{stroke-width:2}
.topo .wrong{stroke:#cf222e;stroke-width:2;fill:#fff5f5}
.topo .missing{fill:#a40e26;font-weight:600;font-size:13px}
.topo .name{font-size:13px;font-weight:600;fill:#1f2328}
.topo text{font-size:11.5px;fill:#424a53}
.topo .id{font-family:ui-monospace,monospace;font-size:10.5px;fill:#6e7781}
.topo .repl,.topo .flow{stroke:#424a53;stroke-width:1.4}
.topo .flow.wrong{stroke:#cf222e;stroke-width:2}
.topo .flow.wrong.head{fill:#cf222e}
.topo .head{fill:#424a53;stroke:none}
.topo .pair{stroke:#8c959f;stroke-width:1.1}
.topo .pair.same{stroke-dasharray:5 3}
.topo .gap{stroke:#424a53;stroke-width:2;stroke-dasharray:2 4}
.topo .flow-label{font-size:11px;fill:#424a53}
.topo .caption{font-size:13px;fill:#59636e}
.topo .intranet{fill:#eaeef2}`;

/** Centers and flows of the model that an open finding points at (by center, or by its topology/networks pointer). */
interface Flagged {
  readonly centers: ReadonlySet<string>;
  readonly flows: ReadonlySet<number>;
}

function flaggedBy(env: Environment, findings: readonly Finding[]): Flagged {
  const centers = new Set<string>();
  const flows = new Set<number>();
  for (const f of findings) {
    if (f.suppressed) continue;
    const center = f.file === env.files.topology ? /^\/centers\/(\d+)(\/|$)/.exec(f.path ?? '') : null;
    if (center) centers.add(env.topology.centers[Number(center[1])]?.id ?? '');
    const flow = f.file === env.files.networks ? /^\/flows\/(\d+)(\/|$)/.exec(f.path ?? '') : null;
    if (flow) flows.add(Number(flow[1]));
  }
  return { centers, flows };
}

export function topologySection(env: Environment, findings: readonly Finding[] = []): Section {
  const flagged = flaggedBy(env, findings);
  const c = centers(env, flagged);
  const z = zones(env, c.height, flagged);
  const height = c.height + z.height;
  const svg = `<svg class="topo" viewBox="0 0 ${W} ${fmt(height)}" role="img" aria-label="兵团云拓扑 topology of ${h(env.name)}"><title>${h(`${env.topology.name} — 两地三中心 and zones`)}</title><style>${SVG_CSS}</style>
${text(20, 24, '两地三中心 two cities, three centers — 兵团级中心按城市 corps centers by city', 'caption', 'start')}
${c.svg}
${z.svg}
</svg>`;
  return { id: 'topology', title: '拓扑 Topology', body: `<figure class="topology">${svg}</figure>` };
}
