import { createContext, useContext, useMemo, type ReactNode } from 'react';
import type * as Y from 'yjs';
import type { CaseSection } from '../../model/documentNames.ts';
import { sectionDefinitions } from '../../model/sections/sectionRegistry.ts';
import type { PresenceEntry } from '../collab/types.ts';
import { useSectionConnection } from '../collab/useSectionConnection.ts';
import { ja } from '../i18n/ja.ts';
import { MaskedNotice } from './MaskedNotice.tsx';

/**
 * Who else is in which field, and where my own focus is. A live section's connection provides
 * it through awareness; a past state shown from history has no one else in it.
 */
export interface FieldPresence {
  readonly subscribe: (listener: () => void) => () => void;
  /** Other people whose focus is in the field; the same array until that changes. */
  readonly editorsAt: (path: string) => readonly PresenceEntry[];
  setEditing(path: string | null): void;
  clearEditing(path: string): void;
}

const nobody: readonly PresenceEntry[] = [];

const noPresence: FieldPresence = {
  subscribe: () => () => {},
  editorsAt: () => nobody,
  setEditing: () => {},
  clearEditing: () => {},
};

/** The document the fields inside write to, and whether they may. */
export interface SectionScopeValue {
  readonly section: CaseSection;
  readonly presence: FieldPresence;
  readonly doc: Y.Doc;
  /** Opened for reading only (閲覧, マスキング閲覧): no typing, no adding or removing. */
  readonly readOnly: boolean;
  /** The stored document has arrived (see SectionSnapshot.loaded). */
  readonly loaded: boolean;
  /** False while read-only, and until the stored document has arrived. */
  readonly editable: boolean;
  readonly textKeys: ReadonlySet<string>;
}

const SectionContext = createContext<SectionScopeValue | null>(null);

export function useSection(): SectionScopeValue {
  const value = useContext(SectionContext);
  if (value === null) throw new Error('a field outside a SectionScope');
  return value;
}

interface SectionScopeProps {
  readonly section: CaseSection;
  readonly children: ReactNode;
}

/** Opens a section document while mounted and gives the fields inside access to it. */
export function SectionScope({ section, children }: SectionScopeProps) {
  const state = useSectionConnection(section);
  const label = ja.sectionLabels[section];
  if (state.kind === 'hidden') return <p className="message message--info">{ja.section.hidden(label)}</p>;
  if (state.kind === 'pending') return <p className="message">{ja.loading}</p>;
  const { connection, snapshot, level } = state;

  if (snapshot.accessChanged) return <p className="message">{ja.section.accessChanged(label)}</p>;
  if (snapshot.accessDenied) {
    return (
      <p role="alert" className="message message--error">
        {ja.section.accessDenied(label)}
      </p>
    );
  }

  const value: SectionScopeValue = {
    section,
    presence: connection,
    doc: snapshot.doc,
    readOnly: snapshot.readOnly,
    loaded: snapshot.loaded,
    editable: snapshot.loaded && !snapshot.readOnly,
    textKeys: sectionDefinitions[section].textKeys,
  };
  return (
    <>
      {level === 'masked' ? (
        <MaskedNotice label={label} />
      ) : (
        snapshot.readOnly && <p className="message message--info">{ja.section.viewOnly(label)}</p>
      )}
      {snapshot.reloadedAfterRefusal && (
        <div role="alert" className="message message--error notice">
          <p>{ja.section.refused(label)}</p>
          {snapshot.refusalProblems.length > 0 && (
            <>
              <p>{ja.section.refusedBecause}</p>
              <ul>
                {snapshot.refusalProblems.map((problem) => (
                  <li key={problem}>{problem}</li>
                ))}
              </ul>
            </>
          )}
          <button type="button" className="button button--secondary button--small" onClick={() => connection.dismissRefusalNotice()}>
            {ja.section.dismiss}
          </button>
        </div>
      )}
      {/* Keyed on the document: after a reload every field binds to the new one from scratch. */}
      <SectionContext key={snapshot.doc.guid} value={value}>
        {children}
      </SectionContext>
    </>
  );
}

interface StaticSectionScopeProps {
  readonly section: CaseSection;
  /** A document of its own, never connected: nothing written to it goes anywhere. */
  readonly doc: Y.Doc;
  /** The document is the masked view this agency gets. */
  readonly masked: boolean;
  readonly children: ReactNode;
}

/**
 * The same fields as SectionScope, over a past state of the section (履歴): read-only, with no
 * connection, so that a revision is shown in exactly the form the live section is edited in.
 */
export function StaticSectionScope({ section, doc, masked, children }: StaticSectionScopeProps) {
  const value = useMemo<SectionScopeValue>(
    () => ({
      section,
      presence: noPresence,
      doc,
      readOnly: true,
      loaded: true,
      editable: false,
      textKeys: sectionDefinitions[section].textKeys,
    }),
    [section, doc],
  );
  return (
    <>
      {masked && <MaskedNotice label={ja.sectionLabels[section]} />}
      <SectionContext key={doc.guid} value={value}>
        {children}
      </SectionContext>
    </>
  );
}
