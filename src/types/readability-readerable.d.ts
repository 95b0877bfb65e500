// Readability's readerability check alone (the package's index requires both it and Readability; this file is the
// check's own CommonJS module): the reference that test/unit/gate.test.ts holds the gate to.
declare module '@mozilla/readability/Readability-readerable.js' {
  import type { isProbablyReaderable as check } from '@mozilla/readability';
  const isProbablyReaderable: typeof check;
  export = isProbablyReaderable;
}
