/**
 * The store side of team mode (issue 19): a project's link to its team repository, the
 * project as a snapshot and back, the acknowledgements publishing waits for, and open text
 * conflicts. The Sync (services/share/share-*.ts) calls these; each lives in its own file.
 */
export { shareLinkOf, projectIdOfUid, saveShareLink, listShareLinks, type ShareLink } from './store-link';
export { projectSnapshot } from './store-snapshot';
export { applySnapshot } from './store-apply';
export { recordAcknowledgements, pendingAcknowledgements, acknowledge, type PendingAcknowledgement } from './store-acknowledgements';
export { openConflictsOf, resolveConflict, type OpenConflict } from './store-conflicts';
