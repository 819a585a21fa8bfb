import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dosDateTime, readZip, writeZip } from '../../../../templates/word/zip';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe('the zip writer', () => {
  const entries = [
    { name: '[Content_Types].xml', data: '<Types/>' },
    { name: 'word/document.xml', data: `<w:document>${'Grüße, “quotes” … '.repeat(500)}</w:document>` },
    { name: 'media/raw.bin', data: new Uint8Array([0, 1, 2, 255]) },
  ];

  it('round-trips every entry, in order, deflated, each stamped with the given time', () => {
    const zip = writeZip(entries, '2024-10-01T13:45:10Z');
    const files = readZip(zip);
    expect(files.map((f) => f.name)).toEqual(entries.map((e) => e.name));
    expect(files[1]!.data.toString('utf8')).toBe(entries[1]!.data);
    expect([...files[2]!.data]).toEqual([0, 1, 2, 255]);
    const stamp = dosDateTime('2024-10-01T13:45:10Z');
    for (const f of files) expect([f.method, f.date, f.time]).toEqual([8, stamp.date, stamp.time]);
    expect(zip.length).toBeLessThan(entries[1]!.data.length / 5); // actually compressed
  });

  it('gives the same bytes for the same entries and time, whatever the clock says', () => {
    const a = writeZip(entries, '2024-10-01T00:00:00Z');
    const b = writeZip(entries, '2024-10-01T00:00:00Z');
    expect(sha(a)).toBe(sha(b));
    expect(sha(writeZip(entries, '2024-10-02T00:00:00Z'))).not.toBe(sha(a));
  });

  it('writes MS-DOS times (UTC, 2-second steps), clamped to what a zip can hold', () => {
    expect(dosDateTime('2024-10-01T13:45:11Z')).toEqual({ date: (44 << 9) | (10 << 5) | 1, time: (13 << 11) | (45 << 5) | 5 });
    expect(dosDateTime('1970-01-01T00:00:00Z')).toEqual(dosDateTime('1980-01-01T00:00:00Z'));
    expect(() => dosDateTime('not a date')).toThrow();
  });

  it('carries no owner, permissions or extra fields: version made by MS-DOS, external attributes 0', () => {
    const zip = writeZip(entries, '2024-10-01T00:00:00Z');
    let at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    let count = 0;
    while (at >= 0) {
      expect(zip.readUInt16LE(at + 4)).toBe(20); // made by: MS-DOS, zip 2.0
      expect(zip.readUInt16LE(at + 30)).toBe(0); // extra field length
      expect(zip.readUInt32LE(at + 38)).toBe(0); // external attributes
      count++;
      at = zip.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]), at + 4);
    }
    expect(count).toBe(entries.length);
  });

  it('the reader refuses a damaged file instead of returning wrong text', () => {
    const zip = writeZip(entries, '2024-10-01T00:00:00Z');
    expect(() => readZip(zip.subarray(0, zip.length - 30))).toThrow(/zip/i);
    const broken = Buffer.from(zip);
    broken[60] = broken[60]! ^ 0xff; // inside the first entry's data
    expect(() => readZip(broken)).toThrow();
    expect(() => writeZip([entries[0]!, entries[0]!], '2024-10-01T00:00:00Z')).toThrow(/already/);
  });
});
