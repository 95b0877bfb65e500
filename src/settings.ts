/** What the reader chose on the options page, kept in extension storage (storage.local, key "settings"). */
export interface Settings {
  /** Which claims are highlighted in pages: all, only those with coverage both ways, or none (popup only). */
  highlight: 'all' | 'contested' | 'none';
  /** Host names where Claimlight does nothing at all ("example.com" also covers its subdomains). */
  disabledSites: string[];
  /** Online lookups of unmatched sentences (Google Fact Check Tools); off unless the reader turns it on. */
  onlineLookup: boolean;
  /** The reader's own API key for it. */
  factCheckApiKey: string;
}

export const DEFAULT_SETTINGS: Settings = { highlight: 'all', disabledSites: [], onlineLookup: false, factCheckApiKey: '' };

export const SETTINGS_KEY = 'settings';

/** Settings from storage, with defaults for anything missing or malformed (storage is not to be trusted blindly). */
export function parseSettings(v: unknown): Settings {
  const o = (typeof v === 'object' && v !== null ? v : {}) as Record<string, unknown>;
  const highlight = o.highlight === 'contested' || o.highlight === 'none' ? o.highlight : 'all';
  const disabledSites = Array.isArray(o.disabledSites) ? o.disabledSites.filter((s): s is string => typeof s === 'string').map(normaliseSite).filter(Boolean) : [];
  return {
    highlight,
    disabledSites: [...new Set(disabledSites)],
    onlineLookup: o.onlineLookup === true,
    factCheckApiKey: typeof o.factCheckApiKey === 'string' ? o.factCheckApiKey.trim() : '',
  };
}

/** "https://www.Example.com/path" and "www.example.com" both become "example.com"; '' for nonsense. */
export function normaliseSite(text: string): string {
  let t = text.trim().toLowerCase();
  if (!t) return '';
  try {
    if (/^[a-z]+:\/\//.test(t)) t = new URL(t).hostname;
  } catch {
    return '';
  }
  t = t.replace(/^www\./, '').replace(/\/.*$/, '').replace(/:\d+$/, '');
  return /^[a-z0-9.-]+$/.test(t) && t.includes('.') ? t : t === 'localhost' ? t : '';
}

/** Whether Claimlight is off on this host (the site itself or any of its subdomains). */
export function siteDisabled(settings: Settings, hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^www\./, '');
  return settings.disabledSites.some((s) => h === s || h.endsWith(`.${s}`));
}
