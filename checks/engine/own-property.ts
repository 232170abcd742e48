/**
 * Writing a key that came from an input into an object being built. `o[k] = v` with `k` =
 * `__proto__` would set the object's prototype instead (the key lost, the value's fields inherited);
 * JSON.parse makes `__proto__` an own key like any other, and so must every copy of its output.
 */
export function setOwn(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, writable: true, enumerable: true, configurable: true });
  else o[k] = v;
}

/** `o[k]` when `o` has its own key `k` (never a value inherited from Object.prototype). */
export function ownValue(o: Readonly<Record<string, unknown>>, k: string): unknown {
  return Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined;
}
