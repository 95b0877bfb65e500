import { ClaimBase, indexPacks, supportsLanguage } from '../claims/claim-base';
import { claimsOnPage, forPage } from '../claims/views';
import { articleAddress, MAX_HTML_CHARS, type ArticleInfo, type CStoBG, type MatchReply, type PackInfo, type PacksReply, type PageLook, type ReportReply, type TabReport, type TabStatus, type UItoBG } from '../messaging/contract';
import { articleFromHtml } from '../extract/from-html';
import type { Pack } from '../packs/types';
import { checkSubscription, subscribe, unsubscribe, type UpdateOutcome } from '../packs/update';
import { collectGarbage, fingerprintOf, listPacks, loadIndex, loadPacks, lookupClaims, removePack, saveIndex, type ClaimDb, type InMemoryGeneration } from '../store/db';
import { seedBundled, validBundledPacks } from '../store/seed';
import { lookupOnline } from '../online/factcheck-lookup';
import { DEFAULT_SETTINGS, siteDisabled, type Settings } from '../settings';
import { addCorrection, correctionKey, type Correction } from '../corrections';
import { say } from '../ui/i18n';

export interface CorrectionStore {
  list(): Promise<Correction[]>;
  save(list: Correction[]): Promise<void>;
}

/** What the background needs from the browser, passed in so that tests can run it without one. */
export interface BackgroundEnv {
  openDb(): Promise<ClaimDb>;
  bundled: readonly unknown[];
  /**
   * Marks a tab's toolbar button with what was found on its page: the number of claims on the badge (none for no
   * claims), and the page's status in the button's title; null takes both away. The browser takes a tab's marks
   * away itself when the tab loads another document (Chrome and Firefox alike), and keeps them for a move within it.
   */
  markButton(tabId: number, mark: ButtonMark | null): Promise<void>;
  /** Keeps a tab's report across service-worker restarts (storage.session); null forgets it. */
  saveReport(tabId: number, report: TabReport | null): Promise<void>;
  loadReport(tabId: number): Promise<TabReport | undefined>;
  /** Network access for pack subscriptions and the (opt-in) online lookup. */
  fetch?: typeof fetch;
  /** The reader's settings (storage.local); defaults when absent. */
  settings?: () => Promise<Settings>;
  /** The reader's "wrong match" corrections (storage.local). */
  corrections?: CorrectionStore;
  /** Corrections made in private windows, kept in memory only until the browser closes (storage.session). */
  privateCorrections?: CorrectionStore;
  /** Tells a tab's content script to remove a sentence's highlight. */
  hideInTab?(tabId: number, sentence: number): Promise<void>;
  /**
   * What the content script in a tab's page made of it, where the extension may ask (the tab whose toolbar button
   * the reader clicked: activeTab); undefined where it may not, or where no content script ran (a browser page, a
   * page open before the extension was installed).
   */
  askPage?(tabId: number): Promise<(PageLook & { private: boolean }) | undefined>;
  /** Whether the tab's button still carries a mark (`markButton`): false once the tab has loaded another document. */
  buttonMarked?(tabId: number): Promise<boolean>;
  now?: () => number;
  /**
   * When the service worker started and when its script had run, as times since the epoch (ms): each reply to a page
   * gives them, with when the page came, for the benchmark.
   */
  worker?: { started: number; ready: number };
  /** How long a page's last part waits for its other parts (ms; `PART_WAIT_MS` unless a test says otherwise). */
  partWait?: number;
  /** How long the popup's question waits for the claims to load (ms; `REPORT_WAIT_MS` unless a test says otherwise). */
  reportWait?: number;
  /** How long after its answer a page's report waits to be stored and its button marked (ms; `STORE_WAIT_MS` unless a test says otherwise). */
  storeWait?: number;
  log(message: string): void;
}

/** What a tab's toolbar button shows of its report. */
export interface ButtonMark {
  status: TabStatus;
  claims: number;
}

/** How long a page's last part waits for parts of the same read still on their way. */
const PART_WAIT_MS = 5_000;

/**
 * How long the popup's question waits for the claims to load before it is told they are loading (and asks again).
 * The popup is often what wakes the worker (Chrome stops it after 30 s without events, and a reader spends longer on
 * an article): its claims load in a few hundred ms, and the popup showed "loading" and asked again 600 ms later.
 */
const REPORT_WAIT_MS = 2_000;

