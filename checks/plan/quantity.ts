/**
 * Kubernetes resource quantities (`500m`, `2`, `1.5`, `1Gi`, `512Mi`, `1G`, `1e3`) read exactly:
 * the decimal is scaled with BigInt and rounded up, as Kubernetes does, so that `0.1` CPU is
 * 100 millicores and not 100.00000000000001.
 */

const QUANTITY = /^\+?(\d+(?:\.\d*)?|\.\d+)(?:(Ki|Mi|Gi|Ti|Pi|Ei)|(n|u|m|k|M|G|T|P|E)|[eE]([+-]?\d{1,2}))?$/;

const BINARY_POWER: Readonly<Record<string, number>> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL_EXPONENT: Readonly<Record<string, number>> = { n: -9, u: -6, m: -3, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 };

/**
 * The quantity in units of 10^-scale (scale 3 = milli-units, 0 = base units), rounded up;
 * undefined when it is not a non-negative Kubernetes quantity.
 */
export function parseQuantity(raw: string | number, scale: number): bigint | undefined {
  const text = typeof raw === 'number' ? String(raw) : raw.trim();
  const m = QUANTITY.exec(text);
  if (!m) return undefined;
  const [, number, binary, decimal, exponent] = m;
  const [whole, fraction = ''] = number.split('.');
  let numerator = BigInt((whole || '0') + fraction);
  let tens = scale - fraction.length;
  if (binary) numerator *= 1024n ** BigInt(BINARY_POWER[binary]);
  if (decimal) tens += DECIMAL_EXPONENT[decimal];
  if (exponent) tens += Number(exponent);
  if (tens >= 0) return numerator * 10n ** BigInt(tens);
  const denominator = 10n ** BigInt(-tens);
  return (numerator + denominator - 1n) / denominator; // round up
}

/** CPU quantity in millicores (`500m` → 500, `2` → 2000). */
export function cpuMillicores(raw: string | number): number | undefined {
  const v = parseQuantity(raw, 3);
  return v === undefined ? undefined : Number(v);
}

/** Memory quantity in bytes (`1Gi` → 1073741824, `1G` → 1000000000). */
export function memoryBytes(raw: string | number): number | undefined {
  const v = parseQuantity(raw, 0);
  return v === undefined ? undefined : Number(v);
}

export const BYTES_PER_GIB = 1024 ** 3;
