/**
 * CFG-004 for `--synth DIR`: what is checked is what will be deployed. A cdktf output folder
 * (`DIR/stacks/<stack>/`) is compared with its synthesis record (btyun-synth.json): a stack made
 * from another environment (or an earlier version of this one), a stack written without the policy
 * gate, a Terraform file added, removed or changed after synthesis, and a manifest.json other than
 * the recorded one are reported. A folder without a record cannot be told current: that is
 * reported too (fail closed).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Environment } from '../core/types';
import { hashStackFiles, readSynthRecord, SYNTH_RECORD_FILE, type StackRecord } from '../core/synth-record';
import { fileSha256 } from '../core/file-hashes';
import { displayPath } from './normalize/files';
import type { ConfigurationProblem } from './types';

/** The remedy (synthesize again) is CFG-004's remediation: the message says only what is wrong. */
function problem(file: string, stack: string | undefined, zh: string, en: string): ConfigurationProblem {
  return { rule: 'CFG-004', file, ...(stack !== undefined ? { stack } : {}), message: { zh, en } };
}

/**
 * What is wrong with one stack folder against its record entry: made from another environment (or
 * an earlier version of it), written without the policy gate, a Terraform file added, removed or
 * changed since. None: the folder is what the gate wrote from this environment as it is now.
 */
export function stackRecordProblems(id: string, entry: StackRecord, stackDir: string, shown: string, env: Environment): ConfigurationProblem[] {
  const out: ConfigurationProblem[] = [];
  const file = `${shown}/cdk.tf.json`;
  if (entry.environment?.fingerprint !== env.fingerprint) {
    const from = typeof entry.environment?.name === 'string' ? entry.environment.name : '?';
    out.push(problem(file, id, `栈 ${id} 由另一环境或其旧版本（${from}）合成，而非当前的 ${env.name}`, `stack ${id} was synthesized from another environment or an earlier version of it (${from}), not from ${env.name} as it is now`));
  }
  if (entry.gate?.checkedBy !== 'policy-gate') {
    out.push(problem(file, id, `栈 ${id} 未经合规门禁写出（如 btyun check 的临时合成）`, `stack ${id} was not written through the policy gate (e.g. a temporary synthesis of btyun check)`));
  }
  const now = hashStackFiles(stackDir);
  const then = entry.files ?? {};
  for (const name of [...new Set([...Object.keys(now), ...Object.keys(then)])].sort()) {
    const f = `${shown}/${name}`;
    if (then[name] === undefined) out.push(problem(f, id, `${name} 在合成之后被加入栈 ${id}（Terraform 会加载它）`, `${name} was added to stack ${id} after synthesis (Terraform loads it)`));
    else if (now[name] === undefined) out.push(problem(f, id, `${name} 在合成之后从栈 ${id} 删除`, `${name} was removed from stack ${id} after synthesis`));
    else if (now[name] !== then[name]) out.push(problem(f, id, `${name} 在合成之后被修改`, `${name} was changed after synthesis`));
  }
  return out;
}

export function verifySynthRecord(dir: string, cwd: string, env: Environment): ConfigurationProblem[] {
  const abs = path.resolve(cwd, dir);
  const stacksDir = path.join(abs, 'stacks');
  if (!fs.existsSync(stacksDir)) return []; // a folder of *.tf.json, not a synthesized output
  const shownDir = displayPath(abs, cwd);
  const record = readSynthRecord(abs);
  if (record === undefined) {
    return [problem(`${shownDir}/${SYNTH_RECORD_FILE}`, undefined, '该输出目录不是 btyun 合成的（没有 btyun-synth.json）：无法确认它由哪个环境生成、此后是否被修改', 'this output folder was not written by btyun (no btyun-synth.json): which environment it was made from, and whether it changed since, cannot be told')];
  }
  if (record === 'unreadable') {
    return [problem(`${shownDir}/${SYNTH_RECORD_FILE}`, undefined, 'btyun-synth.json 不是有效的合成记录', 'btyun-synth.json is not a synthesis record')];
  }
  const out: ConfigurationProblem[] = [];
  const folders = fs
    .readdirSync(stacksDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  for (const id of folders) {
    const shown = `${shownDir}/stacks/${id}`;
    const entry = Object.prototype.hasOwnProperty.call(record.stacks, id) ? record.stacks[id] : undefined;
    if (entry === undefined || entry === null || typeof entry !== 'object') {
      out.push(problem(`${shown}/cdk.tf.json`, id, `栈 ${id} 不在合成记录中（合成之后加入）`, `stack ${id} is not in the synthesis record (added after synthesis)`));
      continue;
    }
    out.push(...stackRecordProblems(id, entry, path.join(stacksDir, id), shown, env));
  }
  for (const id of Object.keys(record.stacks).sort()) {
    if (!folders.includes(id)) out.push(problem(`${shownDir}/stacks/${id}`, id, `合成记录中的栈 ${id} 已被删除`, `stack ${id} of the synthesis record was removed after synthesis`));
  }
  out.push(...manifestProblems(abs, shownDir, record.manifest));
  return out;
}

/**
 * manifest.json tells `cdktf deploy` which folder holds each stack: one edited to point a stack
 * elsewhere would deploy a folder no record vouches for. It must be the one the record names.
 */
export function manifestProblems(abs: string, shownDir: string, recorded: string | undefined): ConfigurationProblem[] {
  const file = `${shownDir}/manifest.json`;
  if (typeof recorded !== 'string') {
    return [problem(file, undefined, '合成记录未记载 manifest.json 的哈希：无法确认 cdktf deploy 从哪个目录部署各栈', 'the synthesis record holds no hash of manifest.json: which folder cdktf deploy takes each stack from cannot be told')];
  }
  let now: string;
  try {
    now = fileSha256(path.join(abs, 'manifest.json'));
  } catch {
    return [problem(file, undefined, 'manifest.json 在合成之后被删除或无法读取', 'manifest.json was removed after synthesis, or cannot be read')];
  }
  return now === recorded ? [] : [problem(file, undefined, 'manifest.json 在合成之后被修改（它告诉 cdktf deploy 各栈所在的目录）', 'manifest.json was changed after synthesis (it tells cdktf deploy which folder holds each stack)')];
}
