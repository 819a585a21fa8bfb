import { useEffect, useState } from 'react';
import type { Project } from '../../../../domain/project';
import type { LeakHit } from '../../../../services/views';
import { call, DeskCallError, errorMessage } from '../../client';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LoadedView } from '../../components/Loaded';
import { MarkdownView } from '../../components/MarkdownView';
import { readMarkdown, visibleText } from '../../../../markdown/read';
import { downloadFile, downloadText } from '../../download';
import { useRefresh } from '../../hooks/refresh';
import { useSessionFlag } from '../../hooks/useSessionFlag';
import { useOp } from '../../hooks/useOp';
import { hrefFor } from '../../router';
import { AllowedList } from '../guard/AllowedList';
import { WarningList } from '../guard/WarningList';
import { LeakList } from './LeakList';

export function PreviewTab({ project }: { project: Project }) {
  const { generation } = useRefresh();
  // Per project, for the session: leaving the tab and coming back keeps it.
  const [includeDrafts, setIncludeDrafts] = useSessionFlag(`adoption-desk:include-drafts:${project.id}`);
  const [raw, setRaw] = useState(false);
  const { state, reload } = useOp('previewAdoption', { projectId: project.id, includeDrafts }, [project.id, includeDrafts, generation]);
  const pipeline = useOp('pipeline', { projectId: project.id }, [project.id, generation]);
  const [message, setMessage] = useState<{ text: string; tone: 'ok' | 'error' } | null>(null);
  // After an allowance, a dismissal or an undo the last export's outcome no longer holds: the lists below say what does.
  useEffect(() => setMessage(null), [generation]);

  /** The summary editor of the entry holding a hit, with the word selected: the place to fix it. */
  const linkFor = (hit: LeakHit) => {
    if (pipeline.state.status !== 'ready' || state.status !== 'ready' || hit.entryNumber === null) return null;
    const row = pipeline.state.value.find((r) => r.number === hit.entryNumber);
    const entry = state.value.entries.find((e) => e.number === hit.entryNumber);
    if (!row || !entry?.interviewId) return null;
    return hrefFor({ name: 'interview', projectId: project.id, adopterId: row.adopterId, interviewId: entry.interviewId, focus: `summary:${hit.term}` });
  };

  /** The screen of the adopter numbered `number`, where its allowances are listed. */
  const adopterHref = (number: number) => {
    const row = pipeline.state.status === 'ready' ? pipeline.state.value.find((r) => r.number === number) : undefined;
    return row ? hrefFor({ name: 'adopter', projectId: project.id, adopterId: row.adopterId }) : null;
  };

  /** Runs an export; the sentence it returns (or `label`) says what happened. */
  async function run(label: string, action: () => Promise<string | void>) {
    setMessage(null);
    try {
      const said = await action();
      setMessage({ text: said || label, tone: 'ok' });
    } catch (error) {
      const refused = error instanceof DeskCallError && error.code === 'LEAK_DETECTED';
      setMessage({ text: refused ? error.message : errorMessage(error), tone: 'error' });
      void reload();
    }
  }
  const exportMarkdown = () => call('exportAdoptionMarkdown', { projectId: project.id, includeDrafts });
  // Asked every time: the dossier is the one document that names the anonymous adopters.
  const [confirmingDossier, setConfirmingDossier] = useState(false);

  return (
    <div className="tab-panel">
      <div className="export-groups">
        <section className="public-exports" aria-labelledby="public-title">
          <h3 id="public-title">Public — the Adoption section</h3>
          <div className="toolbar" role="toolbar" aria-label="Public exports: the Adoption section" data-shortcut="export">
            <button
              type="button"
              className="primary"
              onClick={() => void run('Copied the Adoption section.', async () => navigator.clipboard.writeText((await exportMarkdown()).markdown))}
            >
              Copy Markdown
            </button>
            <button type="button" onClick={() => void run('', async () => downloadText(`${project.slug}-adoption.md`, (await exportMarkdown()).markdown))}>
              Save .md
            </button>
            <button type="button" onClick={() => void run('', async () => downloadFile(await call('exportAdoptionDocx', { projectId: project.id, includeDrafts })))}>
              Save .docx
            </button>
            <label className="checkbox">
              <input type="checkbox" checked={includeDrafts} onChange={(e) => setIncludeDrafts(e.target.checked)} /> Include drafts
            </label>
            <label className="checkbox">
              <input type="checkbox" checked={raw} onChange={(e) => setRaw(e.target.checked)} /> Show Markdown source
            </label>
          </div>
        </section>
        <section className="confidential-exports" aria-labelledby="confidential-title" data-testid="confidential-exports">
          <h3 id="confidential-title">Confidential — for the TOC only</h3>
          <p>Names every adopter, the anonymous ones too. Never attach it to the DD.</p>
          <button type="button" onClick={() => setConfirmingDossier(true)}>
            TOC dossier (.docx)…
          </button>
        </section>
      </div>
      {confirmingDossier && (
        <ConfirmDialog
          title="Save the confidential TOC dossier"
          confirmLabel="Save the dossier"
          onCancel={() => setConfirmingDossier(false)}
          onConfirm={() => {
            setConfirmingDossier(false);
            void run('', async () => downloadFile(await call('exportDossierDocx', { projectId: project.id })));
          }}
        >
          <p data-testid="confirm-question">This document names every anonymous adopter. Save it only where the TOC can read it.</p>
        </ConfirmDialog>
      )}
      {message && (
        <p className={message.tone === 'error' ? 'error' : 'ok'} role={message.tone === 'error' ? 'alert' : 'status'} data-testid="export-message">
          {message.text}
        </p>
      )}
      <LoadedView state={state} retry={() => void reload()}>
        {(preview) => (
          <div className="preview-layout">
            <div className="preview-main">
              <LeakList leaks={preview.leaks} linkFor={linkFor} projectId={project.id} />
              <AllowedList allowed={preview.allowed} adopterHref={adopterHref} />
              <article className="card preview" aria-label="Adoption section preview" data-testid="section-preview">
                {/* The section's own heading sits right under the screen's title (h2). */}
                {raw ? <pre className="markdown-source">{preview.markdown}</pre> : <MarkdownView markdown={preview.markdown} headingLevel={3} />}
              </article>
            </div>
            <aside className="preview-side" aria-label="Checks">
              <section className="card">
                <h3>Adoption criterion</h3>
                {/* Not met yet is where every project starts: work under way, not an alarm. */}
                <p className={preview.criterion.met ? 'met' : 'progress'} data-testid="criterion">
                  {preview.criterion.met ? '✔ Met' : 'Not met yet — in progress'}
                </p>
                <p>{preview.criterion.sentence}</p>
                {/* The DD's checklist item in words, and as written to paste it when the source is shown. */}
                <p className="checklist-item" data-testid="checklist-item">
                  <span className="muted">In the DD's checklist, {preview.criterion.met ? 'ticked' : 'not ticked yet'}: </span>
                  {visibleText(readMarkdown(preview.criterion.checklistLine)).trim()}
                </p>
                {raw && <pre className="markdown-source">{preview.criterion.checklistLine}</pre>}
              </section>
              <section className="card">
                <h3>Warnings ({preview.warnings.length})</h3>
                {preview.warnings.length === 0 ? <p className="muted">None.</p> : <WarningList warnings={preview.warnings} projectId={project.id} />}
              </section>
              {preview.omitted.length > 0 && (
                <section className="card">
                  <h3>Not in the section</h3>
                  <ul>
                    {preview.omitted.map((o) => (
                      <li key={o.number}>
                        Adopter {o.number}: {o.reason}
                      </li>
                    ))}
                  </ul>
                </section>
              )}
              <section className="card">
                <h3>Adoption Evaluation (draft)</h3>
                <MarkdownView markdown={preview.evaluationDraft} />
              </section>
            </aside>
          </div>
        )}
      </LoadedView>
    </div>
  );
}
