/** What the status line says; see ConnectionStatus for the wording. */
export type SaveStatus = 'connecting' | 'saved' | 'unsaved' | 'offline';

/** Worst first: the page shows the worst status of the documents it has open. */
export const saveStatusSeverity: Readonly<Record<SaveStatus, number>> = {
  offline: 3,
  connecting: 2,
  unsaved: 1,
  saved: 0,
};

export interface PresenceEntry {
  readonly id: string;
  readonly name: string;
  readonly agencyName: string;
  readonly color: string;
}
