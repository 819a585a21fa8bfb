/**
 * Where a problem of an archive file is, in the reviewer's words: "Adopter 3, interview of
 * 2024-06-10, the summary" rather than `adopters[2].interviews[0].summary`. The record's own
 * name, number or date is used when the file has it, its place in the file otherwise.
 */
type Path = readonly PropertyKey[];

const RECORDS: Record<string, (item: Record<string, unknown>, index: number) => string> = {
  organizations: (o, i) => (typeof o.name === 'string' ? `Organization "${o.name}"` : `Organization ${i + 1} of the file`),
  people: (p, i) => (typeof p.name === 'string' ? `Person "${p.name}"` : `Person ${i + 1} of the file`),
  adopters: (a, i) => (typeof a.number === 'number' ? `Adopter ${a.number}` : `Adopter ${i + 1} of the file`),
  interviews: (v, i) => `interview ${typeof v.date === 'string' ? `of ${v.date}` : typeof v.month === 'string' ? `of ${v.month}` : i + 1}`,
  participants: (_p, i) => `interviewee ${i + 1}`,
  answers: (a, i) => (typeof a.questionKey === 'string' ? `the notes of question ${a.questionKey}` : `notes ${i + 1}`),
  quotes: (_q, i) => `quote ${i + 1}`,
  allowances: (a, i) => (typeof a.term === 'string' ? `the allowance of "${a.term}"` : `allowance ${i + 1}`),
  dismissals: (_d, i) => `dismissed warning ${i + 1}`,
};

/** "summarySentAt" → "summary sent at": a field in words. */
const words = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();

export function describeArchivePlace(data: unknown, path: Path): string {
  const parts: string[] = [];
  let node: unknown = data;
  for (let i = 0; i < path.length; i++) {
    const key = path[i]!;
    const next = path[i + 1];
    const child = node && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === 'string' && key in RECORDS && typeof next === 'number') {
      const item = Array.isArray(child) ? (child[next] as Record<string, unknown> | undefined) : undefined;
      parts.push(RECORDS[key]!(item && typeof item === 'object' ? item : {}, next));
      node = item;
      i++;
      continue;
    }
    if (key === 'project' && i === 0) parts.push('The project');
    else if (typeof key === 'number') parts.push(`item ${key + 1}`);
    else parts.push(`the ${words(String(key))}`);
    node = child;
  }
  const text = parts.join(', ');
  return text ? text[0]!.toUpperCase() + text.slice(1) : 'The file';
}
