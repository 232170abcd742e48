import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cpuMillicores, memoryBytes, parseQuantity } from '../../checks/plan/quantity';
import { primaryFootprint, sizeOf } from '../../checks/plan/footprint';

describe('Kubernetes quantities', () => {
  it.each([
    ['500m', 500],
    ['2', 2000],
    ['0.1', 100],
    ['1.5', 1500],
    ['.25', 250],
    ['100u', 1], // rounded up, as Kubernetes does
    ['1k', 1_000_000],
    ['1e3', 1_000_000],
  ])('CPU %s is %i millicores', (q, m) => {
    expect(cpuMillicores(q)).toBe(m);
  });

  it.each([
    ['1Gi', 1024 ** 3],
    ['512Mi', 512 * 1024 ** 2],
    ['1G', 1e9],
    ['1.5Gi', 1.5 * 1024 ** 3],
    ['128974848', 128974848],
    ['129e6', 129e6],
    ['123Ki', 123 * 1024],
  ])('memory %s is %i bytes', (q, b) => {
    expect(memoryBytes(q)).toBe(b);
  });

  it.each(['', 'abc', '1 Gi', '-1', '1gi', '1GB', '1.2.3', 'Gi'])('rejects %j', (q) => {
    expect(parseQuantity(q, 0)).toBeUndefined();
  });

  it('reads a decimal of millicores exactly, whatever the digits', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), (m) => {
        const text = `${Math.floor(m / 1000)}.${String(m % 1000).padStart(3, '0')}`;
        expect(cpuMillicores(text)).toBe(m);
        expect(cpuMillicores(`${m}m`)).toBe(m);
      }),
    );
  });
});

describe('system size', () => {
  it('reads replicas × requests and storage, and names a request it cannot read', () => {
    const base = { id: 's', department: 'd', location: { kind: 'cloud' as const, center: 'c' } };
    const workload = (cpu: string, memory: string) => ({
      kind: 'Deployment' as const,
      image: 'registry.xjbt.gov.cn/a:1',
      replicas: 3,
      ports: [80],
      storageGiB: 7,
      resources: { requests: { cpu, memory }, limits: { cpu, memory } },
    });
    expect(primaryFootprint(sizeOf({ ...base, workload: workload('250m', '512Mi') }))).toEqual({ cpuMillicores: 750, memoryBytes: 3 * 512 * 1024 ** 2, storageGiB: 7 });
    expect(sizeOf({ ...base, workload: workload('2 cores', '1Gi') }).unreadable).toBe("requests.cpu '2 cores'");
    expect(primaryFootprint(sizeOf(base))).toEqual({ cpuMillicores: 0, memoryBytes: 0, storageGiB: 0 });
  });
});
