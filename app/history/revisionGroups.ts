import type { RevisionGroup } from '../../model/history/historyApi.ts';

/**
 * A group is one burst of edits of one section, named by its first seq: later edits by the
 * same person (a restore, say) extend the group, and its item must stay the same element.
 */
export function groupKey(group: RevisionGroup): string {
  // A meeting's own minutes are a document of their own, numbered from 1 like the case's minutes.
  const document = group.minutesOfMeeting === null ? group.section : `meetings/${group.minutesOfMeeting}/${group.section}`;
  return `${document}/${group.seqFrom}`;
}

export function sameGroup(a: RevisionGroup, b: RevisionGroup): boolean {
  return groupKey(a) === groupKey(b);
}
