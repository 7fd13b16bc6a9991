import { createContext, useContext, type ReactNode } from 'react';
import { grantedLevel, type AccessLevel, type AgencyAccess } from '../../model/access/accessLevels.ts';
import type { CaseSummary, CurrentUser } from '../../model/api.ts';
import type { CaseSection } from '../../model/documentNames.ts';
import type { CaseCollaboration } from './caseCollaboration.ts';

/** What every tab of a case page needs: who is working, on which case, over which socket. */
export interface CaseContextValue {
  readonly summary: CaseSummary;
  readonly user: CurrentUser;
  /** Null until the page's effect has created it. */
  readonly collaboration: CaseCollaboration | null;
  /** This agency's level per section; null where the server could not say (it decides anyway). */
  readonly access: AgencyAccess | null;
  /** Changes when access did, so that open documents are opened again by it. */
  readonly accessVersion: string;
}

const CaseContext = createContext<CaseContextValue | null>(null);

export function CaseContextProvider({ value, children }: { readonly value: CaseContextValue; readonly children: ReactNode }) {
  return <CaseContext value={value}>{children}</CaseContext>;
}

export function useCaseContext(): CaseContextValue {
  const value = useContext(CaseContext);
  if (value === null) throw new Error('useCaseContext outside a case page');
  return value;
}

/** Sections the server has not been asked about are tried as editable; it refuses what is not. */
export function sectionLevel(access: AgencyAccess | null, section: CaseSection): AccessLevel {
  if (access === null) return 'edit';
  // The same rule as the server's: which document it will let this agency open.
  return grantedLevel(access, section);
}