/**
 * How long after the answer to a page its report waits to be stored and its toolbar button marked. The page then loads
 * its reader stage and paints the highlights, and both go through the browser's process, as do the report's storing
 * (a copy of every match with its coverage, into storage.session) and the button's three calls: done at once, they
 * held the page's highlights back. `npm run bench:ab -- A B --page long-article --runs 15`, builds in turn: highlights
 * 530 → 467 and 478 → 418 ms at 1x, 955 → 853 at 4x (11 rounds); 200 ms bought about half of that. The popup reads
 * the report kept in memory meanwhile; the badge comes that much later.
 */
const STORE_WAIT_MS = 400;

/** A promise that settles as 'late' after `ms`, to race against, and a way to cancel its timer once it is not needed. */
function deadline(ms: number): { late: Promise<'late'>; cancel(): void } {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), ms)));
  return { late, cancel: () => clearTimeout(timer) };
}

/** A page coming in parts (`cs/page-part`): those come so far, by index, and who waits for the next. */
interface PendingPage {
  read: string;
  url: string;
  parts: string[];
  count: number;
  chars: number;
  arrived(): void;
}

const STORAGE_UNAVAILABLE: UpdateOutcome = { ok: false, said: [say('optNoStorage')] };

/**
 * The background's work: it owns the claim database, matches what content scripts send, keeps one report per
 * tab for the popup and the badge in step, and keeps subscribed packs current.
 */
export class BackgroundService {
  private base: Promise<ClaimBase>;
  private loaded = false;
  /** When the claims were last loaded, as a time since the epoch (ms; for the benchmark, with `env.worker`). */
  private claimsAt: number | undefined;
  private collected = false;
  /** Pack versions installed since the claims were last loaded, with their claims (see `loadPacks`). */
  private justInstalled = new Map<string, InMemoryGeneration>();
  private db: Promise<ClaimDb | undefined>;
  private readonly reports = new Map<number, TabReport>();
  /**
   * Per tab, the storing of its last report and the marking of its button, until they are done, and a way to start
   * them at once if they are still waiting (`STORE_WAIT_MS`).
   */
  private readonly storing = new Map<number, { done: Promise<unknown>; now(): void }>();
  /** The parts of a page being sent in parts (`cs/page-part`), by tab: one read at a time. */
  private readonly pageParts = new Map<number, PendingPage>();


  constructor(private readonly env: BackgroundEnv) {
    this.db = this.openDb();
    this.base = this.load();
  }

  /** Resolves once the claims are loaded (from IndexedDB, or from the bundled packs if storage fails). */
  get ready(): Promise<ClaimBase> {
    return this.base;
  }

  private async openDb(): Promise<ClaimDb | undefined> {
    try {
      return await this.env.openDb();
    } catch (e) {
      // Private windows, a full quota or a broken profile: keep working on what ships with the extension.
      this.env.log(`claim database unavailable, using bundled packs only: ${(e as Error).message}`);
      return undefined;
    }
  }

  private async load(): Promise<ClaimBase> {
    this.loaded = false;
    const bundled = validBundledPacks(this.env.bundled, this.env.log);
    let base: ClaimBase | undefined;
    const db = await this.db;
    if (db) {
      try {
        base = await this.loadStored(db, bundled);
      } catch (e) {
        this.env.log(`could not read the claim database, using bundled packs only: ${(e as Error).message}`);
      }
    }
    base ??= new ClaimBase(bundled);
    this.loaded = true;
    this.claimsAt = performance.timeOrigin + performance.now();
    return base;
  }

  /**
   * The claim base from storage: the saved index if it still matches the installed pack versions (the common case
   * when the service worker wakes: no claim is read), else one built from the packs and saved for next time.
   * Claims themselves stay in IndexedDB and are read only when they match.
   */
  private async loadStored(db: ClaimDb, bundled: Pack[]): Promise<ClaimBase> {
    // A pack version just installed is indexed from memory rather than read back.
    const fresh = this.justInstalled;
    this.justInstalled = new Map();
    const installed = await seedBundled(db, bundled);
    // Leftovers of an update cut off by a browser crash or a service worker stopped mid-way.
    if (installed.installed.length || !this.collected) {
      await collectGarbage(db);
      this.collected = true;
    }
    const stored = await listPacks(db);
    const fingerprint = fingerprintOf(stored);
    let index = await loadIndex(db, fingerprint);
    if (!index) {
      index = indexPacks(await loadPacks(db, this.env.log, fresh));
      await saveIndex(db, fingerprint, index).catch((e: Error) => this.env.log(`could not save the index: ${e.message}`));
    }
    const heads = stored.map((p) => ({ format: 'claimlight-pack' as const, version: 1 as const, id: p.id, title: p.title, updated: p.updated, language: p.language, sources: p.sources, claimCount: p.claimCount }));
    return new ClaimBase({ index, heads, lookup: (keys) => lookupClaims(db, stored, keys, this.env.log) });
  }

