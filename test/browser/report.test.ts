/**
 * Issue #15, part 5: the report of both shipped environments opened in a real Chromium (Debian's
 * /usr/bin/chromium through playwright-core; JavaScript off — nothing needs a script), as an
 * assessor would: it loads with no network request, nothing overflows sideways at 1366 px or at a
 * phone's 390 px, the SVG topology shows every center of the model, every table-of-contents link
 * has its target, and production prints on fewer than 20 A4 pages.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { inflateSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { loadEnvironment } from '../../checks/core/load';
import { PACKAGE_ROOT } from '../../checks/core/version';
import { launchChromium, openOffline } from '../../scripts/browser';
import { runProcess } from '../helpers/run-process';

/** The little of the DOM the page functions below use (they run in the browser; tests compile without lib.dom). */
interface PageElement {
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { top: number };
}
declare const document: {
  documentElement: { scrollWidth: number; clientWidth: number };
  querySelectorAll(selector: string): ArrayLike<PageElement> & Iterable<PageElement>;
  getElementById(id: string): PageElement | null;
};

const ENVIRONMENTS = ['production', 'baseline-2017'] as const;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'btyun-browser-'));
const html = new Map<string, string>();
let browser: Browser;

beforeAll(async () => {
  for (const env of ENVIRONMENTS) {
    const out = path.join(tmp, `${env}.html`);
    const r = await runProcess(process.execPath, [path.join(PACKAGE_ROOT, 'bin', 'btyun.js'), 'report', '--env', env, '--output', out], { cwd: PACKAGE_ROOT });
    // production passes (0), the 2017 baseline fails (1): both write the report.
    expect([0, 1], r.stderr).toContain(r.status);
    html.set(env, fs.readFileSync(out, 'utf8'));
  }
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** Pages of a PDF that Chromium printed (its PDFs keep page objects uncompressed). */
function pdfPages(pdf: Buffer): number {
  return (pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
}

/** Text objects (`BT` … `ET`) in the PDF's content streams (Flate-compressed by Chromium). */
function pdfTextObjects(pdf: Buffer): number {
  const s = pdf.toString('latin1');
  let count = 0;
  for (let i = s.indexOf('stream\n'); i >= 0; i = s.indexOf('stream\n', i + 1)) {
    const end = s.indexOf('endstream', i);
    if (end < 0) break;
    try {
      count += (inflateSync(Buffer.from(s.slice(i + 7, end), 'latin1')).toString('latin1').match(/\bBT\b/g) ?? []).length;
    } catch {
      // not a Flate stream (an image, a font): no text of the page
    }
    i = end;
  }
  return count;
}

describe.each(ENVIRONMENTS)('the %s report in Chromium', (name) => {
  const env = loadEnvironment(name, { cwd: PACKAGE_ROOT });

  it.each([1366, 390])('loads with no network request and no horizontal overflow at %i px', async (width) => {
    const { page, requests } = await openOffline(browser, html.get(name)!, width);
    try {
      const m = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, sections: document.querySelectorAll('section').length }));
      expect(requests).toEqual([]);
      expect(m.sections).toBeGreaterThanOrEqual(8);
      expect(m.scroll).toBeLessThanOrEqual(m.client);
    } finally {
      await page.context().close();
    }
  });

  it('shows every center of the model in the SVG topology, inside the picture', async () => {
    const { page } = await openOffline(browser, html.get(name)!, 1366);
    try {
      const svg = await page.locator('svg.topo').boundingBox();
      expect(svg).not.toBeNull();
      for (const c of env.topology.centers) {
        const box = page.locator(`svg.topo g[data-center="${c.id}"]`);
        expect(await box.count(), c.id).toBe(1);
        const b = (await box.boundingBox())!;
        expect(b.width, c.id).toBeGreaterThan(40);
        expect(b.x).toBeGreaterThanOrEqual(svg!.x);
        expect(b.x + b.width).toBeLessThanOrEqual(svg!.x + svg!.width + 0.5);
        expect(await box.locator('text').allTextContents()).toContain(c.id);
      }
    } finally {
      await page.context().close();
    }
  });

  it('resolves every table-of-contents and in-page link', async () => {
    const { page } = await openOffline(browser, html.get(name)!, 1366);
    try {
      const links = await page.evaluate(() => [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')!));
      expect(links.length).toBeGreaterThan(8);
      expect(links.filter((l) => !l.startsWith('#'))).toEqual([]);
      const missing = await page.evaluate((ids) => ids.filter((id) => document.getElementById(id) === null), links.map((l) => decodeURIComponent(l.slice(1))));
      expect(missing).toEqual([]);
      // Following the contents' link to the findings scrolls there.
      await page.locator('nav a[href="#findings"]').first().click();
      const top = await page.evaluate(() => document.getElementById('findings')!.getBoundingClientRect().top);
      expect(Math.abs(top)).toBeLessThan(5);
    } finally {
      await page.context().close();
    }
  });
});

describe('the harness', () => {
  it('sees and refuses a request when a page makes one (so "no request" above means none)', async () => {
    const { page, requests } = await openOffline(browser, '<!DOCTYPE html><img src="http://example.invalid/x.png"><link rel="stylesheet" href="https://example.invalid/s.css">', 390);
    try {
      expect([...requests].sort()).toEqual(['http://example.invalid/x.png', 'https://example.invalid/s.css']);
    } finally {
      await page.context().close();
    }
  });
});

describe('printing', () => {
  it('prints production on fewer than 20 A4 pages', async () => {
    const { page } = await openOffline(browser, html.get('production')!, 1366);
    try {
      const pdf = await page.pdf({ preferCSSPageSize: true, format: 'A4' });
      const pages = pdfPages(pdf);
      expect(pages).toBeGreaterThan(1);
      expect(pages).toBeLessThan(20);
    } finally {
      await page.context().close();
    }
  });

  it('prints the page margin boxes: the running header and the page numbers', async () => {
    const print = async (page: string): Promise<Buffer> => {
      const { page: p } = await openOffline(browser, page, 1366);
      try {
        return await p.pdf({ preferCSSPageSize: true, format: 'A4' });
      } finally {
        await p.context().close();
      }
    };
    const report = html.get('production')!;
    const bare = report.replace(/@top-left\{[^}]*\}@bottom-right\{[^}]*\}/, '');
    expect(bare).not.toBe(report);
    const [withBoxes, without] = [await print(report), await print(bare)];
    expect(pdfPages(withBoxes)).toBe(pdfPages(without));
    // The margin boxes print text of their own (Chromium merges text objects, so not an exact count).
    expect(pdfTextObjects(withBoxes)).toBeGreaterThan(pdfTextObjects(without));
  });
});
