import { main } from './main';

main(process.argv.slice(2), {
  out: (t) => process.stdout.write(t),
  err: (t) => process.stderr.write(t),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: Error) => {
    process.stderr.write(`claimlight: internal error: ${e.stack ?? e.message}\n`);
    process.exitCode = 1;
  },
);