  /** Rebuilds the claim base after packs changed. */
  reload(): Promise<ClaimBase> {
    this.base = this.load();
    return this.base;
  }

  /**
   * Answers a content script. `inPrivate` says the tab is in a private window: its report says so, the reader's
   * corrections made there are kept in memory only (gone when the browser closes), and the online lookup is not
   * asked even if the reader turned it on.
   */
  async fromContentScript(msg: CStoBG, tabId: number, inPrivate = false): Promise<MatchReply | null> {
    const privately = inPrivate ? { private: true } : {};
    if (msg.type === 'cs/wrong-match') {
      await this.wrongMatch(tabId, msg.sentence, false);
      return null;
    }
    if (msg.type === 'cs/page-part') {
      this.keepPart(tabId, msg);
      return null;
    }
    if (msg.type === 'cs/not-article' || msg.type === 'cs/site-off') {
      // A page that is no article does not read the settings (that would cost every page the storage bindings):
      // it is told apart here from one on a site the reader switched off.
      const off = msg.type === 'cs/site-off' || (await this.siteOff(msg.url));
      await this.setReport(tabId, { url: msg.url, status: off ? 'site-off' : 'not-article', article: null, matches: [], at: Date.now(), ...privately });
      return null;
    }
    let quotes: MatchReply['quotes'];
    let info: ArticleInfo;
    let sentences: string[];
    let tRead = 0;
    // When the whole page was here and its read began (for a `cs/match`, at once).
    let readFrom = performance.now();
    // The page sends before it knows the reader's settings (it would wait for them until its load event): on a site
    // switched off, what it sent is dropped unread.
    if (await this.siteOff(msg.url)) {
      if (msg.type === 'cs/page' && msg.read !== undefined && this.pageParts.get(tabId)?.read === msg.read) this.pageParts.delete(tabId);
      await this.setReport(tabId, { url: msg.url, status: 'site-off', article: null, matches: [], at: Date.now(), ...privately });
      return { status: 'site-off', matches: [] };
    }
    if (msg.type === 'cs/page') {
      const html = await this.wholePage(tabId, msg);
      // Parts missing (the service worker restarted between them) or too many: the page is told, and says so.
      if (html === undefined) return null;
      readFrom = performance.now();
      const article = articleFromHtml(html);
      tRead = performance.now() - readFrom;
      if (!article) {
        await this.setReport(tabId, { url: msg.url, status: 'not-article', article: null, matches: [], at: Date.now(), ...privately });
        return { status: 'not-article', matches: [] };
      }
      // The report keeps what the popup shows: not the sentences, nor where their paragraphs stand in the page.
      const { sentences: full, anchors: _anchors, ...rest } = article;
      info = rest;
      sentences = full.map((s) => s.text);
      quotes = {};
      for (const [i, s] of full.entries()) {
        const path = article.anchors?.[s.block];
        quotes[i] = { exact: s.text, prefix: s.prefix, suffix: s.suffix, ...(path ? { path } : {}) };
      }
    } else {
      info = msg.article;
      sentences = msg.sentences;
    }
    const base = await this.base;
    const supported = supportsLanguage(info.lang);
    let matches = supported ? await base.matchSentences(sentences.map((text) => ({ text })), { title: info.title, published: info.published }) : [];
    // The reader's corrections: a (claim, sentence) pair called a wrong match is not shown again.
    const corrections = [...((await this.env.corrections?.list()) ?? []), ...((await this.env.privateCorrections?.list()) ?? [])];
    const corrected = new Set(corrections.map((c) => correctionKey(c.claimKey, c.sentence)));
    if (corrected.size) matches = matches.filter((m) => !corrected.has(correctionKey(m.claim.key, m.text)));
    if (supported && matches.length === 0 && !inPrivate) {
      // Only if the reader turned it on and gave a key: the headline, and nothing else, is looked up online.
      const settings = (await this.env.settings?.()) ?? DEFAULT_SETTINGS;
      if (settings.onlineLookup && settings.factCheckApiKey) {
        matches = await lookupOnline({ fetch: this.env.fetch ?? globalThis.fetch.bind(globalThis), apiKey: settings.factCheckApiKey, log: this.env.log }, info.title, sentences, info.lang.slice(0, 2));
      }
    }
    const status = !supported ? 'unsupported-language' : matches.length ? 'claims' : 'no-claims';
    // The page has its answer before the report is stored and the button marked (about 30 ms of the browser's
    // storage and action calls): the popup reads the report kept in memory, which `setReport` sets at once.
    void this.setReport(tabId, { url: msg.url, status, article: info, matches, at: Date.now(), ...privately }, { afterAnswer: true }).catch((e: unknown) =>
      this.env.log(`could not store the report of tab ${tabId}: ${(e as Error).message}`),
    );
    // Only the quotes of matched sentences go back to the page.
    const worker = this.env.worker && { ...this.env.worker, ...(this.claimsAt && { claims: this.claimsAt }), received: performance.timeOrigin + readFrom };
    const reply: MatchReply = { status, matches: matches.map(forPage), timings: { read: tRead, match: performance.now() - readFrom - tRead, ...(worker && { worker }) } };
    if (quotes) reply.quotes = Object.fromEntries(matches.map((m) => [m.sentence, quotes![m.sentence]!]));
    return reply;
  }

