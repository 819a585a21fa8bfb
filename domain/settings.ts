import { z } from 'zod';
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
});

export type SettingsFields = z.output<typeof settingsFields>;
export type SettingKey = keyof SettingsFields;

export const SETTINGS_DEFAULTS: SettingsFields = { authorName: '', pageSize: 'a4', theme: 'system' };

/** An update names only the settings it changes; an unknown name is refused. */
export const settingsUpdate = settingsFields.partial().strict();
