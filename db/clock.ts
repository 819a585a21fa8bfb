/** Time comes from one place so tests (and reproducible outputs) can fix it. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
export const isoNow = (clock: Clock): string => clock().toISOString();

/** Today on the reviewer's calendar (local time, not UTC: an evening call is still today). */
export function localDay(clock: Clock): string {
  const d = clock();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}
