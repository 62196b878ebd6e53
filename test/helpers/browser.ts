import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'puppeteer-core';

/** Debian's Chromium, or CHROMIUM_PATH. The browser test never downloads one. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = existsSync(CHROMIUM);
/** Why the browser test did not run, for the test's name and the run's summary. */
export const SKIP_REASON = `${CHROMIUM} not found; install it with apt-get install chromium, as .ci/run does, or set CHROMIUM_PATH`;

/** Flags that work in a root container without a GPU, with nothing reaching out to the network. */
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

export interface BrowserSession {
  browser: Browser;
  close: () => Promise<void>;
}

/** Launches Chromium with a fresh profile folder, removed on close. */
export async function launchChromium(): Promise<BrowserSession> {
  const puppeteer = (await import('puppeteer-core')).default;
  const profile = mkdtempSync(path.join(os.tmpdir(), 'crm-audit-chromium-'));
  const browser = await puppeteer.launch({ executablePath: CHROMIUM, headless: true, args: [...FLAGS, `--user-data-dir=${profile}`] });
  return {
    browser,
    close: async () => {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export interface PageLog {
  consoleErrors: string[];
  /** Every request the page made after its own document: a self-contained page makes none. */
  requests: string[];
}

/** Opens a local file and records console errors, page errors and requests. */
export async function openFile(browser: Browser, file: string): Promise<{ page: Page; log: PageLog }> {
  const page = await browser.newPage();
  const url = `file://${file}`;
  const log: PageLog = { consoleErrors: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') log.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => log.consoleErrors.push(String(e)));
  page.on('request', (r) => {
    if (r.url() !== url) log.requests.push(r.url());
  });
  await page.setViewport({ width: 900, height: 1200 });
  await page.goto(url, { waitUntil: 'networkidle0' });
  return { page, log };
}

/** Pages in a PDF: its page objects (`/Type /Page`, not `/Pages`). */
export function countPdfPages(pdf: Uint8Array): number {
  return Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g)?.length ?? 0;
}
