// Writes public/_locales/<lang>/messages.json from src/ui/messages.ts, turning {1}, {2} into the placeholders the
// browsers' i18n wants. Run: npm run build:locales (the build runs it first).
import { mkdirSync, writeFileSync } from 'node:fs';
import { LANGS, MESSAGES } from '../src/ui/messages';

for (const lang of LANGS) {
  const out: Record<string, { message: string; placeholders?: Record<string, { content: string }> }> = {};
  for (const [key, entry] of Object.entries(MESSAGES)) {
    const text = entry[lang];
    const nums = [...new Set([...text.matchAll(/\{(\d)\}/g)].map((m) => m[1]!))];
    // A literal $ must be written $$ in messages.json.
    const message = text.replace(/\$/g, '$$$$').replace(/\{(\d)\}/g, (_, i: string) => `$P${i}$`);
    out[key] = nums.length ? { message, placeholders: Object.fromEntries(nums.map((i) => [`p${i}`, { content: `$${i}` }])) } : { message };
  }
  mkdirSync(`public/_locales/${lang}`, { recursive: true });
  writeFileSync(`public/_locales/${lang}/messages.json`, JSON.stringify(out, null, 2) + '\n');
}
console.log(`wrote public/_locales/{${LANGS.join(',')}}/messages.json: ${Object.keys(MESSAGES).length} messages`);
