/** Time comes from one place so tests (and reproducible outputs) can fix it. */
export type Clock = () => Date;
export const systemClock: Clock = () => new Date();
export const isoNow = (clock: Clock): string => clock().toISOString();
