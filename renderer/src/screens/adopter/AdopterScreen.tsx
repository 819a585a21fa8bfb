import { useCallback, useId, useState } from 'react';
import type { AdopterFields } from '../../../../domain/adopter';
import { ADOPTER_TYPES, ADOPTER_TYPE_LABELS, RELATIONS, USAGE_LEVELS, USAGE_LEVEL_LABELS, defaultAnonymousLabel } from '../../../../domain/vocabulary';
import type { AdopterDetail } from '../../../../services/views';
import { call, errorMessage } from '../../client';
import { AutosaveField } from '../../components/AutosaveField';
import { LoadedView } from '../../components/Loaded';
import { useRefresh } from '../../hooks/refresh';
import { useOp } from '../../hooks/useOp';
import { useVersioned } from '../../hooks/useVersioned';
import { hrefFor, navigate } from '../../router';
import { downloadFile } from '../../download';
import { GuardCard } from '../guard/GuardCard';
import { EntryPreviewPanel } from './EntryPreviewPanel';
import { Outcome } from '../../components/Outcome';
import { useUndoable } from '../../hooks/useUndoable';
import { useLogInterview } from './useLogInterview';
import { ConflictBadge } from '../team/ConflictBadge';
import { useDates } from '../../hooks/dates';

type AdopterPatch = Partial<AdopterFields>;

function ChoiceField<T extends string>(props: { label: string; value: T | null; options: readonly T[]; labels: Record<T, string>; onChange: (v: T | null) => void; allowNone?: boolean }) {
  const id = useId();
  return (
    <div className="field w-s">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value ?? ''} onChange={(e) => props.onChange((e.target.value || null) as T | null)}>
        {props.allowNone && <option value="">Not known yet</option>}
        {props.options.map((o) => (
          <option key={o} value={o}>
            {props.labels[o]}
          </option>
        ))}
      </select>
    </div>
  );
}

