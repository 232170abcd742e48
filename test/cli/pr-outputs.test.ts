/**
 * Issue 14 (3): markdown for one pull-request comment (`check`, `migration`) — summary first, the
 * blocking findings, the rest folded or counted, never over 65,536 characters — and
 * `btyun migration --base PATH`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PACKAGE_ROOT } from '../../checks/core/version';
import { runProcess } from '../helpers/run-process';
import { tmpFiles } from '../helpers/tmp-files';

const BIN = path.join(PACKAGE_ROOT, 'bin/btyun.js');
const LIMIT = 65_536;
const { dir: tmp } = tmpFiles('btyun-pr-');

function btyun(...args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return runProcess(process.execPath, [BIN, ...args], { cwd: PACKAGE_ROOT });
}

describe('markdown fits one pull-request comment', () => {
  it('check on baseline-2017: summary first, every blocking finding, the rest folded or counted', async () => {
    const r = await btyun('check', '--env', 'baseline-2017', '--as-of', '2018-07-01', '--format', 'markdown');
    expect(r.status).toBe(1);
    const md = r.stdout;
    expect(md.length).toBeLessThanOrEqual(LIMIT);
    expect(md.startsWith('# btyun check — baseline-2017')).toBe(true);
    const json = JSON.parse((await btyun('check', '--env', 'baseline-2017', '--as-of', '2018-07-01', '--format', 'json')).stdout);
    const blocking = json.findings.filter((f: { suppressed: boolean; severity: string }) => !f.suppressed && (f.severity === 'critical' || f.severity === 'high'));
    expect(md).toContain(`blocking 阻断: ${blocking.length}`);
    // The summary table comes before any finding; the blocking sections before anything folded.
    expect(md.indexOf('| critical 严重 |')).toBeLessThan(md.indexOf('## critical'));
    expect(md.indexOf('## high')).toBeLessThan(md.indexOf('below fail-on'));
    // Every blocking finding is listed or counted: shown rows + counted rest = blocking.
    const blockingPart = md.slice(md.indexOf('## critical'), md.indexOf('## medium'));
    const shown = (blockingPart.match(/^\| [A-Z0-9]+-\d{3}/gm) ?? []).length;
    const counted = [...blockingPart.matchAll(/… (\d+) more not shown/g)].reduce((n, m) => n + Number(m[1]), 0);
    expect(shown + counted).toBe(blocking.length);
    expect((md.match(/<details>/g) ?? []).length).toBe((md.match(/<\/details>/g) ?? []).length);
  });

  it('migration on a generated 2,000-system environment', async () => {
    const out = path.join(tmp, 'g2000');
    const gen = await btyun('gen', '--systems', '2000', '--seed', '1', '--out', out);
    expect(gen.status).toBe(0);
    const r = await btyun('migration', '--env', out, '--format', 'markdown');
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBeLessThanOrEqual(LIMIT);
    expect(r.stdout.length).toBeGreaterThan(LIMIT / 2);
    expect(r.stdout.startsWith('## 迁移计划 Migration plan — g2000')).toBe(true);
    expect(r.stdout).toContain('**PASS 通过**');
    expect(r.stdout).toMatch(/… \d+ more not shown/);
    expect(r.stdout).toContain('各中心容量 Capacity after');
    // With --base (the same environment re-planned), the changes come right after the summary, still within the limit.
    const diff = await btyun('migration', '--env', out, '--base', out, '--format', 'markdown');
    expect(diff.stdout.length).toBeLessThanOrEqual(LIMIT);
    expect(diff.stdout).toContain('0 added 新增, 0 removed 删除, 0 moved 位置变更, 0 re-planned 计划变更, 0 capacity changes 容量变化');
  });
});

describe('btyun migration --base PATH', () => {
  /** production with one system re-planned to another center, one added, one moved. */
  function changed(): string {
    const dir = path.join(tmp, 'prod-changed');
    fs.cpSync(path.join(PACKAGE_ROOT, 'environments/production'), dir, { recursive: true });
    const mig = path.join(dir, 'migration.yaml');
    const text = fs.readFileSync(mig, 'utf8');
    const at = text.indexOf('- system: dzzwb-unified-identity');
    const to = text.indexOf('to: corps-primary', at);
    fs.writeFileSync(mig, text.slice(0, to) + 'to: corps-dr-local' + text.slice(to + 'to: corps-primary'.length));
    return dir;
  }
  const dir = changed();

  it('text, json and markdown name the re-planned system and the capacity change per center and wave', async () => {
    const json = await btyun('migration', '--env', dir, '--base', 'production', '--as-of', '2018-07-01', '--format', 'json');
    expect(json.stderr).toBe('');
    const d = JSON.parse(json.stdout).diff;
    expect(d.base).toBe('production');
    expect(d.added).toEqual([]);
    expect(d.replanned).toEqual([{ system: 'dzzwb-unified-identity', before: [{ wave: 'wave-1', to: 'corps-primary' }], after: [{ wave: 'wave-1', to: 'corps-dr-local' }] }]);
    const w1 = d.capacity.filter((c: { wave: string }) => c.wave === 'wave-1');
    expect(w1.map((c: { center: string }) => c.center).sort()).toEqual(['corps-dr-local', 'corps-primary']);
    const plus = w1.find((c: { center: string }) => c.center === 'corps-dr-local');
    const minus = w1.find((c: { center: string }) => c.center === 'corps-primary');
    expect(plus.cpu).toBeGreaterThan(0);
    expect(minus.cpu).toBe(-plus.cpu);
    const text = await btyun('migration', '--env', dir, '--base', 'production', '--as-of', '2018-07-01');
    expect(text.stdout).toContain('re-planned 计划变更 dzzwb-unified-identity: wave-1 → corps-primary ⇒ wave-1 → corps-dr-local');
    const md = await btyun('migration', '--env', dir, '--base', 'production', '--as-of', '2018-07-01', '--format', 'markdown');
    expect(md.stdout).toContain('### 变更 Changes vs `production`');
    expect(md.stdout.indexOf('### 变更 Changes')).toBeLessThan(md.stdout.indexOf('### MIG'));
    expect(md.stdout).toMatch(/\| wave-1 \| corps-dr-local \| \+\d+ \|/);
  });

  it('an added system and a system whose location changed', async () => {
    const json = JSON.parse((await btyun('migration', '--env', 'production', '--base', 'baseline-2017', '--as-of', '2018-07-01', '--format', 'json')).stdout).diff;
    expect(json.added.length + json.removed.length + json.moved.length + json.replanned.length).toBeGreaterThan(0);
    for (const m of json.moved) expect(m.from).not.toEqual(m.to);
  });
});
