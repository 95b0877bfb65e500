/**
 * Stands in for linkedom's CSS parser (`cssomnom/parse`) in the extension's background: linkedom parses a <style>
 * element's CSS only when its `sheet` is read, and nothing the background runs reads it (Readability looks at
 * elements, never at style sheets). The parser was a quarter of the background's bundle (320 of 1,320 kB before
 * minifying), all of it compiled and evaluated each time the service worker wakes. Aliased in wxt.config.ts.
 */
export function parse(): never {
  throw new Error('Claimlight: style sheets are not parsed in the background (see src/extract/no-style-sheets.ts)');
}
