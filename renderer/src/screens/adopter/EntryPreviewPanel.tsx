import { useEffect, useRef, useState } from 'react';
import type { EntryPreview } from '../../../../services/views';
import { call, errorMessage } from '../../client';
import { MarkdownView } from '../../components/MarkdownView';
import { createChannel, useChannel, type Channel } from '../../hooks/channel';

/**
 * Exactly how this adopter will appear in the DD, refreshed after every save — or, through
 * `typed`, as the reviewer types the summary (the newest request wins; stale answers are dropped).
 */
const NOTHING_TYPED = createChannel<string | undefined>(undefined);

export function EntryPreviewPanel({ adopterId, version, typed = NOTHING_TYPED }: { adopterId: number; version: number; typed?: Channel<string | undefined> }) {
  const summary = useChannel(typed);
  const [preview, setPreview] = useState<EntryPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const generation = useRef(0);
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
  }, [adopterId, version, summary]);
  return (
    <aside className="card entry-preview" aria-label="How this adopter appears in the DD">
      <h3>In the DD</h3>
      {error && <p className="error">{error}</p>}
      {preview && (
        <>
          <div data-testid="entry-preview">
            <MarkdownView markdown={preview.markdown || '_Not in the section yet: no summary._'} />
          </div>
          {preview.leaks.length > 0 && (
            <div className="leak-card" role="alert">
              <strong>Would be refused:</strong>
              <ul>
                {preview.leaks.map((l, i) => (
                  <li key={i}>
                    names “{l.term}” (anonymous Adopter {l.adopterNumber}) at line {l.line}
                  </li>
                ))}
              </ul>
            </div>
          )}
          {preview.warnings.length > 0 && (
            <ul className="warnings" aria-label="Warnings">
              {preview.warnings.map((w, i) => (
                <li key={i}>{w.message}</li>
              ))}
            </ul>
          )}
        </>
      )}
    </aside>
  );
}
