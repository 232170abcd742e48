/**
 * Which ports the network plan admits from one zone to another (networks.flows). Same zone: any
 * port. A pair without a flow: not admitted — a system's dependency across such a pair is not
 * opened directly; the exchange goes through the shared platforms (大数据/大协同) instead (NET-005).
 */
import type { ZoneFlow, ZoneId } from '../checks/core/types';

/**
 * The ports to open from zone `from` to zone `to` for a peer listening on `ports`:
 * `undefined` = not admitted; `[]` = any port.
 */
export function admittedPorts(flows: readonly ZoneFlow[], from: ZoneId, to: ZoneId, ports: readonly number[]): number[] | undefined {
  if (from === to) return [...ports];
  const matching = flows.filter((f) => f.from === from && f.to === to);
  if (matching.length === 0) return undefined;
  if (matching.some((f) => !f.ports || f.ports.length === 0)) return [...ports];
  const allowed = new Set(matching.flatMap((f) => f.ports ?? []));
  if (ports.length === 0) return [...allowed].sort((a, b) => a - b);
  const both = ports.filter((p) => allowed.has(p));
  return both.length > 0 ? both : undefined;
}
