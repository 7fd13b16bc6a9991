import { useCaseContext } from '../collab/CaseContext.tsx';
import { useHouseholdMembers } from '../members/householdMembers.ts';
import { SharingPage } from '../sharing/SharingPage.tsx';

interface SharingTabProps {
  /** A change was saved: what this page shows may depend on it (access, participating agencies). */
  readonly onSaved: () => void;
}

/** 共有設定, with the household's members (for 本人同意) read live from 世帯・世帯員. */
export function SharingTab({ onSaved }: SharingTabProps) {
  const { summary } = useCaseContext();
  const members = useHouseholdMembers();
  return <SharingPage caseId={summary.id} members={members} onSaved={onSaved} />;
}
