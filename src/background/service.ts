import { ClaimBase, supportsLanguage } from '../claims/claim-base';
import { claimsOnPage } from '../claims/views';
import type { CStoBG, MatchReply, ReportReply, TabReport, UItoBG } from '../messaging/contract';
import type { Pack } from '../packs/types';
import { collectGarbage, loadPacks, type ClaimDb } from '../store/db';
import { seedBundled, validBundledPacks } from '../store/seed';

/** What the background needs from the browser, passed in so that tests can run it without one. */
export interface BackgroundEnv {
  openDb(): Promise<ClaimDb>;
  bundled: readonly unknown[];
  /** Shows the number of claims found on a tab ('' for none). */
  setBadge(tabId: number, text: string): Promise<void>;
  /** Keeps a tab's report across service-worker restarts (storage.session); null forgets it. */
  saveReport(tabId: number, report: TabReport | null): Promise<void>;
  loadReport(tabId: number): Promise<TabReport | undefined>;
  log(message: string): void;
}

/**
 * The background's work: it owns the claim database, matches what content scripts send, keeps one report per
 * tab for the popup, and keeps the badge in step.
 */
export class BackgroundService {
  /** Resolves once the claims are loaded (from IndexedDB, or from the bundled packs if storage fails). */
  readonly ready: Promise<ClaimBase>;
  private loaded = false;
  private readonly reports = new Map<number, TabReport>();

  constructor(private readonly env: BackgroundEnv) {
    this.ready = this.load().finally(() => {
      this.loaded = true;
    });
  }

  private async load(): Promise<ClaimBase> {
    const bundled = validBundledPacks(this.env.bundled, this.env.log);
    let packs: Pack[];
    try {
      const db = await this.env.openDb();
      await seedBundled(db, bundled);
      // Leftovers of an update cut off by a browser crash or a service worker stopped mid-way.
      await collectGarbage(db);
      packs = await loadPacks(db);
      db.close();
    } catch (e) {
      // Private windows, a full quota or a broken profile: keep working on what ships with the extension.
      this.env.log(`claim database unavailable, using bundled packs only: ${(e as Error).message}`);
      packs = bundled;
    }
    return new ClaimBase(packs);
  }

  async fromContentScript(msg: CStoBG, tabId: number): Promise<MatchReply | null> {
    if (msg.type === 'cs/not-article') {
      await this.setReport(tabId, { url: msg.url, status: 'not-article', article: null, matches: [], at: Date.now() });
      return null;
    }
    const base = await this.ready;
    const supported = supportsLanguage(msg.article.lang);
    const matches = supported ? base.matchSentences(msg.sentences.map((text) => ({ text })), msg.article.title) : [];
    const status = !supported ? 'unsupported-language' : matches.length ? 'claims' : 'no-claims';
    await this.setReport(tabId, { url: msg.url, status, article: msg.article, matches, at: Date.now() });
    return { status, matches };
  }

  async fromUI(msg: UItoBG): Promise<ReportReply> {
    if (!this.loaded) return { state: 'loading' };
    const base = await this.ready;
    const report = this.reports.get(msg.tabId) ?? (await this.env.loadReport(msg.tabId));
    if (!report) return { state: 'none' };
    return { state: 'ready', report, packs: base.packs.length, claims: base.size };
  }

  /** The tab started loading another page: its report and badge no longer apply. */
  async tabNavigated(tabId: number): Promise<void> {
    if (!this.reports.has(tabId)) return;
    this.reports.delete(tabId);
    await Promise.all([this.env.saveReport(tabId, null), this.env.setBadge(tabId, '')]);
  }

  async tabClosed(tabId: number): Promise<void> {
    this.reports.delete(tabId);
    await this.env.saveReport(tabId, null);
  }

  private async setReport(tabId: number, report: TabReport): Promise<void> {
    this.reports.set(tabId, report);
    const claims = claimsOnPage(report.matches).length;
    await Promise.all([this.env.saveReport(tabId, report), this.env.setBadge(tabId, claims ? String(claims) : '')]);
  }
}
