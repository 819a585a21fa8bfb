import { createRequire, enableCompileCache } from 'node:module';
import { join } from 'node:path';
import { launch } from './launcher';

// The `adoption-desk` bin: turns on Node's compile cache, then runs main.js beside it.
// Named imports keep this file free of the bundler's interop helper: it stays one small file.
launch({ createRequire, enableCompileCache }, join(__dirname, 'main.js'), {
  stderr: (text) => process.stderr.write(text),
  exit: (code) => process.exit(code),
});
