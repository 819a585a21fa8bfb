import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';

/**
 * The smallest zip a .docx needs, written byte for byte the same for the same files:
 * entries in the order given, every entry DEFLATE-compressed (node:zlib), the same fixed
 * modification time on each, no extra fields, no comments, "made by" MS-DOS (so no Unix
 * permissions or owner leak in), no data descriptors. The reader reads exactly what
 * this writer (and ordinary zip tools) write, checks every CRC, and is used to scan the
 * final bytes of a public document and by the tests.
 */

export interface ZipEntry {
  name: string;
  data: string | Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL = 0x06054b50;
const VERSION = 20;
const DEFLATE = 8;
const STORED = 0;

/** A zip timestamp (MS-DOS date and time, 2-second steps) from an ISO date, read in UTC. */
export function dosDateTime(iso: string): { date: number; time: number } {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) throw new Error(`Not a date: ${iso}`);
  const year = Math.min(2107, Math.max(1980, d.getUTCFullYear()));
  const clamped = year !== d.getUTCFullYear();
  const [month, day, h, m, s] = clamped ? [1, 1, 0, 0, 0] : [d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
  return { date: ((year - 1980) << 9) | (month << 5) | day, time: (h << 11) | (m << 5) | (s >> 1) };
}

/** Writes the entries as one zip, every entry stamped `modified` (ISO, UTC). */
export function writeZip(entries: readonly ZipEntry[], modified: string): Buffer {
  const { date, time } = dosDateTime(modified);
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const names = new Set<string>();
  for (const entry of entries) {
    if (names.has(entry.name)) throw new Error(`The zip already holds ${entry.name}.`);
    names.add(entry.name);
    const name = Buffer.from(entry.name, 'utf8');
    const raw = typeof entry.data === 'string' ? Buffer.from(entry.data, 'utf8') : Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength);
    const packed = deflateRawSync(raw, { level: 6 });
    const crc = crc32(raw) >>> 0;
    // Bit 11: the name is UTF-8 (only set when it is not plain ASCII, as zip tools do).
    const flags = /^[\x20-\x7e]*$/.test(entry.name) ? 0 : 0x0800;

    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(VERSION, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(DEFLATE, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(raw.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);

    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL_HEADER, 0);
    header.writeUInt16LE(VERSION, 4); // made by: MS-DOS (high byte 0), spec 2.0
    header.writeUInt16LE(VERSION, 6);
    header.writeUInt16LE(flags, 8);
    header.writeUInt16LE(DEFLATE, 10);
    header.writeUInt16LE(time, 12);
    header.writeUInt16LE(date, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(packed.length, 20);
    header.writeUInt32LE(raw.length, 24);
    header.writeUInt16LE(name.length, 28);
    // extra, comment, disk, internal and external attributes: all 0
    header.writeUInt32LE(offset, 42);
    central.push(header, name);

    chunks.push(local, name, packed);
    offset += local.length + name.length + packed.length;
  }
  const centralSize = central.reduce((n, b) => n + b.length, 0);
  if (offset > 0xffffffff || entries.length > 0xffff) throw new Error('The document is too large for a zip without ZIP64.');
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}

export interface ZipFile {
  name: string;
  data: Buffer;
  /** The MS-DOS date and time fields as stored. */
  date: number;
  time: number;
  method: number;
}

/** Reads every file of a zip (stored or deflated), in the central directory's order; throws on anything broken. */
export function readZip(bytes: Uint8Array): ZipFile[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === END_OF_CENTRAL) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('Not a zip file: no end of central directory.');
  const count = buf.readUInt16LE(end + 10);
  let at = buf.readUInt32LE(end + 16);
  const files: ZipFile[] = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== CENTRAL_HEADER) throw new Error('Broken zip: bad central directory entry.');
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const time = buf.readUInt16LE(at + 12);
    const date = buf.readUInt16LE(at + 14);
    const crc = buf.readUInt32LE(at + 16);
    const packedSize = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const localAt = buf.readUInt32LE(at + 42);
    const name = buf.toString(flags & 0x0800 ? 'utf8' : 'latin1', at + 46, at + 46 + nameLength);
    at += 46 + nameLength + extraLength + commentLength;
    if (buf.readUInt32LE(localAt) !== LOCAL_HEADER) throw new Error(`Broken zip: no local header for ${name}.`);
    const start = localAt + 30 + buf.readUInt16LE(localAt + 26) + buf.readUInt16LE(localAt + 28);
    const packed = buf.subarray(start, start + packedSize);
    let data: Buffer;
    if (method === DEFLATE) data = inflateRawSync(packed);
    else if (method === STORED) data = Buffer.from(packed);
    else throw new Error(`Unsupported zip method ${method} for ${name}.`);
    if (data.length !== size || crc32(data) >>> 0 !== crc) throw new Error(`Broken zip: ${name} does not match its size or CRC.`);
    if (!name.endsWith('/')) files.push({ name, data, date, time, method });
  }
  return files;
}
