import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { computeAnnualReport } from '@dul/domain';
import type { EventStore } from '@dul/event-store';
import { EVENT_STORE } from '@dul/event-store';
import { toHtml } from '../apps/reporting/report/render';
import { seedActivity } from '../apps/standalone/seed/seed-activity';
import { readWholeLog } from './support/event-log';
import { startLicensing } from './support/licensing-harness';

const skip = process.env.DUL_SKIP_BROWSER;
const suite = skip ? describe.skip : describe;

suite(`the annual report in a browser (Debian's Chromium, headless)${skip ? ` [SKIPPED: ${skip}]` : ''}`, () => {
  it('renders the seeded report with every chart drawn: each non-zero bar has a width and a height', async () => {
    const h = await startLicensing({}, { startAt: new Date(Date.UTC(2025, 0, 1)) });
    const dir = mkdtempSync(join(tmpdir(), 'dul-report-'));
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    try {
      await seedActivity(h.app, h.clock, { applications: 250, year: 2025, seed: 11 });
      const report = computeAnnualReport(await readWholeLog(h.app.get<EventStore>(EVENT_STORE)), { year: 2025 });
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      await page.setContent(
        toHtml(report, { title: 'Dual-use export controls: annual report 2025 (seeded demo data)' }),
      );
      const bars = await page.$$eval('svg rect.bar', (rects) =>
        rects.map((rect) => {
          const box = rect.getBoundingClientRect();
          return { value: Number(rect.getAttribute('data-value')), width: box.width, height: box.height };
        }),
      );
      const charts = await page.$$eval('svg', (svgs) => svgs.length);
      expect(charts).toBeGreaterThanOrEqual(3);
      const drawn = bars.filter((bar) => bar.value > 0);
      expect(drawn.length).toBeGreaterThan(20);
      expect(drawn.filter((bar) => !(bar.width > 0 && bar.height > 0))).toEqual([]);
      const shot = join(dir, 'report.png');
      await page.screenshot({ path: shot, fullPage: true });
      expect(statSync(shot).size).toBeGreaterThan(20_000);
      if (process.env.DUL_REPORT_SCREENSHOT) copyFileSync(shot, process.env.DUL_REPORT_SCREENSHOT);
    } finally {
      await browser.close();
      await h.close();
      if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
