/**
 * What a file's parse silently dropped — a block hidden by an argument of the same name (HCL), a
 * key written twice in one object (JSON) — as CFG-001 problems: the rules never saw it, so it
 * cannot be verified. The problem names the resource and the field path where it can.
 */
import { printable } from '../../core/printable';
import { fieldPath, type PathStep } from '../judged-fields';
import type { ConfigurationProblem, Resource } from '../types';
import type { ConfigFile } from './terraform-files';

interface Where {
  readonly stack: string;
  /** Module address prefix (`module.m.`), empty in the root module. */
  readonly prefix: string;
}

function problem(f: ConfigFile, where: Where, line: number, zh: string, en: string, resource?: Resource, address?: string): ConfigurationProblem {
  return {
    rule: 'CFG-001',
    message: { zh: printable(zh), en: printable(en) },
    file: f.file,
    line,
    stack: where.stack,
    ...(address !== undefined ? { address } : {}),
    ...(resource !== undefined ? { resource } : {}),
  };
}

/** `['spec', 0, 'container', 1]` → spec, container[1]. */
function stepsOf(path: readonly (string | number)[]): PathStep[] {
  const steps: PathStep[] = [];
  for (const p of path) {
    if (typeof p === 'number') {
      const last = steps.pop();
      if (last) steps.push({ name: last.name, index: p });
    } else steps.push({ name: p });
  }
  return steps;
}

/** `resource[i].TYPE[i].NAME[i].rest…` → type, name and the rest; undefined outside a resource body. */
function inResource(path: readonly (string | number)[]): { type: string; name: string; rest: (string | number)[] } | undefined {
  const keys = [...path];
  if (keys.shift() !== 'resource') return undefined;
  if (typeof keys[0] === 'number') keys.shift();
  const type = keys.shift();
  if (typeof keys[0] === 'number') keys.shift();
  const name = keys.shift();
  if (typeof keys[0] === 'number') keys.shift(); // a body written as a list of one
  return typeof type === 'string' && typeof name === 'string' ? { type, name, rest: keys } : undefined;
}

export function hiddenBlockProblems(f: ConfigFile, resources: readonly Resource[], where: Where): ConfigurationProblem[] {
  if (f.shadowed.length === 0 && f.duplicateKeys.length === 0) return [];
  const byAddress = new Map(resources.map((r) => [r.address, r]));
  const out: ConfigurationProblem[] = [];
  for (const s of f.shadowed) {
    const address = `${where.prefix}${s.type}.${s.name}`;
    const at = fieldPath([...s.path, { name: s.field }]);
    out.push(
      problem(
        f,
        where,
        s.line,
        `${address}：${at} 同时写成参数（${s.field} = …）和块（${s.field} { … }）；读取 HCL 时只保留参数，该块无法验证`,
        `${address}: ${at} is written both as an argument (${s.field} = …) and as a block (${s.field} { … }); reading the HCL keeps only the argument, so the block cannot be verified`,
        byAddress.get(address),
        address,
      ),
    );
  }
  for (const d of f.duplicateKeys) {
    const r = inResource(d.path);
    if (r) {
      const address = `${where.prefix}${r.type}.${r.name}`;
      const at = fieldPath([...stepsOf(r.rest), { name: d.key }]);
      out.push(
        problem(
          f,
          where,
          d.line,
          `${address}：${at} 在同一 JSON 对象中写了两次（重复键 "${d.key}"）；JSON 读取时只保留最后一个，其余无法验证`,
          `${address}: ${at} is written twice in one JSON object (duplicate key "${d.key}"); reading the JSON keeps only the last one, so the other cannot be verified`,
          byAddress.get(address),
          address,
        ),
      );
    } else {
      const at = d.path.length > 0 ? d.path.join('/') : '(top level)';
      out.push(
        problem(
          f,
          where,
          d.line,
          `${f.file}：键 "${d.key}" 在同一 JSON 对象（${at}）中写了两次；JSON 读取时只保留最后一个，其余无法验证`,
          `${f.file}: the key "${d.key}" is written twice in one JSON object (${at}); reading the JSON keeps only the last one, so the other cannot be verified`,
        ),
      );
    }
  }
  return out;
}
