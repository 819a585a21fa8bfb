/**
 * Where team mode keeps things in Git (docs/team.md). The remote holds one branch; the clone
 * under the data folder is a bare repository (no working tree: nothing of the project is
 * written out as loose files) with three refs of its own.
 */

/** The one branch a shared project lives on, on the remote and in the clone. */
export const SHARE_BRANCH = 'main';

/** The format file at the root of the shared branch ({format, version, projectUid}): the remote check reads it. */
export { FORMAT_FILE as SHARE_FORMAT_FILE } from '../../templates/share/format-paths';

/** The remote's name in the clone. */
export const REMOTE = 'origin';

/** The last commit this reviewer and the remote agreed on: moved only after a push succeeded or a fetch was taken whole. */
export const LOCAL_REF = `refs/heads/${SHARE_BRANCH}`;
/** The remote's branch as of the last fetch. */
export const REMOTE_REF = `refs/remotes/${REMOTE}/${SHARE_BRANCH}`;
/** A commit made and not yet pushed ("to push"): the next sync builds on it. */
export const OUTGOING_REF = 'refs/adoption-desk/outgoing';
