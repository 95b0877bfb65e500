import { parseArgs } from './args';
import { checkHtml, formatCheck } from './check';
import { readHtml, UsageError } from './input';
import { loadPacks } from './packs';
import { packCommand } from './pack';
import { rankQueries, readQueries } from './rank';

const HELP = `claimlight: find the sentences of an article that state known claims

usage:
  claimlight check <file.html | http(s) URL> [--pack FILE]... [--no-bundled] [--json]
  claimlight rank --pack FILE --queries FILE.jsonl [--k 5] [--no-bundled]
  claimlight pack validate FILE
  claimlight pack keygen --out-dir DIR
  claimlight pack sign PACK --key DIR/private.key
  claimlight pack verify PACK --pubkey DIR/public.key
  claimlight pack build INPUT... -o OUT.json [--id ID] [--title TITLE]

Exit status: 0 when the input was read (with or without matches), 2 with a one-line reason on stderr when an
input cannot be read or a pack is invalid.`;

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

/** Runs one command; returns the exit code. */
export async function main(argv: string[], io: Io): Promise<number> {
  try {
    const [command, ...rest] = argv;
    // "claimlight rank --help" asks for the usage as "claimlight --help" does.
    if (rest.includes('--help') || rest.includes('-h')) {
      io.out(HELP + '\n');
      return 0;
    }
    switch (command) {
      case 'check': {
        const a = parseArgs(rest, ['pack'], ['json', 'no-bundled']);
        if (a.positional.length !== 1) throw new UsageError('check takes one file or URL (see claimlight --help)');
        const input = a.positional[0]!;
        const packs = await loadPacks(a.values.get('pack') ?? [], !a.flags.has('no-bundled'));
        const { html } = await readHtml(input);
        const result = await checkHtml(html, packs);
        if (a.flags.has('json')) {
          const { article, matches, timingsMs } = result;
          io.out(JSON.stringify({ article, matches, timingsMs }) + '\n');
        } else {
          io.out(formatCheck(result, input));
        }
        return 0;
      }
      case 'rank': {
        const a = parseArgs(rest, ['pack', 'queries', 'k'], ['no-bundled']);
        const queries = a.values.get('queries')?.at(-1);
        if (!queries) throw new UsageError('rank needs --queries FILE.jsonl');
        const k = Number(a.values.get('k')?.at(-1) ?? 5);
        if (!Number.isInteger(k) || k < 1 || k > 1000) throw new UsageError('--k takes a whole number from 1 to 1000');
        const packs = await loadPacks(a.values.get('pack') ?? [], !a.flags.has('no-bundled'));
        if (packs.length === 0) throw new UsageError('no claims to rank against: give --pack FILE');
        for (const line of rankQueries(packs, await readQueries(queries), k)) io.out(JSON.stringify(line) + '\n');
        return 0;
      }
      case 'pack':
        return await packCommand(rest, io);
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        io.out(HELP + '\n');
        return command === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)} (see claimlight --help)`);
    }
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`claimlight: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
