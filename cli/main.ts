import { EXIT } from './exit-codes';
import { guardOutput, installCrashGuards, outputFailureMessage } from './process-guards';
import { dataFolderFor, runCli } from './run';

const argv = process.argv.slice(2);
const stdout = guardOutput(process.stdout);
const stderr = guardOutput(process.stderr);
installCrashGuards(process, {
  argv,
  dataDir: () => dataFolderFor(argv, process.env),
  stderr: stderr.write,
  exit: (code) => process.exit(code),
});

void runCli(argv, { stdout: stdout.write, stderr: stderr.write, env: process.env }).then((code) => {
  const failure = stdout.failure();
  if (failure !== null) {
    stderr.write(outputFailureMessage(failure));
    if (code === EXIT.ok) code = EXIT.data;
  }
  process.exitCode = code;
});
