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
  /** As ChangeSummary's: the teammates a Sync brought this from, null when made here. */
  syncedFrom: string[] | null;
}

/**
 * Which changes Undo walks back: those of one project (on its screens), or the app-level ones
 * (on the projects list, the trash, settings): creating, renaming, trashing a project, and
 * changes to an organization or a person alone.
 */
export type UndoScope = { projectId: number } | { app: true };

/** One change, named as the Undo button and the history list show it. */
export interface ChangeSummary {
  id: number;
  /** The user action: "Edit summary", "Summary approved". */
  label: string;
  /** What it touched: "Adopter 3, Quillmesh", a project's or an organization's name. */
  target: string;
  at: string;
  /** The project it belongs to; null for an organization or a person alone. */
  projectId: number | null;
  /**
   * A Sync with the team (issue 19) brought it: the teammates whose records it wrote, sorted
   * (history says "from Ana, Ben (sync)"; empty when the merge named no one). Null: made here.
   */
  syncedFrom: string[] | null;
}

export interface UndoResult extends ChangeSummary {
  /** How many row changes were reverted (or made again, for redo). */
  events: number;
}

export interface UndoState {
  undo: ChangeSummary | null;
  redo: ChangeSummary | null;
}

export interface HistoryListEntry extends ChangeSummary {
  undone: boolean;
  /** It is the next change Undo would take back in its project (or app-level): the list offers it. */
  canUndo: boolean;
  projectName: string | null;
}
