import { openingMode } from '../../model/access/accessLevels.ts';
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { AccessLevel } from '../../model/access/accessLevels.ts';
import type { CaseSection, MeetingId } from '../../model/documentNames.ts';
import { sectionLevel, useCaseContext } from './CaseContext.tsx';
import type { SectionConnection, SectionSnapshot } from './sectionConnection.ts';

const subscribeNothing = (): (() => void) => () => {};
const getNoSnapshot = (): SectionSnapshot | null => null;

export type SectionState =
  | { readonly kind: 'pending' }
  /** 非表示 for this agency: the document is not even asked for. */
  | { readonly kind: 'hidden' }
  | {
      readonly kind: 'open';
      readonly level: AccessLevel;
      readonly connection: SectionConnection;
      readonly snapshot: SectionSnapshot;
    };

/**
 * Opens a section document for as long as the calling view is mounted: the masked view where
 * this agency may only see it masked, the source otherwise, and again whenever access changed.
 * With a meeting id, the `minutes` of that 支援会議 (governed like the case's minutes).
 */
export function useSectionConnection(section: CaseSection, meetingId?: MeetingId): SectionState {
  const { collaboration, access, accessVersion } = useCaseContext();
  const level = sectionLevel(access, section);
  // The same rule the server enforces: which document this level opens, and how.
  const view = openingMode(level, 'masked') ? 'masked' : 'source';
  const mode = openingMode(level, view);
  const readOnly = mode === 'read-only';
  const hidden = mode === null;
  const [connection, setConnection] = useState<SectionConnection | null>(null);

  useEffect(() => {
    if (collaboration === null || hidden) return;
    const acquired = collaboration.acquire(section, { view, readOnly }, meetingId);
    // The document is an external resource held by this effect; state only publishes it.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setConnection(acquired);
    return () => {
      collaboration.release(acquired);
      setConnection((current) => (current === acquired ? null : current));
    };
  }, [collaboration, section, view, readOnly, hidden, accessVersion, meetingId]);

  const expectedName = collaboration?.documentName(section, view, meetingId);
  const current = connection !== null && connection.documentName === expectedName ? connection : null;
  const snapshot = useSyncExternalStore(current?.subscribe ?? subscribeNothing, current?.getSnapshot ?? getNoSnapshot);
  if (hidden) return { kind: 'hidden' };
  return current !== null && snapshot !== null ? { kind: 'open', level, connection: current, snapshot } : { kind: 'pending' };
}
