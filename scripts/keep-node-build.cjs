// electron-builder's npmRebuild rebuilds native modules inside the project's own
// node_modules (it has no staging copy). That leaves better-sqlite3 built for Electron, and
// `npm test` then fails with a NODE_MODULE_VERSION error. The builder config saves the
// binary before the rebuild and puts it back once the packaged app holds its own copy.
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

/** Save `file` aside now, put those bytes back later. One save at a time. */
function keepFile(file) {
  let saved;
  function restore() {
    process.removeListener('exit', restore);
    if (!saved) return;
    // Unlink first: a process that has the old binary loaded keeps its own copy. The
    // folder may be gone too: node-gyp's rebuild starts by deleting build/.
    fs.rmSync(file, { force: true });
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.copyFileSync(saved, file);
    fs.rmSync(path.dirname(saved), { recursive: true, force: true });
    saved = undefined;
  }
  function save() {
    if (saved || !fs.existsSync(file)) return;
    saved = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'adoption-desk-kept-')), path.basename(file));
    fs.copyFileSync(file, saved);
    // A packaging run that fails between the rebuild and afterPack still puts it back.
    process.once('exit', restore);
  }
  return { save, restore };
}

module.exports = { keepFile };
