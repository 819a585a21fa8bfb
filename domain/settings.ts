import { z } from 'zod';
import { DATE_FORMATS, TYPED_ORDERS } from './date-format';
import { MAX_NAME_LENGTH, hasControlCharacters } from './text';

/** The reviewer's preferences, one value each; stored as key/value rows (db/migrations/0005-settings.ts). */
export const PAGE_SIZES = ['a4', 'letter'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;

export const settingsFields = z.object({
  /** Written as the author of Word documents; empty means no author at all. */
  authorName: z
    .string()
    .trim()
    .max(MAX_NAME_LENGTH, `The author name is at most ${MAX_NAME_LENGTH} characters.`)
    .refine((s) => !hasControlCharacters(s), 'The author name cannot contain line breaks or control characters.'),
  pageSize: z.enum(PAGE_SIZES, { error: () => 'The page size is "a4" or "letter".' }),
  theme: z.enum(THEMES, { error: () => 'The theme is "system", "light" or "dark".' }),
  /** How the app shows dates on screen; "system" follows the computer's locale. */
  dateFormat: z.enum(DATE_FORMATS, { error: () => 'The date format is "system", "day-month-year", "month-day-year" or "iso".' }),
  /** How a typed "3/6/2025" is read when its numbers do not tell: asked, or day or month first. */
  typedDateOrder: z.enum(TYPED_ORDERS, { error: () => 'The order of typed dates is "ask", "day-first" or "month-first".' }),
});

export type SettingsFields = z.output<typeof settingsFields>;
export type SettingKey = keyof SettingsFields;

export const SETTINGS_DEFAULTS: SettingsFields = { authorName: '', pageSize: 'a4', theme: 'system', dateFormat: 'system', typedDateOrder: 'ask' };

/** An update names only the settings it changes; an unknown name is refused. */
export const settingsUpdate = settingsFields.partial().strict();
