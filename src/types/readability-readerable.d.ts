// The readerability check alone, so that the content script does not bundle all of Readability (the package's
// index requires both; this file is the check's own CommonJS module).
declare module '@mozilla/readability/Readability-readerable.js' {
  import type { isProbablyReaderable as check } from '@mozilla/readability';
  const isProbablyReaderable: typeof check;
  export = isProbablyReaderable;
}
