/** Environments for the robustness tests: copies of the mini environment with one change. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DOCUMENT_NAMES } from '../../../checks/core/types';
import { MINI_ENV_DIR } from '../../helpers/mini-env';

/** Copies the mini environment to `dir`, then writes `replace` (document → text). */
export function miniCopy(dir: string, replace: Partial<Record<string, string>> = {}): string {
  fs.mkdirSync(dir, { recursive: true });
  for (const d of DOCUMENT_NAMES) fs.copyFileSync(path.join(MINI_ENV_DIR, `${d}.yaml`), path.join(dir, `${d}.yaml`));
  for (const [doc, text] of Object.entries(replace)) fs.writeFileSync(path.join(dir, `${doc}.yaml`), text!);
  return dir;
}

export function miniText(doc: string): string {
  return fs.readFileSync(path.join(MINI_ENV_DIR, `${doc}.yaml`), 'utf8');
}

/** The social-insurance workload pulls from Docker Hub: K8S-027 (unapproved registry) fires on its deployment. */
export function unapprovedImageInventory(): string {
  const text = miniText('inventory');
  const out = text.replace('image: registry.xjbt.gov.cn/hrss/social-insurance:2.3.1', 'image: docker.io/library/social-insurance:2.3.1');
  if (out === text) throw new Error('mini inventory changed: the social-insurance image line is gone');
  return out;
}

/** A policy that raises K8S-027 to critical (blocking at the default failOn high), plus suppressions. */
export function blockingPolicy(suppressions = ''): string {
  return `approvedRegistries:\n  - registry.xjbt.gov.cn\nseverityOverrides:\n  K8S-027: critical\n${suppressions}`;
}

/** One suppression entry of policy.yaml. */
export function suppression(rule: string, target: string, expires: string): string {
  return `  - rule: ${rule}\n    target: ${target}\n    reason: 过渡期镜像 (transition image)\n    approvedBy: 兵团网信办\n    expires: ${expires}\n`;
}
