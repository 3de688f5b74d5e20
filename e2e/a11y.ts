import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "@playwright/test";

/**
 * WCAG 2.1 AA on every page the suite visits: each page of the portal's own origin is scanned
 * with axe after every load and client-side navigation, and once more at the end of the test
 * (dialogs, results). Serious and critical violations fail the test that visited the page.
 * Repeat visits to the same route (ids and numbers ignored) in the same mode are scanned once
 * per worker, so the suite does not pay for the same page twenty times.
 */
export type UiMode = "normal" | "elderly";
export type A11yViolation = { url: string; mode: UiMode; rule: string; impact: string; help: string; targets: string[] };

const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
/** A scan that has not finished by then is abandoned (a page stuck mid-navigation), not waited for. */
const SCAN_TIMEOUT_MS = 30_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error("axe scan timed out")), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
const scannedRoutes = new Set<string>();

function routeKey(url: URL, mode: UiMode): string {
  const path = url.pathname.replace(/[0-9a-f]{8}-[0-9a-f-]{27}/gi, ":id").replace(/\d{3,}/g, ":n");
  return `${mode} ${path}?${[...url.searchParams.keys()].sort().join("&")}`;
}

export class AccessibilityWatch {
  readonly violations: A11yViolation[] = [];
  private readonly pending = new Set<Promise<void>>();
  private readonly pages = new Set<Page>();

  constructor(
    private readonly origin: string,
    private readonly mode: UiMode,
  ) {}

  private async scan(page: Page, force: boolean): Promise<void> {
    if (page.isClosed()) return;
    let url: URL;
    try {
      url = new URL(page.url());
    } catch {
      return;
    }
    if (url.origin !== this.origin) return;
    const key = routeKey(url, this.mode);
    if (!force && scannedRoutes.has(key)) return;
    try {
      await page.waitForLoadState("load", { timeout: 15_000 });
      // A client-side navigation is scanned as its URL commits, before the new page's metadata
      // (its <title>) may have arrived: give it a moment. A page that truly has none still fails.
      await page.waitForFunction(() => document.title.trim() !== "", undefined, { timeout: 5_000 }).catch(() => undefined);
      // axe reads colours as they are this instant: a button the test just clicked may be halfway
      // through its hover transition (a contrast no one ever sees at rest). Settle them first.
      await page.addStyleTag({ content: "*, *::before, *::after { transition: none !important; animation: none !important; }" });
      // Legacy mode runs axe in the page itself; the default opens an extra page in the test's context.
      const result = await withTimeout(new AxeBuilder({ page }).setLegacyMode(true).withTags(TAGS).analyze(), SCAN_TIMEOUT_MS);
      scannedRoutes.add(key);
      for (const v of result.violations) {
        if (v.impact !== "serious" && v.impact !== "critical") continue;
        this.violations.push({
          url: url.pathname + url.search,
          mode: this.mode,
          rule: v.id,
          impact: v.impact,
          help: v.help,
          targets: v.nodes.slice(0, 5).map((n) => n.target.join(" ")),
        });
      }
    } catch {
      // The test navigated or closed the page mid-scan: the next page is scanned on its own.
    }
  }

  private schedule(page: Page, force = false): void {
    const run = this.scan(page, force).finally(() => this.pending.delete(run));
    this.pending.add(run);
  }

  watchPage(page: Page): void {
    this.pages.add(page);
    page.on("framenavigated", (frame) => {
      if (frame === page.mainFrame()) this.schedule(page);
    });
    page.on("close", () => this.pages.delete(page));
  }

  async watchContext(context: BrowserContext): Promise<void> {
    if (this.mode === "elderly") await context.addCookies([{ name: "ow_mode", value: "elderly", url: this.origin }]);
    for (const page of context.pages()) this.watchPage(page);
    context.on("page", (page) => this.watchPage(page));
  }

  /** Every context the test makes itself (browser.newContext) is watched too. */
  patchBrowser(browser: Browser): () => void {
    const original = browser.newContext.bind(browser);
    browser.newContext = async (...args: Parameters<Browser["newContext"]>) => {
      const context = await original(...args);
      await this.watchContext(context);
      return context;
    };
    return () => {
      browser.newContext = original;
    };
  }

  /** Waits for the scans under way, then scans what each open page shows now. */
  async finish(): Promise<void> {
    await Promise.all([...this.pending]);
    for (const page of this.pages) this.schedule(page, true);
    await Promise.all([...this.pending]);
  }

  report(): string {
    return this.violations.map((v) => `[${v.mode}] ${v.url}: ${v.rule} (${v.impact}) ${v.help} — ${v.targets.join(" | ")}`).join("\n");
  }
}