  /** Keeps a part of a page sent in parts; a part of another read (the page was read again) starts afresh. */
  private keepPart(tabId: number, { read, url, index, part }: { read: string; url: string; index: number; part: string }): void {
    const pending = this.pendingPage(tabId, read, url);
    if (pending.parts[index] !== undefined) return;
    pending.chars += part.length;
    // No more than a page may weigh: what came is dropped, and the page's last part finds its read incomplete.
    if (pending.chars > MAX_HTML_CHARS) {
      this.pageParts.delete(tabId);
      pending.arrived();
      return;
    }
    pending.parts[index] = part;
    pending.count++;
    pending.arrived();
  }

  /** The parts come so far of a tab's read; a read of another id or address starts afresh (the page was read again). */
  private pendingPage(tabId: number, read: string, url: string): PendingPage {
    const pending = this.pageParts.get(tabId);
    if (pending && pending.read === read && pending.url === url) return pending;
    pending?.arrived();
    const fresh = { read, url, parts: [], count: 0, chars: 0, arrived: () => undefined };
    this.pageParts.set(tabId, fresh);
    return fresh;
  }

  /**
   * The whole HTML of a `cs/page`: the message's own, or the parts kept for its read and its last part. The page
   * sends its parts without waiting for each to be answered: one still on its way is waited for, up to
   * `PART_WAIT_MS`; a read with parts missing after that (the service worker restarted between them, or the page
   * was read again) has no page.
   */
  private async wholePage(tabId: number, msg: { url: string; html: string; read?: string; parts?: number }): Promise<string | undefined> {
    if (msg.read === undefined) return msg.html;
    const expected = msg.parts! - 1;
    const ours = (p: PendingPage | undefined) => (p && p.read === msg.read && p.url === msg.url ? p : undefined);
    // (The last part may come before the others.)
    let pending: PendingPage | undefined = this.pendingPage(tabId, msg.read, msg.url);
    if (pending.count < expected) {
      const { late, cancel } = deadline(this.env.partWait ?? PART_WAIT_MS);
      while (pending && pending.count < expected) {
        const waiting = pending;
        const next = new Promise<'part'>((resolve) => (waiting.arrived = () => resolve('part')));
        if ((await Promise.race([next, late])) === 'late') break;
        pending = ours(this.pageParts.get(tabId));
      }
      cancel();
    }
    if (!pending) return undefined;
    this.pageParts.delete(tabId);
    if (pending.count !== expected || pending.parts.length !== expected) return undefined;
    if (pending.chars + msg.html.length > MAX_HTML_CHARS) return undefined;
    return pending.parts.join('') + msg.html;
  }

