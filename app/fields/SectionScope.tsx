import { createContext, useContext, type ReactNode } from 'react';
import type * as Y from 'yjs';
import type { AccessLevel } from '../../model/access/accessLevels.ts';
import type { CaseSection } from '../../model/documentNames.ts';
import { sectionDefinitions } from '../../model/sections/sectionRegistry.ts';
import type { SectionConnection } from '../collab/sectionConnection.ts';
import { useSectionConnection } from '../collab/useSectionConnection.ts';
import { ja } from '../i18n/ja.ts';

/** The document the fields inside write to, and whether they may. */
export interface SectionScopeValue {
  readonly section: CaseSection;
  readonly connection: SectionConnection;
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

function levelNotice(level: AccessLevel, label: string): string | null {
  if (level === 'masked') return ja.section.masked(label);
  if (level === 'view') return ja.section.viewOnly(label);
  return null;
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
    connection,
    doc: snapshot.doc,
    readOnly: snapshot.readOnly,
    loaded: snapshot.loaded,
    editable: snapshot.loaded && !snapshot.readOnly,
    textKeys: sectionDefinitions[section].textKeys,
  };
  const notice = snapshot.readOnly ? levelNotice(level === 'edit' ? 'view' : level, label) : null;
  return (
    <>
      {notice && <p className="message message--info">{notice}</p>}
      {snapshot.reloadedAfterRefusal && (
        <div role="alert" className="message message--error notice">
          <p>{ja.section.refused(label)}</p>
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
