import { andList } from '../../domain/vocabulary';
import { DeskError } from '../../domain/errors';
import type { Store } from '../../db/store';
import type { PublicationData, RenderOptions } from '../../templates/adoption/model';
import { previewAdoptionSection } from '../../templates/adoption/publish';
import { pendingAcknowledgements } from './store-acknowledgements';
import { adopterOfRecord } from './store-conflicts';

/**
 * Publishing stays safe in team mode (issue 19): a public export (the Markdown section, the
 * Word section) is refused while a teammate's change that weakens anonymity is unacknowledged,
 * or while a text conflict is open on an adopter the export would print. The anonymity guard
 * still runs after this, over the store's data, unchanged: this gate only adds refusals.
 * Called inside the export's read of the store.
 */
export function refuseWhileTeamReviewPending(store: Store, projectId: number, data: PublicationData, options: Partial<RenderOptions>): void {
  const pending = pendingAcknowledgements(store, projectId);
  if (pending.length > 0) {
    // Mid-sentence, "A teammate" reads "a teammate".
    const what = pending.map((p, i) => `${i === 0 ? p.what : p.what.replace(/^A teammate/, 'a teammate')} in a Sync`);
    throw new DeskError(
      'CONFLICT',
      `${data.project.name} cannot be published yet: ${andList(what)}; acknowledge ${pending.length === 1 ? 'it' : 'them'} under “Waiting for you” on the project’s Team card, or with adoption-desk share acknowledge, before publishing.`,
      { reason: 'acknowledgement-pending', acknowledgements: pending.map((p) => p.id) },
    );
  }
  const conflicts = conflictsByAdopter(store, projectId);
  if (conflicts.size === 0) return;
  const printed = new Set(previewAdoptionSection(data, options).entries.map((e) => e.number));
  const blocking = [...conflicts].filter(([number]) => printed.has(number)).sort(([a], [b]) => a - b);
  if (blocking.length === 0) return;
  const what = blocking.map(([number, fields]) => `Adopter ${number} (${andList([...new Set(fields)])})`);
  throw new DeskError(
    'CONFLICT',
    `${data.project.name} cannot be published yet: a Sync left a text conflict open on ${andList(what)}; choose the text in Compare, then publish.`,
    { reason: 'conflict-open', adopters: blocking.map(([number]) => number) },
  );
}

/** Open conflicts by the adopter numbers whose entry could print their text: an organization's or a person's text reaches every adopter of theirs. */
function conflictsByAdopter(store: Store, projectId: number): Map<number, string[]> {
  const out = new Map<number, string[]>();
  const add = (number: number, field: string) => out.set(number, [...(out.get(number) ?? []), field]);
  const adoptersUsing = store.db.prepare<{ project: number; kind: string; uid: string }, { number: number }>(
    `SELECT a.number FROM adopter a WHERE a.project_id = @project AND (
       (@kind = 'organization' AND a.organization_id = (SELECT id FROM organization WHERE uid = @uid))
       OR (@kind = 'person' AND (a.organization_id = (SELECT organization_id FROM person WHERE uid = @uid)
         OR a.id IN (SELECT i.adopter_id FROM interview i JOIN participant p ON p.interview_id = i.id WHERE p.person_id = (SELECT id FROM person WHERE uid = @uid))
         OR a.id IN (SELECT i.adopter_id FROM interview i JOIN quote q ON q.interview_id = i.id WHERE q.speaker_person_id = (SELECT id FROM person WHERE uid = @uid)))))`,
  );
  for (const c of store.tables.conflict.list({ project_id: projectId }, { orderBy: 'id' })) {
    const adopter = adopterOfRecord(store, c.recordKind, c.recordUid);
    if (adopter) add(adopter.number, `${c.recordKind} ${c.field}`);
    else for (const { number } of adoptersUsing.all({ project: projectId, kind: c.recordKind, uid: c.recordUid })) add(number, `${c.recordKind} ${c.field}`);
  }
  return out;
}

