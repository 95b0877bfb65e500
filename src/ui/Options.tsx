import { useEffect, useState } from 'preact/hooks';
import type { PacksReply } from '../messaging/contract';
import type { UpdateOutcome } from '../packs/update';
import { normaliseSite, type Settings } from '../settings';
import type { Correction } from '../corrections';
import { formatDate, wordsOf } from './format';
import { formatCount, t, tn, uiLanguage, say, type Said } from './i18n';

export interface OptionsProps {
  packs(): Promise<PacksReply>;
  subscribe(url: string, publicKey: string): Promise<UpdateOutcome>;
  update(url?: string): Promise<UpdateOutcome[]>;
  unsubscribe(url: string): Promise<unknown>;
  loadSettings(): Promise<Settings>;
  saveSettings(s: Settings): Promise<void>;
  loadCorrections?(): Promise<Correction[]>;
  clearCorrections?(): Promise<void>;
}

const dateTime = () => new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' });

/** The options page: installed packs and subscriptions, what to highlight, where to stay off, online features. */
export function Options(props: OptionsProps) {
  const [packs, setPacks] = useState<PacksReply | undefined>();
  const [settings, setSettings] = useState<Settings | undefined>();
  const refresh = () => props.packs().then(setPacks);
  useEffect(() => {
    void refresh();
    void props.loadSettings().then(setSettings);
  }, []);
  const save = (next: Settings) => {
    setSettings(next);
    void props.saveSettings(next);
  };

  return (
    <main class="options">
      <header class="head">
        <h1>
          <span class="logo" aria-hidden="true" /> {t('optTitle')}
        </h1>
        <p class="sub">{t('optSub')}</p>
      </header>
      <PacksSection packs={packs} onChange={refresh} update={props.update} unsubscribe={props.unsubscribe} />
      <SubscribeSection onDone={refresh} subscribe={props.subscribe} />
      {settings && <HighlightSection settings={settings} save={save} />}
      {settings && <SitesSection settings={settings} save={save} />}
      {settings && <OnlineSection settings={settings} save={save} />}
      {props.loadCorrections && props.clearCorrections && <CorrectionsSection load={props.loadCorrections} clear={props.clearCorrections} />}
    </main>
  );
}

function Outcome({ outcome }: { outcome?: { ok: boolean; said?: Said[]; message?: string } }) {
  if (!outcome) return null;
  return (
    <p class={`outcome ${outcome.ok ? 'ok' : 'bad'}`} role="status">
      <span aria-hidden="true">{outcome.ok ? '✓ ' : '✗ '}</span>
      {(outcome.said ? wordsOf(outcome.said) : outcome.message) || t(outcome.ok ? 'subLastOk' : 'subLastFailed')}
    </p>
  );
}

