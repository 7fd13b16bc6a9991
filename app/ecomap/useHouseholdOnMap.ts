import { useEffect, useState } from 'react';
import { householdMemberView, type HouseholdMemberView } from '../../model/ecomap/genogram.ts';
import { MEMBERS_ROOT } from '../../model/sections/members.ts';
import { readSection } from '../../model/sections/sectionRegistry.ts';
import type { SectionState } from '../collab/useSectionConnection.ts';
import { householdOnMap } from './householdOnMap.ts';

export interface PlacedMember {
  readonly id: string;
  readonly view: HouseholdMemberView;
}

/**
 * Keeps the map's member symbols in step with the identity section as this agency receives it:
 * a rename there redraws the map, and the map's own document is never touched.
 */
export function useHouseholdOnMap(members: SectionState, agencyId: string): readonly PlacedMember[] {
  const [list, setList] = useState<readonly PlacedMember[]>([]);
  const doc = members.kind === 'open' && members.snapshot.loaded ? members.snapshot.doc : null;
  const hidden = members.kind === 'hidden';

  useEffect(() => {
    const read = () => {
      const json = doc ? readSection(doc, 'members') : null;
      const entries = Object.entries((json?.[MEMBERS_ROOT] ?? {}) as Record<string, { position?: number }>)
        .sort(([, a], [, b]) => (a.position ?? 0) - (b.position ?? 0))
        .map(([id]) => ({ id, view: householdMemberView(json, id, new Date(), agencyId) }));
      householdOnMap.set({ views: new Map(entries.map((entry) => [entry.id, entry.view])), hidden: hidden || json === null });
      setList(entries);
    };
    read();
    doc?.on('update', read);
    return () => doc?.off('update', read);
  }, [doc, hidden, agencyId]);

  return list;
}
