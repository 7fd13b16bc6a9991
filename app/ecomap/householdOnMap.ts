import { atom } from 'tldraw';
import type { HouseholdMemberView } from '../../model/ecomap/genogram.ts';

/**
 * What each 世帯員 shape draws, from the household data this reader receives. Kept in a tldraw
 * signal rather than React context because shapes are also drawn outside the page's React tree
 * (SVG export, the side-by-side comparison).
 */
export const householdOnMap = atom<{ readonly views: ReadonlyMap<string, HouseholdMemberView>; readonly hidden: boolean }>('householdOnMap', {
  views: new Map(),
  hidden: false,
});

export function memberViewOf(memberId: string): HouseholdMemberView {
  const { views, hidden } = householdOnMap.get();
  return (
    views.get(memberId) ?? { label: hidden ? '世帯員' : '（削除された世帯員）', symbol: 'other', principal: false, deceased: false, age: '', missing: !hidden }
  );
}
