/**
 * Kubernetes resource quantities, just enough to size quotas from per-replica requests and limits.
 * CPU in millicores, memory in MiB (rounded up). Unknown forms are refused by the caller.
 */
const MEMORY_UNITS: Record<string, number> = {
  '': 1 / (1024 * 1024),
  Ki: 1 / 1024,
  Mi: 1,
  Gi: 1024,
  Ti: 1024 * 1024,
  k: 1000 / (1024 * 1024),
  M: 1e6 / (1024 * 1024),
  G: 1e9 / (1024 * 1024),
  T: 1e12 / (1024 * 1024),
};

/** `"500m"` → 500, `"2"` → 2000, `"0.5"` → 500; undefined when not a CPU quantity. */
export function cpuMillis(q: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(m?)$/.exec(q.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  return Math.ceil(m[2] === 'm' ? n : n * 1000);
}

/** `"512Mi"` → 512, `"1Gi"` → 1024, `"1G"` → 954; undefined when not a memory quantity. */
export function memoryMiB(q: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)(Ki|Mi|Gi|Ti|k|M|G|T|)$/.exec(q.trim());
  if (!m) return undefined;
  return Math.ceil(Number(m[1]) * MEMORY_UNITS[m[2]]);
}

export function formatCpu(millis: number): string {
  return millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`;
}

export function formatMemory(mib: number): string {
  return mib % 1024 === 0 ? `${mib / 1024}Gi` : `${mib}Mi`;
}
