// electron-builder configuration for `npm run dist`. CommonJS (.cjs) because package.json
// has no "type": "module" and electron-builder require()s its config file.
// Schema: node_modules/app-builder-lib/scheme.json (electron-builder 26.17).
const path = require('node:path');
const { keepFile } = require('./scripts/keep-node-build.cjs');

const nodeBuild = keepFile(path.join(__dirname, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'));

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'dev.adoptiondesk.app',
  productName: 'Adoption Desk',
  directories: { output: 'dist' },

  // Ship only what electron-vite built plus package.json ("main" points into out/).
  // Sources, tests, docs and configs stay out of the app; electron-builder adds the
  // production dependencies' node_modules by itself. better-sqlite3 comes with its
  // C sources and compiler leftovers, which a running app never reads.
  files: [
    'out/**',
    // The benchmarks are built into out/bench by `npm run bench`: a developer's tool, not the app's.
    '!out/bench/**',
    'package.json',
    '!node_modules/better-sqlite3/{deps,src}/**',
    '!node_modules/better-sqlite3/build/{deps,Release/obj,Release/obj.target,Release/.deps}/**',
    '!node_modules/better-sqlite3/build/Release/test_extension.node',
  ],
  asar: true,
  // A native addon cannot be dlopen()ed from inside an archive: keep it on disk,
  // in resources/app.asar.unpacked, where Electron's asar shim redirects the load.
  asarUnpack: ['node_modules/better-sqlite3/build/Release/*.node'],

  // node_modules/better-sqlite3 is built for Node (the tests run on it); the packaged app
  // needs it built for Electron's ABI, so electron-builder must rebuild it for Electron.
  npmRebuild: true,

  // Fuses are switches compiled into the Electron binary, flipped at packaging time, so a
  // shipped app cannot be turned into something else by its environment.
  electronFuses: {
    // ELECTRON_RUN_AS_NODE would turn the signed app into a general-purpose Node runtime.
    runAsNode: false,
    // NODE_OPTIONS could inject code (--require) into the main process.
    enableNodeOptionsEnvironmentVariable: false,
    // --inspect and SIGUSR1 would open a debugger onto the main process and the database.
    enableNodeCliInspectArguments: false,
    // The app refuses an app.asar that was changed after packaging (macOS and Windows).
    enableEmbeddedAsarIntegrityValidation: true,
    // Load code only from the validated app.asar, never from a loose resources/app folder.
    onlyLoadAppFromAsar: true,
    // Chromium's cookie store is encrypted with the OS key store, as in Chrome.
    enableCookieEncryption: true,
    // The UI is served from app://, so file:// pages need no privileges beyond a browser's.
    grantFileProtocolExtraPrivileges: false,
  },

  // The rebuild happens inside the project's own node_modules, where the tests need the
  // Node build: keep it aside and put it back once the app folder holds its own copy
  // (scripts/keep-node-build.cjs).
  beforeBuild: async () => {
    nodeBuild.save();
    return true; // true: electron-builder goes on with its rebuild
  },
  afterPack: async () => nodeBuild.restore(),

  linux: {
    target: ['AppImage', 'deb'],
    category: 'Office',
    executableName: 'adoption-desk',
    synopsis: 'Adopter interviews for CNCF due diligence, kept offline',
    // A .deb must name its maintainer; package.json has no author to take it from.
    maintainer: 'Adoption Desk maintainers <maintainers@adoption-desk.invalid>',
    vendor: 'Adoption Desk',
  },
  mac: {
    target: ['dmg'],
    category: 'public.app-category.productivity',
  },
  win: {
    target: ['nsis'],
  },
  nsis: {
    // A reviewer without admin rights can still install for themselves.
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
  },
};
