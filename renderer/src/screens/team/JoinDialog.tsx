import { call } from '../../client';
import { useRefresh } from '../../hooks/refresh';
import { useToast } from '../../hooks/toast';
import { navigate } from '../../router';
import { AddressDialog } from './AddressDialog';

/**
 * Join a project a teammate shared: the repository's address; the project arrives as one
 * change, and opens. A refusal (a public repository, an empty one, Git missing, a newer
 * format) shows in the dialog, the address kept as typed.
 */
export function JoinDialog({ onClose }: { onClose: () => void }) {
  const toast = useToast();
  const { refresh } = useRefresh();
  return (
    <AddressDialog
      title="Join a shared project"
      intro={
        <p>
          Give the address of the private repository a teammate shared the project to. Adoption Desk reads it through the Git installed on this computer, signed in
          as you; nothing is sent until you press Sync.
        </p>
      }
      action="Join"
      running="Joining…"
      run={async (remoteUrl) => {
        const joined = await call('joinShared', { remoteUrl });
        refresh();
        navigate({ name: 'project', projectId: joined.projectId, tab: 'pipeline' });
        toast({ text: joined.sentences[0] ?? 'You joined the team’s project.', tone: 'info' });
      }}
      onClose={onClose}
    />
  );
}
