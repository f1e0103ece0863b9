/**
 * Headless Chromium for the page tests (tests/browser/), driven by
 * playwright-core. The browser is Debian's `chromium` (with fonts-wqy-microhei
 * so that Chinese renders as text, not boxes): `.ci/run` installs both;
 * CHROMIUM_PATH names another binary. Playwright's own browser downloads are
 * not used (they need a network this machine does not have).
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Screenshots go beside the test reports (.test-results/, see .ci/run). */
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../.test-results/screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    // As root (CI) Chromium needs --no-sandbox; the network flags stop it from
    // calling Google's services, which a closed network refuses by the dozen.
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--lang=zh-CN',
    ],
  });
}

/** Writes a full-page PNG under the test results; answers its path. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/**
 * Records what the page tries to load from anywhere but `origin` and refuses it,
 * so a test can assert the page works offline (no CDN), and collects the
 * page's uncaught errors and console errors.
 */
export async function watchPage(page: Page, origin: string): Promise<{ foreign: string[]; errors: string[] }> {
  const foreign: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', async (route) => {
    const url = route.request().url();
    const { protocol } = new URL(url);
    if (new URL(url).origin === origin || protocol === 'data:' || protocol === 'blob:') await route.continue();
    else {
      foreign.push(url);
      await route.abort();
    }
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  return { foreign, errors };
}
