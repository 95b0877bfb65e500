import { UsageError } from './input';

export interface Args {
  positional: string[];
  flags: Set<string>;
  /** Options that may repeat (--pack A --pack B). */
  values: Map<string, string[]>;
}

/** Splits argv into positionals, boolean flags and valued options; unknown options are errors. */
export function parseArgs(argv: string[], valued: string[], booleans: string[]): Args {
  const out: Args = { positional: [], flags: new Set(), values: new Map() };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    // Long options (--name), and single-letter ones (-o) where the command takes them.
    const short = /^-[a-zA-Z]$/.test(a) && valued.includes(a.slice(1));
    if ((!a.startsWith('--') || a === '--') && !short) {
      out.positional.push(a);
      continue;
    }
    const [name, inline] = (short ? [a.slice(1), undefined] : a.slice(2).split(/=(.*)/s, 2)) as [string, string | undefined];
    if (booleans.includes(name)) {
      out.flags.add(name);
    } else if (valued.includes(name)) {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new UsageError(`--${name} needs a value`);
      out.values.set(name, [...(out.values.get(name) ?? []), v]);
    } else {
      throw new UsageError(`unknown option --${name}`);
    }
  }
  return out;
}
