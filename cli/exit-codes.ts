import type { ErrorCode } from '../domain/errors';

/** Exit codes scripts can rely on. */
export const EXIT = {
  ok: 0,
  /** `check`: the section could not be published as it stands. */
  notPublishable: 1,
  usage: 2,
  /** An export refused by the anonymity guard. */
  leak: 3,
  data: 4,
  internal: 70,
} as const;

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'VALIDATION':
    case 'UNKNOWN_OPERATION':
      return EXIT.usage;
    case 'LEAK_DETECTED':
      return EXIT.leak;
    case 'INTERNAL':
      return EXIT.internal;
    default:
      return EXIT.data;
  }
}
