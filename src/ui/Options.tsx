import { useEffect, useState } from 'preact/hooks';
import type { PacksReply } from '../messaging/contract';
import type { UpdateOutcome } from '../packs/update';
import { normaliseSite, type Settings } from '../settings';
import type { Correction } from '../corrections';
import { formatDate } from './format';

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

const DATE_TIME = new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' });

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
          <span class="logo" aria-hidden="true" /> Claimlight settings
        </h1>
        <p class="sub">Everything here stays in this browser.</p>
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

function Outcome({ outcome }: { outcome?: { ok: boolean; message: string } }) {
  if (!outcome) return null;
  return (
    <p class={`outcome ${outcome.ok ? 'ok' : 'bad'}`} role="status">
      <span aria-hidden="true">{outcome.ok ? '✓ ' : '✗ '}</span>
      {outcome.message}
    </p>
  );
}

function PacksSection({ packs, onChange, update, unsubscribe }: { packs?: PacksReply; onChange(): void } & Pick<OptionsProps, 'update' | 'unsubscribe'>) {
  const [busy, setBusy] = useState<string | undefined>();
  const [outcome, setOutcome] = useState<UpdateOutcome | undefined>();
  if (!packs) return <section class="card"><h2>Claim packs</h2><p class="muted">Loading…</p></section>;
  const subFor = (url: string) => packs.subscriptions.find((s) => s.url === url);
  const run = async (key: string, f: () => Promise<unknown>) => {
    setBusy(key);
    try {
      await f();
    } finally {
      setBusy(undefined);
      onChange();
    }
  };
  const pendingSubs = packs.subscriptions.filter((s) => !s.packId || !packs.packs.some((p) => p.id === s.packId));
  return (
    <section class="card" aria-labelledby="packs-h">
      <h2 id="packs-h">Claim packs</h2>
      {!packs.storage && <p class="outcome bad">This browser does not let Claimlight store data here (a private window, or storage is full): the packs that ship with Claimlight are in use, and subscriptions are unavailable.</p>}
      <table class="packs">
        <thead>
          <tr>
            <th scope="col">Pack</th>
            <th scope="col">Claims</th>
            <th scope="col">Data as of</th>
            <th scope="col">From</th>
            <th scope="col"><span class="visually-hidden">Actions</span></th>
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
                    {p.id} · format v{p.version}
                  </div>
                </td>
                <td>{p.claimCount.toLocaleString('en')}</td>
                <td>{formatDate(p.updated)}</td>
                <td>
                  {p.origin.type === 'bundled' ? (
                    'Bundled with Claimlight'
                  ) : (
                    <>
                      <span class="url">{p.origin.url}</span>
                      <div class="muted small">
                        {sub?.lastChecked ? `Last checked ${DATE_TIME.format(sub.lastChecked)}` : 'Not checked yet'}
                      </div>
                      <Outcome outcome={sub?.lastResult} />
                    </>
                  )}
                </td>
                <td class="actions">
                  {p.origin.type === 'subscription' && (
                    <>
                      <button type="button" disabled={!!busy} onClick={() => run(`u:${p.id}`, async () => setOutcome((await update((p.origin as { url: string }).url))[0]))}>
                        {busy === `u:${p.id}` ? 'Checking…' : 'Update now'}
                      </button>
                      <button type="button" class="danger" disabled={!!busy} onClick={() => run(`r:${p.id}`, () => unsubscribe((p.origin as { url: string }).url))}>
                        Remove
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
                <strong>Subscription</strong>
                <div class="muted small">no pack installed yet</div>
              </td>
              <td>–</td>
              <td>–</td>
              <td>
                <span class="url">{s.url}</span>
                <Outcome outcome={s.lastResult} />
              </td>
              <td class="actions">
                <button type="button" disabled={!!busy} onClick={() => run(`u:${s.url}`, async () => setOutcome((await update(s.url))[0]))}>
                  Retry
                </button>
                <button type="button" class="danger" disabled={!!busy} onClick={() => run(`r:${s.url}`, () => unsubscribe(s.url))}>
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="row">
        <button type="button" disabled={!!busy || packs.subscriptions.length === 0} onClick={() => run('all', async () => setOutcome((await update()).find((o) => !o.ok) ?? { ok: true, status: 'unchanged', message: 'All subscriptions checked.' }))}>
          {busy === 'all' ? 'Checking…' : 'Check all subscriptions now'}
        </button>
        <span class="muted small">Subscriptions are also checked every six hours.</span>
      </div>
      <Outcome outcome={outcome} />
    </section>
  );
}

function SubscribeSection({ subscribe, onDone }: { subscribe: OptionsProps['subscribe']; onDone(): void }) {
  const [url, setUrl] = useState('');
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<UpdateOutcome | undefined>();
  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const o = await subscribe(url, key);
    setBusy(false);
    setOutcome(o);
    if (o.ok) {
      setUrl('');
      setKey('');
    }
    onDone();
  };
  return (
    <section class="card" aria-labelledby="sub-h">
      <h2 id="sub-h">Subscribe to a pack</h2>
      <p class="muted">
        A publisher gives you the pack's address and their public key. Claimlight installs a new version only if it
        is signed with that key, is a valid pack, and is newer than the one you have.
      </p>
      <form onSubmit={submit}>
        <label for="sub-url">Pack address</label>
        <input id="sub-url" name="url" type="url" required placeholder="https://example.org/packs/news.json" value={url} onInput={(e) => setUrl((e.target as HTMLInputElement).value)} />
        <label for="sub-key">Publisher's public key</label>
        <input id="sub-key" name="key" required spellcheck={false} autocomplete="off" placeholder="44 characters of base64" value={key} onInput={(e) => setKey((e.target as HTMLInputElement).value)} />
        <button type="submit" class="primary" disabled={busy}>
          {busy ? 'Subscribing…' : 'Subscribe'}
        </button>
      </form>
      <Outcome outcome={outcome} />
    </section>
  );
}

function HighlightSection({ settings, save }: { settings: Settings; save(s: Settings): void }) {
  const options: Array<[Settings['highlight'], string, string]> = [
    ['all', 'All known claims', 'Every sentence that states a claim from your packs.'],
    ['contested', 'Only contested claims', 'Claims that some coverage supports and some refutes.'],
    ['none', 'None', 'Nothing in the page; the toolbar button still counts and lists them.'],
  ];
  return (
    <section class="card" aria-labelledby="hl-h">
      <h2 id="hl-h">What to highlight</h2>
      <fieldset>
        <legend class="visually-hidden">What to highlight</legend>
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
    if (!site) return setError('That is not a site name, such as example.com.');
    setError('');
    setText('');
    if (!settings.disabledSites.includes(site)) save({ ...settings, disabledSites: [...settings.disabledSites, site] });
  };
  return (
    <section class="card" aria-labelledby="sites-h">
      <h2 id="sites-h">Sites where Claimlight stays off</h2>
      <p class="muted">On these sites (and their subdomains) Claimlight does not read the page at all.</p>
      {settings.disabledSites.length === 0 ? (
        <p class="muted small">None.</p>
      ) : (
        <ul class="sites">
          {settings.disabledSites.map((s) => (
            <li>
              <span>{s}</span>
              <button type="button" class="link" aria-label={`Turn Claimlight back on for ${s}`} onClick={() => save({ ...settings, disabledSites: settings.disabledSites.filter((x) => x !== s) })}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="inline" onSubmit={add}>
        <label for="site" class="visually-hidden">
          Site
        </label>
        <input id="site" placeholder="example.com" value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} />
        <button type="submit">Add</button>
      </form>
      {error && <p class="outcome bad">{error}</p>}
    </section>
  );
}

function OnlineSection({ settings, save }: { settings: Settings; save(s: Settings): void }) {
  return (
    <section class="card" aria-labelledby="online-h">
      <h2 id="online-h">Online features</h2>
      <p class="muted">All off unless you turn them on. With them off, nothing you read leaves this browser.</p>
      <label class="switch">
        <input type="checkbox" role="switch" checked={settings.onlineLookup} onChange={(e) => save({ ...settings, onlineLookup: (e.target as HTMLInputElement).checked })} />
        <span>Look up fact-checks online (Google Fact Check Tools)</span>
      </label>
      <p class="muted small">
        When on, and only with your own API key: for an article where your packs find nothing, its headline is sent
        to Google's Fact Check Tools API (factchecktools.googleapis.com) with your key, and fact-checks it returns
        that match a sentence of the article are shown like pack claims, marked as found online. Nothing else of the
        page is sent. Google's privacy policy applies to those requests.
      </p>
      <label for="api-key">Your Fact Check Tools API key</label>
      <input id="api-key" type="password" autocomplete="off" spellcheck={false} value={settings.factCheckApiKey} onChange={(e) => save({ ...settings, factCheckApiKey: (e.target as HTMLInputElement).value.trim() })} />
      {settings.onlineLookup && !settings.factCheckApiKey && <p class="outcome bad">Online lookups need an API key; until you add one, nothing is sent.</p>}
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
      <h2 id="corr-h">Your corrections</h2>
      <p class="muted">
        When you mark a highlight as a wrong match, Claimlight remembers that sentence and claim here and does not
        show the pair again. The list stays in this browser.
      </p>
      <p>{list === undefined ? 'Loading…' : list.length === 0 ? 'No corrections yet.' : `${list.length} correction${list.length === 1 ? '' : 's'}.`}</p>
      <div class="row">
        <button type="button" disabled={!list?.length} onClick={exportList}>
          Export as JSON
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
          Clear all
        </button>
      </div>
    </section>
  );
}