  /**
   * The reader calls a matched sentence a wrong match: remember it, drop it from the tab's report and badge, and
   * (when the popup said so) have the page remove its highlight.
   */
  async wrongMatch(tabId: number, sentence: number, fromPopup: boolean): Promise<{ ok: boolean }> {
    const report = this.reports.get(tabId) ?? (await this.env.loadReport(tabId));
    const match = report?.matches.find((m) => m.sentence === sentence);
    if (!report || !match) return { ok: false };
    let site = '';
    try {
      site = new URL(report.url).hostname;
    } catch {
      // an odd URL: keep the correction without a site
    }
    const correction = { claimKey: match.claim.key, sentence: match.text, site, at: (this.env.now ?? Date.now)() };
    const store = report.private ? this.env.privateCorrections : this.env.corrections;
    if (store) await store.save(addCorrection(await store.list(), correction));
    const matches = report.matches.filter((m) => m.sentence !== sentence);
    await this.setReport(tabId, { ...report, matches, status: matches.length ? 'claims' : 'no-claims' });
    if (fromPopup) await this.env.hideInTab?.(tabId, sentence).catch(() => undefined);
    return { ok: true };
  }

  /** Answers a message from an extension page. */
  async fromUI(msg: UItoBG): Promise<ReportReply | PacksReply | UpdateOutcome | UpdateOutcome[] | { ok: boolean }> {
    switch (msg.type) {
      case 'ui/report':
        return this.report(msg.tabId);
      case 'ui/packs':
        return this.packs();
      case 'ui/subscribe':
        return this.subscribe(msg.url, msg.publicKey);
      case 'ui/update':
        return this.updateAll(msg.url);
      case 'ui/unsubscribe':
        return this.unsubscribe(msg.url);
      case 'ui/wrong-match':
        return this.wrongMatch(msg.tabId, msg.sentence, true);
    }
  }

  /**
   * Resolves once the tab's last report is stored and its button marked (or that failed): they follow the answer.
   * `now` starts them at once where they are still waiting for the page to show its highlights.
   */
  async stored(tabId: number, { now = false } = {}): Promise<void> {
    const storing = this.storing.get(tabId);
    if (now) storing?.now();
    await storing?.done.catch(() => undefined);
  }

  /**
   * What the popup shows for a tab. A page that is no article sends nothing (`first-look.ts`), so where the tab's page
   * can be asked (once the reader opened the popup on it), its own look says what is on show: a page that is no
   * article, or one still being read, rather than no report or the report of the page before it.
   */
  async report(tabId: number): Promise<ReportReply> {
    if (!this.loaded) {
      const { late, cancel } = deadline(this.env.reportWait ?? REPORT_WAIT_MS);
      const waited = await Promise.race([this.base.then(() => 'loaded', () => 'loaded'), late]);
      cancel();
      if (waited === 'late') return { state: 'loading' };
    }
    const base = await this.base;
    // (A report just made may still be on its way to storage and the button: the button's mark is read below. The
    // reader is waiting now, so it goes at once.)
    await this.stored(tabId, { now: true });
    let report = this.reports.get(tabId) ?? (await this.env.loadReport(tabId));
    const page = await this.env.askPage?.(tabId).catch(() => undefined);
    if (page && !(report && articleAddress(report.url) === articleAddress(page.url))) {
      // (A read that failed: the popup says the page was not checked, and to reload it.)
      if (page.look === 'failed') return { state: 'none' };
      if (page.look !== 'not-article') return { state: 'reading' };
      const status = (await this.siteOff(page.url)) ? 'site-off' : 'not-article';
      report = { url: page.url, status, article: null, matches: [], at: Date.now(), ...(page.private ? { private: true } : {}) };
      await this.setReport(tabId, report);
    } else if (!page && report && (await this.env.buttonMarked?.(tabId).catch(() => true)) === false) {
      // The button lost the report's mark: the tab has loaded another page since, one that cannot be asked (a
      // browser page, a PDF), and Chrome did not say so (no tab addresses without the tabs permission).
      report = undefined;
    }
    if (!report) return { state: 'none' };
    return { state: 'ready', report, packs: base.heads.length, claims: base.size };
  }

  async subscribe(url: string, publicKey: string): Promise<UpdateOutcome> {
    const env = await this.updateEnv();
    if (!env) return STORAGE_UNAVAILABLE;
    return this.liveAfter(() => subscribe(env, url, publicKey));
  }

  async unsubscribe(url: string): Promise<{ ok: true }> {
    const env = await this.updateEnv();
    if (env) {
      await unsubscribe(env, url, removePack);
      await this.reload();
    }
    return { ok: true };
  }

