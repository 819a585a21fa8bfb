/** The vocabulary of history and undo, shared by the store and the UI. */
export type EventAction = 'create' | 'update' | 'trash' | 'restore' | 'delete' | 'purge';

export interface HistoryEntry {
  at: string;
  /** The user action this was part of: "Rename project", "Edit summary". */
  label: string;
  action: EventAction;
  /** Undone since: shown struck through, kept for the record. */
  undone: boolean;
  changes: { field: string; before: unknown; after: unknown }[];
}

export interface UndoResult {
  label: string;
  at: string;
  /** How many row changes were reverted. */
  events: number;
}