function PacksSection({ packs, onChange, update, unsubscribe }: { packs?: PacksReply; onChange(): void } & Pick<OptionsProps, 'update' | 'unsubscribe'>) {
  const [busy, setBusy] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<UpdateOutcome | undefined>();
  if (!packs)
    return (
      <section class="card">
        <h2>{t('optPacks')}</h2>
        <p class="muted">{t('optLoading')}</p>
      </section>
    );
  const subFor = (url: string) => packs.subscriptions.find((s) => s.url === url);
  const run = async (key: string, f: () => Promise<unknown>) => {
    setBusy(key);
    try {
      await f();
    } catch (e) {
      setOutcome(failed(e));
    } finally {
      setBusy(undefined);
      onChange();
    }
  };
  const pendingSubs = packs.subscriptions.filter((s) => !s.packId || !packs.packs.some((p) => p.id === s.packId));
  return (
    <section class="card" aria-labelledby="packs-h">
      <h2 id="packs-h">{t('optPacks')}</h2>
      {!packs.storage && <p class="outcome bad">{t('optNoStorage')}</p>}
      <table class="packs">
        <thead>
          <tr>
            <th scope="col">{t('optColPack')}</th>
            <th scope="col">{t('optColClaims')}</th>
            <th scope="col">{t('optColAsOf')}</th>
            <th scope="col">{t('optColFrom')}</th>
            <th scope="col">
              <span class="visually-hidden">{t('optColActions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {packs.packs.map((p) => {
            const sub = p.origin.type === 'subscription' ? subFor(p.origin.url) : undefined;
            return (
              <tr data-pack={p.id}>
                <td>
                  <strong>{p.title}</strong>
                  <div class="muted small">
                    {t('optFormat', p.id, p.version)}
                  </div>
                </td>
                <td class="nowrap">{formatCount(p.claimCount)}</td>
                <td class="nowrap">{formatDate(p.updated)}</td>
                <td>
                  {p.origin.type === 'bundled' ? (
                    t('optBundled')
                  ) : (
                    <>
                      <span class="url">{p.origin.url}</span>
                      <div class="muted small">
                        {sub?.lastChecked ? t('optLastChecked', dateTime().format(sub.lastChecked)) : t('optNotChecked')}
                      </div>
                      <Outcome outcome={sub?.lastResult} />
                    </>
                  )}
                </td>
                <td class="actions">
                  {p.origin.type === 'subscription' && (
                    <>
                      <button type="button" disabled={!!busy} onClick={() => run(`u:${p.id}`, async () => setOutcome((await update((p.origin as { url: string }).url))[0]))}>
                        {busy === `u:${p.id}` ? t('optChecking') : t('optUpdateNow')}
                      </button>
                      <button type="button" class="danger" disabled={!!busy} onClick={() => run(`r:${p.id}`, () => unsubscribe((p.origin as { url: string }).url))}>
                        {t('optRemove')}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
          {pendingSubs.map((s) => (
            <tr data-subscription={s.url}>
              <td>
                <strong>{t('optSubscription')}</strong>
                <div class="muted small">{t('optNoPackYet')}</div>
              </td>
              <td>–</td>
              <td>–</td>
              <td>
                <span class="url">{s.url}</span>
                <Outcome outcome={s.lastResult} />
              </td>
              <td class="actions">
                <button type="button" disabled={!!busy} onClick={() => run(`u:${s.url}`, async () => setOutcome((await update(s.url))[0]))}>
                  {t('optRetry')}
                </button>
                <button type="button" class="danger" disabled={!!busy} onClick={() => run(`r:${s.url}`, () => unsubscribe(s.url))}>
                  {t('optRemove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="row">
        <button type="button" disabled={!!busy || packs.subscriptions.length === 0} onClick={() => run('all', async () => setOutcome((await update()).find((o) => !o.ok) ?? { ok: true, status: 'unchanged', said: [say('optAllChecked')] }))}>
          {busy === 'all' ? t('optChecking') : t('optCheckAll')}
        </button>
        <span class="muted small">{t('optEverySix')}</span>
      </div>
      <Outcome outcome={outcome} />
    </section>
  );
}

/** What the page says when a request to the background failed outright (it was restarting, or storage failed). */
const failed = (e: unknown): UpdateOutcome => ({ ok: false, said: [say('optActionFailed', (e instanceof Error ? e.message : String(e)).replace(/\.$/, ''))] });

function SubscribeSection({ subscribe, onDone }: { subscribe: OptionsProps['subscribe']; onDone(): void }) {
  const [url, setUrl] = useState('');
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<UpdateOutcome | undefined>();
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    try {
      const o = await subscribe(url, key);
      setOutcome(o);
      if (o.ok) {
        setUrl('');
        setKey('');
      }
    } catch (e) {
      setOutcome(failed(e));
    } finally {
      setBusy(false);
      onDone();
    }
  };
  return (
    <section class="card" aria-labelledby="sub-h">
      <h2 id="sub-h">{t('optSubscribeTitle')}</h2>
      <p class="muted">{t('optSubscribeText')}</p>
      <form onSubmit={submit}>
        <label for="sub-url">{t('optPackAddress')}</label>
        <input id="sub-url" name="url" type="url" required placeholder="https://example.org/packs/news.json" value={url} onInput={(e) => setUrl((e.target as HTMLInputElement).value)} />
        <label for="sub-key">{t('optPublicKey')}</label>
        <input id="sub-key" name="key" required spellcheck={false} autocomplete="off" placeholder={t('optKeyPlaceholder')} value={key} onInput={(e) => setKey((e.target as HTMLInputElement).value)} />
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('optSubscribing') : t('optSubscribe')}
        </button>
      </form>
      <Outcome outcome={outcome} />
    </section>
  );
}

function HighlightSection({ settings, save }: { settings: Settings; save(s: Settings): void }) {
  const options: Array<[Settings['highlight'], string, string]> = [
    ['all', t('optHlAll'), t('optHlAllHelp')],
    ['contested', t('optHlContested'), t('optHlContestedHelp')],
    ['none', t('optHlNone'), t('optHlNoneHelp')],
  ];
  return (
    <section class="card" aria-labelledby="hl-h">
      <h2 id="hl-h">{t('optWhatTitle')}</h2>
      <fieldset>
        <legend class="visually-hidden">{t('optWhatTitle')}</legend>
        {options.map(([value, label, help]) => (
          <label class="radio">
            <input type="radio" name="highlight" value={value} checked={settings.highlight === value} onChange={() => save({ ...settings, highlight: value })} />
            <span>
              {label}
              <span class="muted small block">{help}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </section>
  );
}

function SitesSection({ settings, save }: { settings: Settings; save(s: Settings): void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState('');
  const add = (e: Event) => {
    e.preventDefault();
    const site = normaliseSite(text);
    if (!site) return setError(t('optNotASite'));
    setError('');
    setText('');
    if (!settings.disabledSites.includes(site)) save({ ...settings, disabledSites: [...settings.disabledSites, site] });
  };
  return (
    <section class="card" aria-labelledby="sites-h">
      <h2 id="sites-h">{t('optSitesTitle')}</h2>
      <p class="muted">{t('optSitesText')}</p>
      {settings.disabledSites.length === 0 ? (
        <p class="muted small">{t('optNone')}</p>
      ) : (
        <ul class="sites">
          {settings.disabledSites.map((s) => (
            <li>
              <span>{s}</span>
              <button type="button" class="link" aria-label={t('optTurnBackOn', s)} onClick={() => save({ ...settings, disabledSites: settings.disabledSites.filter((x) => x !== s) })}>
                {t('optRemove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="inline" onSubmit={add}>
        <label for="site" class="visually-hidden">
          {t('optSite')}
        </label>
        <input id="site" placeholder="example.com" value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
        <button type="submit">{t('optAdd')}</button>
      </form>
      {error && <p class="outcome bad">{error}</p>}
    </section>
  );
}

function OnlineSection({ settings, save }: { settings: Settings; save(s: Settings): void }) {
  return (
    <section class="card" aria-labelledby="online-h">
      <h2 id="online-h">{t('optOnlineTitle')}</h2>
      <p class="muted">{t('optOnlineText')}</p>
      <label class="switch">
        <input type="checkbox" role="switch" checked={settings.onlineLookup} onChange={(e) => save({ ...settings, onlineLookup: (e.target as HTMLInputElement).checked })} />
        <span>{t('optLookup')}</span>
      </label>
      <p class="muted small">{t('optLookupText')}</p>
      <label for="api-key">{t('optApiKey')}</label>
      <input id="api-key" type="password" autocomplete="off" spellcheck={false} value={settings.factCheckApiKey} onChange={(e) => save({ ...settings, factCheckApiKey: (e.target as HTMLInputElement).value.trim() })} />
      {settings.onlineLookup && !settings.factCheckApiKey && <p class="outcome bad">{t('optNeedsKey')}</p>}
    </section>
  );
}

function CorrectionsSection({ load, clear }: { load(): Promise<Correction[]>; clear(): Promise<void> }) {
  const [list, setList] = useState<Correction[] | undefined>();
  useEffect(() => {
    void load().then(setList);
  }, []);
  const exportList = () => {
    const blob = new Blob([JSON.stringify({ format: 'claimlight-corrections', version: 1, corrections: list ?? [] }, null, 2)], { type: 'application/json' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = 'claimlight-corrections.json';
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 1000);
  };
  return (
    <section class="card" aria-labelledby="corr-h">
      <h2 id="corr-h">{t('optCorrTitle')}</h2>
      <p class="muted">{t('optCorrText')}</p>
      <p>{list === undefined ? t('optLoading') : list.length === 0 ? t('optNoCorr') : tn('corrections', list.length)}</p>
      <div class="row">
        <button type="button" disabled={!list?.length} onClick={exportList}>
          {t('optExport')}
        </button>
        <button
          type="button"
          class="danger"
          disabled={!list?.length}
          onClick={async () => {
            await clear();
            setList([]);
          }}
        >
          {t('optClearAll')}
        </button>
      </div>
    </section>
  );
}
