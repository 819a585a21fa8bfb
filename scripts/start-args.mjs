// `npm start [-- app args]`: our own flags are read here; everything else goes to the app.

/**
 * `--skip-build` (the tests use it to test the later steps without a build) and `--browser`
 * (open the app in the browser, through `adoption-desk serve`, without trying Electron) are
 * ours. Anything after a bare `--` goes to the app verbatim, even a `--skip-build`.
 */
export function parseStartArgs(argv) {
  const appArgs = [];
  let skipBuild = false;
  let browser = false;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--') {
      appArgs.push(...argv.slice(i + 1));
      break;
    }
    if (arg === '--skip-build') skipBuild = true;
    else if (arg === '--browser') browser = true;
    else appArgs.push(arg);
  }
  return { skipBuild, browser, appArgs };
}
