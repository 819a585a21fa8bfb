import { useId, useState } from 'react';
import { CANDIDATE_FIELDS, CANDIDATE_FIELD_LABELS, type CandidateField } from '../../../../domain/vocabulary';
import { LIMITS, fileTooLarge } from '../../../../domain/limits';
import type { ImportReport } from '../../../../services/views';
import { call, errorMessage } from '../../client';
import { useDates } from '../../hooks/dates';
import { useRefresh } from '../../hooks/refresh';
import { useOp } from '../../hooks/useOp';
import { Outcome } from '../../components/Outcome';
import { platform } from '../../platform';
import { hrefFor } from '../../router';
import type { ProjectLevel } from '../../../../domain/project';
import { DropArea, FilePicker } from './FileChooser';
import { SameOrganizations } from './SameOrganizations';
import './import.css';

const KINDS = {
  dd: { label: 'DD document (Markdown)', accept: '.md,.markdown,.txt', needsProject: false, needsAdopter: false },
  notes: { label: 'Interview notes file', accept: '.md,.markdown,.txt', needsProject: true, needsAdopter: true },
  candidates: { label: 'Candidate list (CSV)', accept: '.csv,.txt', needsProject: true, needsAdopter: false },
  archive: { label: 'Adoption Desk archive (JSON)', accept: '.json', needsProject: false, needsAdopter: false },
} as const;
type Kind = keyof typeof KINDS;

/** Files larger than this are refused before they are read (the services refuse them too). */

/** A DD entry as the importer read it (services/import-dd.ts); other imports report other things. */
interface DdReading {
  line: number;
  lastLine: number;
  heading: string;
  readAs: 'organization' | 'label' | 'anonymous';
  readBecause: string;
  organization: string | null;
  industry: string | null;
  publicLabel: string | null;
  months: string[];
  interviewees: { name: string; role: string | null }[];
  anonymousInterviewees: number;
}

const isDdReading = (recognized: Record<string, unknown>): boolean => typeof recognized.readAs === 'string' && typeof recognized.heading === 'string';

/** The entry at a glance, as the command line's dry run puts it: who, month, how many people. */
function ddHeadline(r: DdReading, show: (stored: string) => string): string {
  const who = r.readAs === 'organization' ? `${r.organization}${r.industry ? ` (${r.industry})` : ''}` : `Anonymous${r.industry ? ` (${r.industry})` : ''}`;
  const people = r.interviewees.length + r.anonymousInterviewees;
  const parts = [who, r.months.length ? r.months.map(show).join(' and ') : 'no month', people === 0 ? 'no one named' : `${people} ${people === 1 ? 'interviewee' : 'interviewees'}`];
  return parts.join(' · ');
}

/** Where the entry is, how its heading was read and why, its month and its people: what to check against the document. */
function DdEntryReading({ r }: { r: DdReading }) {
  const { show } = useDates();
  const how =
    r.readAs === 'organization'
      ? `Organization ${r.organization}${r.industry ? `, industry ${r.industry}` : ''}`
      : `Anonymous, published as ${r.publicLabel ?? (r.industry ? `Anonymous ${r.industry}` : 'Anonymous')}`;
  const people = r.interviewees.map((p) => (p.role ? `${p.name} (${p.role})` : p.name));
  if (r.anonymousInterviewees > 0) people.push(`${r.anonymousInterviewees} anonymous`);
  return (
    <dl className="import-reading">
      <dt>{r.lastLine > r.line ? `Lines ${r.line}–${r.lastLine}` : `Line ${r.line}`}</dt>
      <dd>
        <code>{r.heading}</code>
      </dd>
      <dt>Read as</dt>
      <dd>
        {how} — {r.readBecause}
      </dd>
      <dt>Month</dt>
      <dd>{r.months.length ? r.months.map(show).join(' and ') : 'none in the document'}</dd>
      <dt>People</dt>
      <dd>{people.length ? people.join('; ') : 'none named'}</dd>
    </dl>
  );
}

