import { readFile, stat } from 'node:fs/promises';

/** A failure the CLI reports as one line on stderr with exit code 2. */
export class UsageError extends Error {}

const FETCH_TIMEOUT_MS = 20_000;
const MAX_BYTES = 20 * 1024 * 1024;

/** The HTML of a file or an http(s) URL, or a UsageError that says why it cannot be read. */
export async function readHtml(input: string, fetchImpl: typeof fetch = fetch): Promise<{ html: string; url?: string }> {
  if (/^https?:\/\//i.test(input)) {
    let res: Response;
    try {
      res = await fetchImpl(input, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS), redirect: 'follow', headers: { accept: 'text/html,application/xhtml+xml' } });
    } catch (e) {
      const cause = (e as { cause?: { code?: string } }).cause?.code ?? (e as Error).name;
      throw new UsageError(`could not fetch ${input}: ${cause === 'TimeoutError' ? `no answer within ${FETCH_TIMEOUT_MS / 1000} s` : cause}`);
    }
    if (!res.ok) throw new UsageError(`could not fetch ${input}: HTTP ${res.status}`);
    const type = res.headers.get('content-type') ?? '';
    if (type && !/html|xml/i.test(type)) throw new UsageError(`${input} is not a web page (content-type ${type})`);
    const html = await res.text();
    return { html, url: res.url || input };
  }
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) throw new UsageError(`only http(s) URLs can be checked: ${input}`);
  let info;
  try {
    info = await stat(input);
  } catch {
    throw new UsageError(`no such file: ${input}`);
  }
  if (!info.isFile()) throw new UsageError(`not a file: ${input}`);
  if (info.size > MAX_BYTES) throw new UsageError(`${input} is larger than ${MAX_BYTES / 1024 / 1024} MB`);
  const bytes = await readFile(input);
  if (bytes.includes(0)) throw new UsageError(`${input} is a binary file, not HTML`);
  return { html: bytes.toString('utf8') };
}
