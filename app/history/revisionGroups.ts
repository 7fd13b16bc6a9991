import type { RevisionGroup } from '../../model/history/historyApi.ts';

/**
 * A group is one burst of edits of one section, named by its first seq: later edits by the
 * same person (a restore, say) extend the group, and its item must stay the same element.
 */
export function groupKey(group: RevisionGroup): string {
  return `${group.section}/${group.seqFrom}`;
}

export function sameGroup(a: RevisionGroup, b: RevisionGroup): boolean {
  return groupKey(a) === groupKey(b);
}
