import type { ShareRecord, ShareValue } from './records';

/**
 * Values compared the way every reviewer compares them: by their JSON with keys sorted, so an
 * object read from one clone equals the same object read from another whatever its key order.
 */

type Fields = ShareRecord['fields'];

/** A value's JSON with keys sorted; an absent value is the empty string (before every JSON text). */
export function canonical(value: ShareValue | undefined): string {
  if (value === undefined) return '';
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${(value as readonly ShareValue[]).map(canonical).join(',')}]`;
  const object = value as { readonly [key: string]: ShareValue };
  const keys = Object.keys(object).sort();
  return `{${keys.map((key) => `${JSON.stringify(key)}:${canonical(object[key])}`).join(',')}}`;
}

export function sameValue(a: ShareValue | undefined, b: ShareValue | undefined): boolean {
  // Texts (a summary can be 1 MB) and flags compare as they are, without a JSON copy.
  if (a === b) return true;
  if (a === undefined || b === undefined || a === null || b === null) return false;
  if (typeof a !== 'object' || typeof b !== 'object') return false;
  return canonical(a) === canonical(b);
}

export function sameFields(a: Fields, b: Fields): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) if (!sameValue(a[key], b[key])) return false;
  return true;
}

export const sameRecord = (a: ShareRecord, b: ShareRecord): boolean => a.kind === b.kind && a.uid === b.uid && sameFields(a.fields, b.fields);

/** A total order on values, for ties no clock can break. */
export function compareValues(a: ShareValue | undefined, b: ShareValue | undefined): number {
  const x = canonical(a);
  const y = canonical(b);
  return x === y ? 0 : x < y ? -1 : 1;
}

export const stamp = (fields: Fields | undefined, name: 'createdAt' | 'updatedAt'): string => {
  const value = fields?.[name];
  return typeof value === 'string' ? value : '';
};

/**
 * Last writer wins: the side whose record was updated later, ties to the greater value (so the
 * result does not depend on which side is "mine").
 */
export function lastWriter(mine: { value: ShareValue | undefined; at: string }, theirs: { value: ShareValue | undefined; at: string }): 'mine' | 'theirs' {
  if (mine.at !== theirs.at) return mine.at > theirs.at ? 'mine' : 'theirs';
  return compareValues(mine.value, theirs.value) >= 0 ? 'mine' : 'theirs';
}

const asList = (value: ShareValue | undefined): readonly ShareValue[] => (Array.isArray(value) ? (value as readonly ShareValue[]) : []);

/**
 * A three-way merge of two lists of distinct items: an item stays when both sides still hold it
 * or one side added it. Mine's order first, then theirs' additions in their order.
 */
export function mergeSet(base: ShareValue | undefined, mine: ShareValue | undefined, theirs: ShareValue | undefined): ShareValue[] {
  const inBase = new Set(asList(base).map(canonical));
  const inMine = new Set(asList(mine).map(canonical));
  const inTheirs = new Set(asList(theirs).map(canonical));
  const out = new Map<string, ShareValue>();
  for (const item of [...asList(mine), ...asList(theirs)]) {
    const key = canonical(item);
    if (out.has(key)) continue;
    if ((inMine.has(key) && inTheirs.has(key)) || !inBase.has(key)) out.set(key, item);
  }
  return [...out.values()];
}

const asObject = (value: ShareValue | undefined): { readonly [key: string]: ShareValue } =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as { readonly [key: string]: ShareValue }) : {};

export interface KeyLoss {
  key: string;
  kept: ShareValue | undefined;
  lost: ShareValue | undefined;
}

/**
 * A three-way merge of an object key by key (a stage's date): a key changed on one side takes
 * that side's value (or its removal); changed on both, the last writer's. Keys in sorted order.
 */
export function mergeMap(
  base: ShareValue | undefined,
  mine: ShareValue | undefined,
  theirs: ShareValue | undefined,
  at: { mine: string; theirs: string },
): { value: { [key: string]: ShareValue }; losses: KeyLoss[] } {
  const b = asObject(base);
  const m = asObject(mine);
  const t = asObject(theirs);
  const value: { [key: string]: ShareValue } = {};
  const losses: KeyLoss[] = [];
  const keys = [...new Set([...Object.keys(b), ...Object.keys(m), ...Object.keys(t)])].sort();
  for (const key of keys) {
    let kept: ShareValue | undefined;
    if (sameValue(m[key], b[key])) kept = t[key];
    else if (sameValue(t[key], b[key]) || sameValue(m[key], t[key])) kept = m[key];
    else {
      const winner = lastWriter({ value: m[key], at: at.mine }, { value: t[key], at: at.theirs });
      kept = winner === 'mine' ? m[key] : t[key];
      losses.push({ key, kept, lost: winner === 'mine' ? t[key] : m[key] });
    }
    if (kept !== undefined) value[key] = kept;
  }
  return { value, losses };
}
