import type { Store } from '../db/store';
import { adopterServices } from './adopters';
import { adopterBulkServices } from './adopter-bulk';
import { allowanceServices } from './allowances';
import { guardTermServices } from './guard-terms';
import { appInfoServices } from './app-info';
import { adoptionServices } from './adoption';
import { dashboardServices } from './dashboard';
import { importServices } from './imports';
import { settingsServices } from './settings';
import { dismissalServices } from './warning-dismissals';
import { checklistServices } from './after-import';
import { sampleProjectServices } from './sample-project';
import { wordServices } from './word';
import type { Services } from './contract';
import { historyServices } from './history';
import { interviewServices } from './interviews';
import { organizationServices } from './organizations';
import { overviewServices } from './overview';
import { pipelineActionServices } from './pipeline-actions';
import { projectServices } from './projects';
import { searchServices } from './search';
import { checkProjectSize } from './project-limits';
import { trashSummaryServices } from './trash-summary';
import { shareServices } from './share/share-service';

/** Every contract operation over one open store, except backups (which need the Desk: see desk.ts). */
export function createServices(store: Store): Omit<Services, 'listBackups' | 'backupNow' | 'restoreBackup' | 'dailyBackupNotice'> {
  // Whatever door a change came through, it leaves its project within domain/limits.ts.
  store.checkBeforeCommit((projectId) => checkProjectSize(store, projectId));
  return {
    ...projectServices(store),
    ...organizationServices(store),
    ...adopterServices(store),
    ...adopterBulkServices(store),
    ...interviewServices(store),
    ...historyServices(store),
    ...trashSummaryServices(store),
    ...overviewServices(store),
    ...searchServices(store),
    ...adoptionServices(store),
    ...allowanceServices(store),
    ...dismissalServices(store),
    ...guardTermServices(store),
    ...dashboardServices(store),
    ...pipelineActionServices(store),
    ...appInfoServices(store),
    ...wordServices(store),
    ...settingsServices(store),
    ...importServices(store),
    ...sampleProjectServices(store),
    ...checklistServices(store),
    ...shareServices(store),
  };
}
