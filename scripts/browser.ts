/**
 * A real Chromium for the report's browser tests and screenshots: Debian's `/usr/bin/chromium`
 * driven by playwright-core (no browser download), headless, as root on CI (--no-sandbox), with
 * every request the page makes recorded and refused — a report that needs the network fails.
 */
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.BTYUN_CHROMIUM ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-background-networking', '--disable-gpu'] });
}

export interface OfflinePage {
  readonly page: Page;
  /** Every URL the page asked for (all refused), except the report itself. */
  readonly requests: string[];
}

/** A page of `width`×`height` showing `html` (set as content: no file, no server), offline. */
export async function openOffline(browser: Browser, html: string, width: number, height = 900): Promise<OfflinePage> {
  const context = await browser.newContext({ viewport: { width, height }, offline: true, javaScriptEnabled: false });
  const page = await context.newPage();
  const requests: string[] = [];
  // Recorded twice over: the context's request events see what a route might not (a service worker).
  context.on('request', (r) => void requests.push(r.url()));
  await page.route('**/*', (route) => route.abort());
  await page.setContent(html, { waitUntil: 'load' });
  return { page, requests };
}
