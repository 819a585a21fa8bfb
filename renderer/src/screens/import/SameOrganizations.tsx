import type { SameNameMatch } from '../../../../services/views';

/**
 * The file names an organization that another project already has under the same name. The
 * import keeps them apart unless the reviewer says they are the same; even then the imported
 * entries print the file's own words, and the other project's record is not changed.
 */
export function SameOrganizations({
  matches,
  confirmed,
  onChange,
}: {
  matches: readonly SameNameMatch[];
  confirmed: ReadonlySet<string>;
  onChange: (next: Set<string>) => void;
}) {
  if (matches.length === 0) return null;
  const toggle = (name: string, on: boolean) => {
    const next = new Set(confirmed);
    if (on) next.add(name);
    else next.delete(name);
    onChange(next);
  };
  return (
    <fieldset className="card same-organizations" data-testid="same-organizations">
      <legend>Already in another project</legend>
      <p className="hint">
        Tick an organization only if it is the very same one. Either way this file’s entries keep its own words, and the other project is not changed.
      </p>
      {matches.map((m) => (
        <label className="checkbox" key={m.name}>
          <input type="checkbox" checked={confirmed.has(m.name)} onChange={(e) => toggle(m.name, e.target.checked)} /> {m.name} in this file is the same organization as{' '}
          {m.existing.name}
          {m.existing.industry ? ` (${m.existing.industry})` : ''} in {m.existing.projects.join(', ') || 'another project'}
        </label>
      ))}
      <p className="hint">Preview again to see the import with your choice, then Import.</p>
    </fieldset>
  );
}
