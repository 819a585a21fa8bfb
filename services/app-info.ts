import path from 'node:path';
import { version } from '../package.json';
import type { Store } from '../db/store';
import type { ServiceGroup } from './contract';

export interface AppInfo {
  version: string;
  databaseFile: string;
  dataDir: string;
  backupsDir: string;
}

export function appInfoServices(store: Store): ServiceGroup<'appInfo'> {
  return {
    appInfo: () => {
      const dataDir = path.dirname(store.file);
      return { version, databaseFile: store.file, dataDir, backupsDir: path.join(dataDir, 'backups') };
    },
  };
}
