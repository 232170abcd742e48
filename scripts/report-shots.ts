/**
 * `npm run report:shots`: screenshots of the report of both shipped environments for the docs
 * (docs/img/report-<env>.png at 1366 px, docs/img/report-<env>-phone.png at 390 px), taken in
 * Debian's Chromium with the network refused. The reports are made by the built CLI.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { launchChromium, openOffline } from './browser';

const ROOT = path.resolve(__dirname, '..', '..');
const ENVIRONMENTS = ['production', 'baseline-2017'];

function report(env: string, out: string): string {
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'btyun.js'), 'report', '--env', env, '--output', out], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`btyun report --env ${env} exited ${r.status}: ${r.stderr}`);
  return fs.readFileSync(out, 'utf8');
}

async function main(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-shots-'));
  const browser = await launchChromium();
  try {
    fs.mkdirSync(path.join(ROOT, 'docs', 'img'), { recursive: true });
    for (const env of ENVIRONMENTS) {
      const html = report(env, path.join(tmp, `${env}.html`));
      for (const [suffix, width, height] of [['', 1366, 1500], ['-phone', 390, 1500]] as const) {
        const { page, requests } = await openOffline(browser, html, width, height);
        if (requests.length > 0) throw new Error(`the ${env} report asked for ${requests.join(', ')}`);
        const file = path.join(ROOT, 'docs', 'img', `report-${env}${suffix}.png`);
        await page.screenshot({ path: file });
        await page.context().close();
        console.log(`wrote ${path.relative(ROOT, file)}`);
      }
    }
  } finally {
    await browser.close();
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(`report:shots: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