function Report({ report }: { report: ImportReport }) {
  const c = report.created;
  // Months as every other screen shows dates (Settings), not the command line's "2025-03".
  const { show } = useDates();
  return (
    <section className="card" aria-label="Import report" data-testid="import-report">
      <h3>{report.dryRun ? 'Preview (nothing imported yet)' : 'Imported'}</h3>
      <p>
        {report.entries.length} entr{report.entries.length === 1 ? 'y' : 'ies'} recognized.{' '}
        {!report.dryRun && `Created ${c.adopters} adopters, ${c.interviews} interviews, ${c.organizations} organizations, ${c.people} people.`}
      </p>
      {report.warnings.length > 0 && (
        <ul className="warnings">
          {report.warnings.map((w, i) => (
            <li key={i}>{w}</li>
          ))}
        </ul>
      )}
      {!report.dryRun && report.projectId !== null && (
        <p className="import-done">
          <a className="button-link" href={hrefFor({ name: 'project', projectId: report.projectId, tab: 'pipeline' })}>
            Open project
          </a>
          {report.entries.some((e) => isDdReading(e.recognized)) && <span className="hint">Its adopters list shows what the document left for you to check.</span>}
        </p>
      )}
      <ul className="import-entries">
        {report.entries.map((entry, i) => {
          const reading = isDdReading(entry.recognized) ? (entry.recognized as unknown as DdReading) : null;
          return (
            <li key={i} className="import-entry" data-testid="import-entry">
              <p className="import-entry-head">
                <strong>{entry.label}</strong>
                {reading && <span>{ddHeadline(reading, show)}</span>}
                {entry.warnings.length > 0 && <span className="warning">{entry.warnings.join('; ')}</span>}
              </p>
              {reading && <DdEntryReading r={reading} />}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

export function ImportScreen() {
  const { refresh } = useRefresh();
  const projects = useOp('listProjects', {}, []);
  const [kind, setKind] = useState<Kind>('dd');
  const [projectId, setProjectId] = useState<number | null>(null);
  const [adopterNumber, setAdopterNumber] = useState('1');
  const [file, setFile] = useState<{ name: string; size: number; text: string } | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  /** Column → field, from the first preview of a candidate list; the reviewer can change each. */
  const [mapping, setMapping] = useState<Record<string, CandidateField> | null>(null);
  const [error, setError] = useState<string | null>(null);
  /** A new project's name and level as the reviewer chose them (empty name: the document's title). */
  const [newName, setNewName] = useState('');
  const [newLevel, setNewLevel] = useState<ProjectLevel>('incubation');
  /** Organizations the reviewer said are the same as another project's of that name. */
  const [sameOrganizations, setSameOrganizations] = useState<Set<string>>(new Set());
  const id = useId();
  const spec = KINDS[kind];

  async function pick(chosen: File | null) {
    setReport(null);
    setError(null);
    setMapping(null);
    setSameOrganizations(new Set());
    if (!chosen) return setFile(null);
    // Refused before reading, in the words every door uses (domain/limits.ts).
    if (chosen.size > LIMITS.fileBytes) return setError(fileTooLarge(chosen.name, chosen.size));
    setFile({ name: chosen.name, size: chosen.size, text: await platform.readChosenFile(chosen) });
  }

  /** A dropped file: an archive or a CSV says what it is by its name; anything else keeps the kind chosen. */
  function drop(dropped: File) {
    const name = dropped.name.toLowerCase();
    if (name.endsWith('.json')) setKind('archive');
    else if (name.endsWith('.csv')) setKind('candidates');
    else if (kind === 'archive' || kind === 'candidates') setKind('dd');
    void pick(dropped);
  }

  async function run(dryRun: boolean) {
    if (!file) return;
    setError(null);
    try {
      const base = { fileName: file.name, text: file.text, dryRun };
      const same = sameOrganizations.size > 0 ? { sameOrganizations: [...sameOrganizations] } : {};
      const target = projectId ? { projectId } : newName.trim() ? { newProject: { name: newName.trim(), level: newLevel } } : {};
      let result: ImportReport;
      if (kind === 'dd') result = await call('importDdDocument', { ...base, ...target, ...same });
      else if (kind === 'archive') result = await call('importArchive', base);
      else if (!projectId) throw new Error('Choose the project first.');
      else if (kind === 'notes') result = await call('importInterviewNotes', { ...base, projectId, adopterNumber: Number(adopterNumber) });
      else result = await call('importCandidates', { ...base, projectId, ...(mapping ? { mapping } : {}), ...same });
      setReport(result);
      if (kind === 'candidates' && !mapping) {
        const columns = result.entries.find((e) => e.label === 'Columns')?.recognized ?? {};
        setMapping(
          Object.fromEntries(
            Object.entries(columns).map(([column, field]) => [column, (CANDIDATE_FIELDS as readonly string[]).includes(String(field)) ? (field as CandidateField) : 'notes']),
          ),
        );
      }
      if (!dryRun) refresh();
    } catch (err) {
      setError(err instanceof Error && !('code' in err) ? err.message : errorMessage(err));
    }
  }

  return (
    <DropArea className="screen" onFile={drop}>
      <h2 id="import-title" className="screen-title">
        Import
      </h2>
      <div className="card stack">
        <div className="field">
          <label htmlFor={`${id}-kind`}>What are you importing?</label>
          <select id={`${id}-kind`} value={kind} onChange={(e) => (setKind(e.target.value as Kind), setReport(null), setMapping(null))}>
            {Object.entries(KINDS).map(([k, v]) => (
              <option key={k} value={k}>
                {v.label}
              </option>
            ))}
          </select>
        </div>
        {(spec.needsProject || kind === 'dd') && projects.state.status === 'ready' && (
          <div className="field">
            <label htmlFor={`${id}-project`}>{kind === 'dd' ? 'Into project' : 'Project'}</label>
            <select id={`${id}-project`} value={projectId ?? ''} onChange={(e) => setProjectId(Number(e.target.value) || null)}>
              <option value="">{kind === 'dd' ? 'A new project' : 'Choose…'}</option>
              {projects.state.value.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        )}
        {kind === 'dd' && !projectId && (
          <div className="field-row">
            <div className="field">
              <label htmlFor={`${id}-new-name`}>New project’s name</label>
              <input id={`${id}-new-name`} value={newName} onChange={(e) => setNewName(e.target.value)} placeholder="From the document’s title" />
            </div>
            {newName.trim() && (
              <div className="field">
                <label htmlFor={`${id}-new-level`}>Level</label>
                <select id={`${id}-new-level`} value={newLevel} onChange={(e) => setNewLevel(e.target.value as ProjectLevel)}>
                  <option value="incubation">Incubation</option>
                  <option value="graduation">Graduation</option>
                </select>
              </div>
            )}
          </div>
        )}
        {spec.needsAdopter && (
          <div className="field">
            <label htmlFor={`${id}-adopter`}>Adopter number</label>
            <input id={`${id}-adopter`} type="number" min={1} value={adopterNumber} onChange={(e) => setAdopterNumber(e.target.value)} />
          </div>
        )}
        <FilePicker id={`${id}-file`} accept={spec.accept} chosen={file} onFile={(f) => void pick(f)} />
        {kind === 'candidates' && mapping && (
          <fieldset className="mapping">
            <legend>Columns of the file</legend>
            {Object.entries(mapping).map(([column, field]) => (
              <div className="field" key={column}>
                <label htmlFor={`${id}-map-${column}`}>{column}</label>
                <select id={`${id}-map-${column}`} value={field} onChange={(e) => setMapping({ ...mapping, [column]: e.target.value as CandidateField })}>
                  {CANDIDATE_FIELDS.map((f) => (
                    <option key={f} value={f}>
                      {CANDIDATE_FIELD_LABELS[f]}
                    </option>
                  ))}
                </select>
              </div>
            ))}
            <p className="hint">Preview again to see the rows with this mapping.</p>
          </fieldset>
        )}
        <div className="toolbar">
          <button type="button" disabled={!file} onClick={() => void run(true)}>
            Preview
          </button>
          <button type="button" className="primary" disabled={!file} onClick={() => void run(false)}>
            Import
          </button>
        </div>
        <Outcome error={error} />
      </div>
      {report?.dryRun && report.matches && <SameOrganizations matches={report.matches} confirmed={sameOrganizations} onChange={setSameOrganizations} />}
      {report && <Report report={report} />}
    </DropArea>
  );
}
