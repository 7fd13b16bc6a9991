import { useMemo, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { MEMBERS_ROOT } from '../../model/sections/members.ts';
import { useSectionConnection } from '../collab/useSectionConnection.ts';
import { orderedItems } from '../fields/collections.ts';
import { jsonAt } from '../fields/yPaths.ts';
import { rootWatch } from '../fields/yStore.ts';

/** A person of the household by id and name, as the members document has them. */
export interface MemberName {
  readonly id: string;
  readonly name: string;
}

const subscribeNothing = (): (() => void) => () => {};
const noVersion = (): number => -1;
const none: readonly MemberName[] = [];

/** The members of a members document in the list's order; empty without a document. */
export function useMemberNames(doc: Y.Doc | null): readonly MemberName[] {
  const watch = doc === null ? null : rootWatch(doc, MEMBERS_ROOT);
  const version = useSyncExternalStore(watch?.subscribe ?? subscribeNothing, watch?.getVersion ?? noVersion);
  return useMemo(() => {
    void version;
    if (doc === null) return none;
    return orderedItems(jsonAt(doc, [MEMBERS_ROOT])).map(({ id, data }) => ({
      id,
      name: typeof data['name'] === 'string' ? data['name'] : '',
    }));
  }, [doc, version]);
}

/**
 * The household's members, live, from the 世帯・世帯員 document as this agency may see it (so
 * masked names where it sees the section masked); empty while it opens or where it is hidden.
 */
export function useHouseholdMembers(): readonly MemberName[] {
  const state = useSectionConnection('members');
  const usable = state.kind === 'open' && !state.snapshot.accessDenied && !state.snapshot.accessChanged;
  return useMemberNames(usable ? state.snapshot.doc : null);
}
