/** A relationship's id in a .rels part. */
const ID = /\bId="([^"]*)"/g;
/** An attribute of the relationships namespace in a source part (r:id, r:embed, r:link…). */
const REFERENCE = /\b(r:[A-Za-z]+)="([^"]*)"/g;

/** The part whose relationships a .rels part holds (word/_rels/document.xml.rels → word/document.xml), or null for any other part. */
export function relationshipSource(path: string): string | null {
  const at = /^(.*?)_rels\/([^/]*)\.rels$/.exec(path);
  return at ? `${at[1]}${at[2]}` : null;
}

/**
 * docx names each hyperlink's relationship with a random id (nanoid), so two exports of
 * the same document differ. This renumbers the relationship ids of every .rels part to
 * rId1…rIdN in order of first use: the ids its source part refers to (r:id, r:embed…),
 * in the order they appear there, then the ones only the .rels part names (styles,
 * settings, the theme…), in its order. Only the Id attributes of the .rels part and the
 * r: attributes of its source part change; the ids are scoped per source part, as in
 * the package format.
 *
 * `parts` maps part paths to their text (each .rels part with its source part, if it has
 * one) and is changed in place; returns the paths of the parts it changed.
 */
export function renumberRelationshipIds(parts: Map<string, string>): string[] {
  const changed: string[] = [];
  for (const [relsPath, rels] of [...parts]) {
    const sourcePath = relationshipSource(relsPath);
    if (sourcePath === null) continue;
    const source = parts.get(sourcePath);
    const declared = [...rels.matchAll(ID)].map((m) => m[1]!);
    const known = new Set(declared);
    const order: string[] = [];
    const seen = new Set<string>();
    const use = (id: string) => {
      if (known.has(id) && !seen.has(id)) {
        seen.add(id);
        order.push(id);
      }
    };
    if (source !== undefined) for (const m of source.matchAll(REFERENCE)) use(m[2]!);
    declared.forEach(use);
    if (order.every((id, i) => id === `rId${i + 1}`)) continue;
    const renamed = new Map(order.map((id, i) => [id, `rId${i + 1}`]));
    parts.set(relsPath, rels.replace(ID, (_all, id: string) => `Id="${renamed.get(id) ?? id}"`));
    changed.push(relsPath);
    if (source !== undefined) {
      parts.set(sourcePath, source.replace(REFERENCE, (all, name: string, id: string) => (renamed.has(id) ? `${name}="${renamed.get(id)}"` : all)));
      changed.push(sourcePath);
    }
  }
  return changed;
}
