import type { Sharing } from '../../model/access/sharingApi.ts';

/** A person of the household as the caller knows them (id and name from 世帯・世帯員). */
export interface HouseholdMember {
  readonly id: string;
  readonly name: string;
}

/**
 * Runs one change of the sharing and reports `done` once the server accepted it; resolves
 * true then, false when it was refused. `scope` names the part of the page the change was
 * made in, where its outcome is shown (see SharingFeedback).
 */
export type SharingMutation = (request: () => Promise<Sharing>, done: string, scope: string) => Promise<boolean>;

/** The outcome of the last change, shown next to the control that made it. */
export interface SharingOutcome {
  readonly scope: string;
  readonly error: string | null;
  readonly done: string | null;
}