  /** Checks every subscription (or one) and reloads the claims if any pack changed. */
  async updateAll(only?: string): Promise<UpdateOutcome[]> {
    const env = await this.updateEnv();
    if (!env) return [STORAGE_UNAVAILABLE];
    const subs = await env.db.getAll('subscriptions');
    return this.liveAfter(async () => {
      const outcomes: UpdateOutcome[] = [];
      for (const s of subs) if (!only || s.url === only) outcomes.push(await checkSubscription(env, s.url));
      return outcomes;
    });
  }

  /**
   * Runs subscription work and then makes live what it installed, even when it failed after an install (a later
   * subscription's check, say): the pack is in the database by then, and its claims are held for indexing.
   */
  private async liveAfter<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } finally {
      if (this.justInstalled.size > 0) await this.reload();
    }
  }

  private async updateEnv() {
    const db = await this.db;
    if (!db) return undefined;
    return {
      db,
      fetch: this.env.fetch ?? globalThis.fetch.bind(globalThis),
      now: this.env.now ?? Date.now,
      installed: (pack: Pack, gen: number) => this.justInstalled.set(pack.id, { gen, claims: pack.claims }),
    };
  }

  /** Installed packs and subscriptions, for the options page. */
  async packs(): Promise<PacksReply> {
    const db = await this.db;
    if (!db) {
      const base = await this.base;
      return {
        storage: false,
        packs: base.heads.map((p) => ({ id: p.id, title: p.title, claimCount: p.claimCount, updated: p.updated, version: p.version, origin: { type: 'bundled' }, installedAt: 0 })),
        subscriptions: [],
      };
    }
    const packs: PackInfo[] = (await listPacks(db)).map((p) => ({ id: p.id, title: p.title, claimCount: p.claimCount, updated: p.updated, version: 1, origin: p.origin, installedAt: p.installedAt }));
    const subscriptions = (await db.getAll('subscriptions')).map(({ url, publicKey, packId, lastChecked, lastResult }) => ({ url, publicKey, packId, lastChecked, lastResult }));
    return { storage: true, packs, subscriptions };
  }

  /**
   * The tab started loading `url` (which the browser tells only where the extension may see the tab's address: after
   * a click on the toolbar button there). Another page's report and badge no longer apply; a move within the page
   * (`#section`) keeps them, as the content script keeps its highlights.
   */
  async tabNavigated(tabId: number, url: string): Promise<void> {
    const report = this.reports.get(tabId);
    if (!report || articleAddress(report.url) === articleAddress(url)) return;
    this.reports.delete(tabId);
    await Promise.all([this.env.saveReport(tabId, null), this.env.markButton(tabId, null)]);
  }

  async tabClosed(tabId: number): Promise<void> {
    this.reports.delete(tabId);
    this.pageParts.delete(tabId);
    await this.env.saveReport(tabId, null);
  }

  /** Whether the reader switched Claimlight off on the site of this address. */
  private async siteOff(url: string): Promise<boolean> {
    let host: string;
    try {
      host = new URL(url).hostname;
    } catch {
      return false;
    }
    return siteDisabled((await this.env.settings?.()) ?? DEFAULT_SETTINGS, host);
  }

  private async setReport(tabId: number, report: TabReport, { afterAnswer = false } = {}): Promise<void> {
    this.reports.set(tabId, report);
    const mark = { status: report.status, claims: claimsOnPage(report.matches).length };
    // (Unless the tab has since moved on: its marks and stored report are cleared then, and stay so.)
    const store = async () => {
      if (this.reports.get(tabId) === report) await Promise.all([this.env.saveReport(tabId, report), this.env.markButton(tabId, mark)]);
    };
    // After the answer to the page, where it has one, and after the page has had time to show it (`STORE_WAIT_MS`):
    // the browser passes the extension's calls on in turn, and the report's storing (all its matches, with their
    // coverage) would go before the answer, and then before the page's highlights.
    let now = () => {};
    const waited = afterAnswer
      ? new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.env.storeWait ?? STORE_WAIT_MS);
          now = () => {
            clearTimeout(timer);
            resolve();
          };
        })
      : Promise.resolve();
    const storing = { done: waited.then(store), now: () => now() };
    this.storing.set(tabId, storing);
    try {
      await storing.done;
    } finally {
      if (this.storing.get(tabId) === storing) this.storing.delete(tabId);
    }
  }
}
