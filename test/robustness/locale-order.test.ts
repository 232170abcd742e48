/**
 * Issue 12 — order never depends on the locale: the same synth and check under LANG / LC_ALL =
 * C, da_DK.UTF-8 (where "aa" sorts after "z"), cs_CZ.UTF-8 ("ch" after "h") and zh_CN.UTF-8 give
 * byte-identical output. The environment's DR center ids are chosen so that the locales disagree.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DOCUMENT_NAMES } from '../../checks/core/types';
import { runBuilt } from './support/built-cli';
import { miniCopy, miniText } from './support/envs';

const tmpRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-locale-'));
afterAll(() => fs.rmSync(tmpRoot, { recursive: true, force: true }));

const LOCALES = ['C', 'da_DK.UTF-8', 'cs_CZ.UTF-8', 'zh_CN.UTF-8'];
/** Under da_DK `corps-dr-aa` sorts after `corps-dr-b`; under C before it. */
const RENAME: [string, string][] = [['corps-dr-urumqi', 'corps-dr-b'], ['corps-dr-shihezi', 'corps-dr-aa']];

function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = fs.readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

describe('issue 12: code-point order under every locale', () => {
  it('synth and check give the same bytes under C, da_DK, cs_CZ and zh_CN', async () => {
    const texts = Object.fromEntries(DOCUMENT_NAMES.map((d) => [d, RENAME.reduce((t, [a, b]) => t.split(a).join(b), miniText(d))]));
    // Both corps DR centers in another city than the primary: both are DR candidates, the order of their ids decides.
    const topo = texts.topology!;
    const at = topo.indexOf('city: 乌鲁木齐市', topo.indexOf('id: corps-dr-b'));
    expect(at).toBeGreaterThan(0);
    texts.topology = `${topo.slice(0, at)}city: 奎屯市${topo.slice(at + 'city: 乌鲁木齐市'.length)}`;
    const results: { synth: Record<string, string>; check: string; code: number | null }[] = [];
    for (const locale of LOCALES) {
      const dir = path.join(tmpRoot, locale.replace(/\W/g, '-'));
      miniCopy(path.join(dir, 'env'), texts);
      const env = { LANG: locale, LC_ALL: locale, LC_COLLATE: locale };
      // The gate refuses this synth (TOPO-002: no same-city DR center): its report is compared too.
      const synth = await runBuilt(['synth', '--env', 'env', '--out', 'out'], dir, env);
      const check = await runBuilt(['check', '--env', 'env', '--as-of', '2018-07-01', '--format', 'json'], dir, env);
      const text = await runBuilt(['check', '--env', 'env', '--as-of', '2018-07-01', '--format', 'text'], dir, env);
      results.push({ synth: { ...(fs.existsSync(path.join(dir, 'out')) ? tree(path.join(dir, 'out')) : {}), '(stderr)': synth.stderr.replace(/as of 检查日期 \S+/, '') }, check: check.stdout + text.stdout, code: check.code });
    }
    for (let i = 1; i < results.length; i++) {
      expect(results[i].code, LOCALES[i]).toBe(results[0].code);
      expect(results[i].check, `check under ${LOCALES[i]}`).toBe(results[0].check);
      expect(Object.keys(results[i].synth), LOCALES[i]).toEqual(Object.keys(results[0].synth));
      for (const f of Object.keys(results[0].synth)) expect(results[i].synth[f], `${f} under ${LOCALES[i]}`).toBe(results[0].synth[f]);
    }
  }, 300_000);
});
