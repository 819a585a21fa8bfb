import { useEffect, useId, useRef, useState } from 'react';
import type { EntryPreview } from '../../../../services/views';
import { call, errorMessage } from '../../client';
import { MarkdownView } from '../../components/MarkdownView';
import { createChannel, useChannel, type Channel } from '../../hooks/channel';
import { useRefresh } from '../../hooks/refresh';
import { useSessionFlag } from '../../hooks/useSessionFlag';
import { AllowActions } from '../guard/AllowActions';
import { WarningList } from '../guard/WarningList';

/**
 * Exactly how this adopter will appear in the DD, refreshed after every save — or, through
 * `typed`, as the reviewer types the summary (the newest request wins; stale answers are dropped).
 */
const NOTHING_TYPED = createChannel<string | undefined>(undefined);


export function EntryPreviewPanel({
  adopterId,
  projectId,
  version,
  typed = NOTHING_TYPED,
}: {
  adopterId: number;
  projectId: number;
  version: number;
  typed?: Channel<string | undefined>;
}) {
  const summary = useChannel(typed);
  // An allowance or a dismissal made here (or anywhere) changes what this entry shows.
  const { generation: refreshed } = useRefresh();
  const [preview, setPreview] = useState<EntryPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
  // Folding holds for the session, on every adopter and interview: a choice of room, not of entry.
  const [folded, setFolded] = useSessionFlag('adoption-desk:entry-preview-folded');
  const bodyId = useId();
  useEffect(() => {
    const mine = ++generation.current;
    call('previewAdopterEntry', { adopterId, ...(summary === undefined ? {} : { summary }) })
      .then((value) => {
        if (mine === generation.current) {
          setPreview(value);
          setError(null);
        }
      })
      .catch((err) => mine === generation.current && setError(errorMessage(err)));
  }, [adopterId, version, summary, refreshed]);
  // The guard's findings come first: in a long entry they would otherwise scroll out of sight.
  return (
    <aside className={folded ? 'card entry-preview folded' : 'card entry-preview'} aria-label="How this adopter appears in the DD">
      <div className="card-head">
        <h3>In the DD</h3>
        <button type="button" className="small" aria-expanded={!folded} aria-controls={bodyId} onClick={() => setFolded(!folded)}>
          {folded ? 'Show “In the DD”' : 'Hide'}
        </button>
      </div>
      <div id={bodyId} hidden={folded}>
        {error && <p className="error">{error}</p>}
        {preview && (
          <>
            {preview.leaks.length > 0 && (
              <div className="leak-card" role="alert">
                <strong>Would be refused:</strong>
                <ul>
                  {preview.leaks.map((l, i) => (
                    <li key={i} data-testid="entry-leak">
                      names “{l.term}” (anonymous Adopter {l.adopterNumber}) at line {l.line}
                      <AllowActions hit={l} projectId={projectId} />
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {preview.warnings.length > 0 && <WarningList warnings={preview.warnings} projectId={projectId} />}
            <div data-testid="entry-preview">
              <MarkdownView markdown={preview.markdown || '_Not in the section yet: no summary._'} />
            </div>
          </>
        )}
      </div>
    </aside>
  );
}
