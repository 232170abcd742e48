import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cyclicComponents, shortestCycle } from '../../checks/plan/scc';

/** Reachability by brute force: u and v are in one cyclic component iff each reaches the other. */
function reaches(edges: Map<string, string[]>, from: string, to: string): boolean {
  const seen = new Set<string>();
  const stack = [...(edges.get(from) ?? [])];
  while (stack.length > 0) {
    const v = stack.pop()!;
    if (v === to) return true;
    if (seen.has(v)) continue;
    seen.add(v);
    stack.push(...(edges.get(v) ?? []));
  }
  return false;
}

describe("Tarjan's strongly connected components", () => {
  it('agrees with brute-force mutual reachability on random graphs', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 0, max: 7 })), { maxLength: 20 }), (pairs) => {
        const nodes = [...Array(8).keys()].map((i) => `n${i}`);
        const edges = new Map<string, string[]>();
        for (const [a, b] of pairs) if (a !== b) edges.set(`n${a}`, [...(edges.get(`n${a}`) ?? []), `n${b}`]);
        const components = cyclicComponents(nodes, edges);
        const componentOf = new Map<string, number>();
        components.forEach((c, i) => c.forEach((n) => componentOf.set(n, i)));
        for (const u of nodes)
          for (const v of nodes) {
            if (u === v) continue;
            const together = componentOf.has(u) && componentOf.get(u) === componentOf.get(v);
            expect(together).toBe(reaches(edges, u, v) && reaches(edges, v, u));
          }
      }),
    );
  });

  it('handles a long chain without overflowing the stack', () => {
    const n = 20_000;
    const nodes = [...Array(n).keys()].map((i) => `s${String(i).padStart(6, '0')}`);
    const edges = new Map(nodes.map((v, i) => [v, [nodes[(i + 1) % n]]]));
    const components = cyclicComponents(nodes, edges);
    expect(components).toHaveLength(1);
    expect(components[0]).toHaveLength(n);
  });

  it('finds a shortest cycle through a node, in order', () => {
    const edges = new Map([
      ['a', ['b', 'c']],
      ['b', ['c']],
      ['c', ['a']],
    ]);
    expect(shortestCycle('a', new Set(['a', 'b', 'c']), edges)).toEqual(['a', 'c', 'a']);
  });
});
