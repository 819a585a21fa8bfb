import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataDirFromArgs, defaultUserDataDir, resolveDatabaseFile, resolveDataDir } from '../../../services/data-location';

describe('where the data lives', () => {
  it('follows Electron userData per platform', () => {
    expect(defaultUserDataDir('linux', {}, '/home/ada')).toBe('/home/ada/.config/Adoption Desk');
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/cfg' }, '/home/ada')).toBe('/cfg/Adoption Desk');
    expect(defaultUserDataDir('darwin', {}, '/Users/ada')).toBe('/Users/ada/Library/Application Support/Adoption Desk');
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'C:\\Users\\ada')).toBe(
      'C:\\Users\\ada\\AppData\\Roaming\\Adoption Desk',
    );
  });

  it('--data-dir beats ADOPTION_DESK_DATA_DIR beats userData', () => {
    expect(dataDirFromArgs(['app', '--data-dir', '/a'])).toBe('/a');
    expect(dataDirFromArgs(['app', '--data-dir=/b'])).toBe('/b');
    expect(resolveDataDir(['--data-dir', '/a'], { ADOPTION_DESK_DATA_DIR: '/e' }, '/u')).toBe('/a');
    expect(resolveDataDir([], { ADOPTION_DESK_DATA_DIR: '/e' }, '/u')).toBe('/e');
    expect(resolveDataDir([], {}, '/u')).toBe('/u');
  });

  it('the CLI uses --db, then ADOPTION_DESK_DB, then the app database', () => {
    expect(resolveDatabaseFile('/x.sqlite', { ADOPTION_DESK_DB: '/y.sqlite' }, '/u')).toBe('/x.sqlite');
    expect(resolveDatabaseFile(undefined, { ADOPTION_DESK_DB: '/y.sqlite' }, '/u')).toBe('/y.sqlite');
    expect(resolveDatabaseFile(undefined, { ADOPTION_DESK_DATA_DIR: '/d' }, '/u')).toBe(path.join('/d', 'adoption-desk.sqlite'));
    expect(resolveDatabaseFile(undefined, {}, '/u')).toBe(path.join('/u', 'adoption-desk.sqlite'));
  });
});
