import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dosStamp } from './docx-inspect';

/**
 * The same data gives the same bytes in every time zone. fflate stamps zip entries from
 * a Date's local-time fields, so this is where a time-zone slip would show: each zone
 * gets its own process (TZ is read when a process starts), running the real packer from
 * a bundle of time-zone-probe.ts.
 */

const ZONES = ['UTC', 'Asia/Kolkata', 'America/Los_Angeles', 'Asia/Tokyo'];

/** The notes' last edit, their date: late in a UTC day (a day later in Kolkata and Tokyo), an odd second, in no daylight-saving gap. */
const NOTES_EDITED = '2024-10-06T23:30:05.000Z';

interface ProbeResult {
  offsetMinutes: number;
  sha: Record<string, string>;
  notesStamp: { date: number; time: number };
}

let dir = '';
let probe = '';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'adoption-desk-tz-'));
  await build({
    configFile: false,
    logLevel: 'silent',
    // Everything bundled (docx and fflate too), so the bundle runs from the temporary folder.
    ssr: { noExternal: true },
    build: {
      ssr: path.join(__dirname, 'time-zone-probe.ts'),
      outDir: dir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { format: 'cjs', entryFileNames: 'probe.cjs', chunkFileNames: '[name]-[hash].cjs' } },
    },
  });
  probe = path.join(dir, 'probe.cjs');
}, 60_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

function runIn(timeZone: string): ProbeResult {
  const run = spawnSync(process.execPath, [probe, NOTES_EDITED], { env: { ...process.env, TZ: timeZone }, encoding: 'utf8', timeout: 60_000 });
  if (run.status !== 0) throw new Error(`The probe failed in ${timeZone}: ${run.stderr}`);
  return JSON.parse(run.stdout) as ProbeResult;
}

describe('Word documents in every time zone', () => {
  it('have the same SHA-256 in UTC, Kolkata, Los Angeles and Tokyo, and twice in a row', { timeout: 120_000 }, () => {
    const results = ZONES.map(runIn);
    // Each process really ran in its zone (or the test would prove nothing): UTC+0, +5:30, −7 (October), +9.
    expect(results.map((r) => r.offsetMinutes)).toEqual([0, -330, 420, -540]);
    const reference = results[0]!;
    expect(Object.keys(reference.sha)).toEqual(['adoption', 'review', 'dossier', 'notes']);
    for (const r of results) expect(r.sha, `UTC offset ${r.offsetMinutes} min`).toEqual(reference.sha);
    expect(runIn('UTC').sha).toEqual(reference.sha);
    // The entries carry the document's date as UTC fields (the notes: their last edit).
    for (const r of results) expect(r.notesStamp, `UTC offset ${r.offsetMinutes} min`).toEqual(dosStamp(NOTES_EDITED));
  });
});
