import type { SyncReport } from '../../../../services/share/share-service';
import { call } from '../../client';
import { AddressDialog } from './AddressDialog';

/**
 * Share a project with teammates: what it needs and what leaves the machine, said before
 * anything is sent. The refusals (a public repository, one under cncf, Git missing or not
 * signed in) show in the dialog, the address kept as typed.
 */
export function ShareDialog({ projectId, projectName, onClose, onShared }: { projectId: number; projectName: string; onClose: () => void; onShared: (report: SyncReport) => void }) {
  return (
    <AddressDialog
      title={`Share ${projectName} with teammates`}
      intro={
        <>
          <p>Sharing needs an empty private repository your team can reach (never one under github.com/cncf), and Git installed on this computer and signed in to it.</p>
          <p className="muted">
            Each Sync sends this project’s adopters, interviews, notes and quotes to that repository, through your own Git; nothing else leaves this computer, and
            nothing is sent without you pressing Sync.
          </p>
        </>
      }
      hint="As Git knows it, for example git@github.com:globex/mesh-dd.git"
      action="Share"
      running="Sharing…"
      run={async (remoteUrl) => onShared(await call('shareProject', { projectId, remoteUrl }))}
      onClose={onClose}
    />
  );
}
