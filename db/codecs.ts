/** How a domain value is kept in a SQLite column (STRICT tables: TEXT or INTEGER). */
export type Codec = 'text' | 'int' | 'bool' | 'json';

export function encode(codec: Codec, value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  switch (codec) {
    case 'bool':
      return value ? 1 : 0;
    case 'json':
      return JSON.stringify(value);
    case 'int':
      return value as number;
    default:
      return value as string;
  }
}

export function decode(codec: Codec, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (codec) {
    case 'bool':
      return value === 1;
    case 'json':
      return JSON.parse(value as string);
    default:
      return value;
  }
}

/** Deep equality for the values a codec round-trips (primitives, arrays, plain objects). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