function AdopterForm({ detail, projectId, projectName }: { detail: AdopterDetail; projectId: number; projectName: string }) {
  const { adopter, organization } = detail;
  const saveAdopter = useVersioned(adopter.version);
  const saveOrganization = useVersioned(organization.version);
  const [fields, setFields] = useState(adopter);
  const [error, setError] = useState<string | null>(null);
  const [previewKey, setPreviewKey] = useState(0);
  const undoable = useUndoable();
  const { show } = useDates();

  const patchAdopter = useCallback(
    async (patch: AdopterPatch) => {
      await saveAdopter((version) => call('updateAdopter', { id: adopter.id, version, ...patch }));
      setPreviewKey((k) => k + 1);
    },
    [adopter.id, saveAdopter],
  );
  const patchOrganization = useCallback(
    async (patch: { name?: string; industry?: string | null; website?: string | null; aliases?: string[] }) => {
      await saveOrganization((version) => call('updateOrganization', { id: organization.id, version, ...patch }));
      setPreviewKey((k) => k + 1);
    },
    [organization.id, saveOrganization],
  );
  /** Immediate fields (toggles, selects) save on change and say so if it failed. */
  const set = (patch: AdopterPatch) => {
    setFields((f) => ({ ...f, ...patch }));
    setError(null);
    patchAdopter(patch).catch((err) => setError(errorMessage(err)));
  };

  const logInterview = useLogInterview({ projectId, adopterId: adopter.id, name: `Adopter ${adopter.number} – ${organization.name}`, stage: adopter.stage });

  /** At once, then back to the adopters; the toast that follows names it and offers the Undo. */
  async function remove() {
    const named = `Adopter ${adopter.number} – ${organization.name} (${projectName})`;
    const moved = await undoable({
      run: () => call('deleteAdopter', { id: adopter.id }),
      done: () => `Moved ${named} to the trash.`,
      undo: () => call('restoreFromTrash', { entity: 'adopter', id: adopter.id }),
      undone: () => `${named} is back from the trash.`,
    });
    if (moved) navigate({ name: 'project', projectId, tab: 'pipeline' });
  }

  return (
    <div className="adopter-layout">
      <div className="adopter-form">
        <Outcome error={error} prefix="Not saved: " />
        {/* First: what the reviewer comes here for (the interviews, and logging the next one). */}
        <section className="card" aria-labelledby="interviews-title">
          <div className="card-head">
            <h3 id="interviews-title">Interviews</h3>
            <div className="toolbar">
              <button type="button" className="primary" onClick={() => void logInterview()} data-shortcut="new-interview" aria-keyshortcuts="I">
                Log an interview
              </button>
              <button
                type="button"
                disabled={detail.interviews.length === 0}
                onClick={() =>
                  void call('exportReviewDocx', { projectId, adopterNumber: adopter.number })
                    .then(downloadFile)
                    .catch((err) => setError(errorMessage(err)))
                }
              >
                Review copy (.docx)
              </button>
            </div>
          </div>
          {detail.interviews.length === 0 ? (
            <p className="muted">No interview yet.</p>
          ) : (
            <ul className="item-list">
              {detail.interviews.map((i) => (
                <li key={i.id}>
                  <a href={hrefFor({ name: 'interview', projectId, adopterId: adopter.id, interviewId: i.id })}>
                    Interview <span className="date">{show(i.date ?? i.month ?? '') || '(no date yet)'}</span>
                  </a>
                  {i.approvedAt ? (
                    <span className="badge badge-ok">
                      Approved <span className="date">{show(i.approvedAt)}</span>
                    </span>
                  ) : i.summarySentAt ? (
                    <span className="badge">
                      Sent <span className="date">{show(i.summarySentAt)}</span>
                    </span>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
        <fieldset className="card">
          <legend>Organization</legend>
          <div className="field-row">
            <AutosaveField label="Name" className="w-m" initial={organization.name} save={(name) => patchOrganization({ name })} />
            <AutosaveField
              label="Industry"
              className="w-m"
              initial={organization.industry ?? ''}
              save={(v) => patchOrganization({ industry: v || null })}
              hint="Shown as “Anonymous <industry>” when anonymous."
            />
          </div>
          <div className="field-row">
            <AutosaveField label="Website" className="w-m" initial={organization.website ?? ''} save={(v) => patchOrganization({ website: v || null })} />
            <AutosaveField
              className="w-l"
              label="Other names"
              initial={organization.aliases.join(', ')}
              save={(v) => patchOrganization({ aliases: v.split(',').map((s) => s.trim()).filter(Boolean) })}
              hint="Products, parent company, short forms, separated by commas: the anonymity guard looks for all of them."
            />
          </div>
        </fieldset>
        <fieldset className="card">
          <legend>Anonymity</legend>
          <div className="field-row">
            <label className="checkbox">
              <input type="checkbox" checked={fields.anonymous} onChange={(e) => set({ anonymous: e.target.checked })} /> The organization stays anonymous in
              public documents
            </label>
          </div>
          {fields.anonymous && (
            <AutosaveField
              label="Public label"
              className="w-l"
              initial={adopter.publicLabel ?? ''}
              save={(v) => patchAdopter({ publicLabel: v || null })}
              placeholder={defaultAnonymousLabel(organization.industry)}
              hint="Leave empty for “Anonymous <industry>”."
            />
          )}
          {!fields.anonymous && (
            <AutosaveField
              label="Label in the DD"
              className="w-l"
              initial={adopter.namedLabel ?? ''}
              save={(v) => patchAdopter({ namedLabel: v || null })}
              placeholder={organization.industry ? `${organization.name}/${organization.industry}` : organization.name}
              hint="Printed after “Adopter N - ”; empty: the organization and its industry (an imported DD keeps its own words)."
            />
          )}
          <p className="hint">An interviewee can stay anonymous in a named organization: set that on the interview.</p>
        </fieldset>
        <GuardCard adopter={{ ...adopter, anonymous: fields.anonymous }} projectId={projectId} version={previewKey} />
        <fieldset className="card">
          <legend>Use of the project</legend>
          <div className="field-row">
            <ChoiceField label="Usage level" value={fields.usageLevel} options={USAGE_LEVELS} labels={USAGE_LEVEL_LABELS} allowNone onChange={(usageLevel) => set({ usageLevel })} />
            <AutosaveField label="In use since" className="w-date" initial={adopter.inUseSince ?? ''} save={(v) => patchAdopter({ inUseSince: v || null })} placeholder="2023 or 2023-03" />
            <AutosaveField label="Scale" className="w-m" initial={adopter.scale ?? ''} save={(v) => patchAdopter({ scale: v || null })} placeholder="e.g. 40 clusters, 3,000 nodes" />
          </div>
          <div className="field-row">
            <ChoiceField label="Adopter type" value={fields.adopterType} options={ADOPTER_TYPES} labels={ADOPTER_TYPE_LABELS} onChange={(v) => v && set({ adopterType: v })} />
            <ChoiceField label="Direct or transitive" value={fields.relation} options={RELATIONS} labels={{ direct: 'Direct', transitive: 'Transitive (through another product)' }} onChange={(v) => v && set({ relation: v })} />
          </div>
          <div className="field-row">
            <label className="checkbox">
              <input type="checkbox" checked={fields.independent} onChange={(e) => set({ independent: e.target.checked })} /> Independent of the vendor behind the
              project
            </label>
            <AutosaveField label="Why (independence)" className="w-m" initial={adopter.independenceReason ?? ''} save={(v) => patchAdopter({ independenceReason: v || null })} />
          </div>
          <AutosaveField
            className="w-l"
            label="Vendor offering used"
            initial={adopter.vendorNote}
            save={(vendorNote) => patchAdopter({ vendorNote })}
            hint="Only when the adopter uses the project through a vendor’s product; the entry then carries a note."
          />
        </fieldset>
        <div className="toolbar">
          <button type="button" className="danger" onClick={() => void remove()}>
            Move Adopter {adopter.number} to the trash
          </button>
        </div>
      </div>
      <EntryPreviewPanel adopterId={adopter.id} projectId={projectId} version={previewKey} />
    </div>
  );
}

export function AdopterScreen({ projectId, adopterId }: { projectId: number; adopterId: number }) {
  const { generation } = useRefresh();
  const { state, reload } = useOp('getAdopter', { id: adopterId }, [adopterId, generation]);
  const project = useOp('getProject', { id: projectId }, [projectId, generation]);
  const projectName = project.state.status === 'ready' ? project.state.value.name : 'its project';
  return (
    <LoadedView state={state} retry={() => void reload()}>
      {(detail) => (
        <section className="screen" aria-labelledby="adopter-title">
          <p className="breadcrumb">
            <a href={hrefFor({ name: 'projects' })}>Projects</a> / <a href={hrefFor({ name: 'project', projectId, tab: 'pipeline' })}>Adopters</a> /
          </p>
          <h2 id="adopter-title" className="screen-title">
            Adopter {detail.adopter.number} – {detail.organization.name}
          </h2>
          <ConflictBadge projectId={projectId} match={(c) => c.adopterNumber === detail.adopter.number} />
          <AdopterForm key={`${detail.adopter.id}:${generation}`} detail={detail} projectId={projectId} projectName={projectName} />
        </section>
      )}
    </LoadedView>
  );
}
