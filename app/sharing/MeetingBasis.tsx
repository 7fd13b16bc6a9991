import { useId, useState } from 'react';
import type { Sharing } from '../../model/access/sharingApi.ts';
import type { CaseId } from '../../model/documentNames.ts';
import { setMeetingBasis } from '../http/sharingApi.ts';
import { jaSharing } from '../i18n/ja.sharing.ts';
import { SharingFeedback } from './SharingFeedback.tsx';
import type { SharingMutation, SharingOutcome } from './types.ts';

interface MeetingBasisProps {
  readonly caseId: CaseId;
  readonly sharing: Sharing;
  readonly mutate: SharingMutation;
  readonly outcome: SharingOutcome | null;
}

const SCOPE = 'meeting';

/**
 * 支援会議 (社会福祉法第106条の6) as a basis per agency. The coordinating agency is left out:
 * its access rests on its role, so a meeting basis would change nothing for it.
 */
export function MeetingBasis({ caseId, sharing, mutate, outcome }: MeetingBasisProps) {
  const headingId = useId();
  const leadId = useId();
  // Shows the new state at once; the server's answer replaces it.
  const [pending, setPending] = useState<ReadonlyMap<string, boolean>>(new Map());
  const active = new Set(sharing.meetingBasisAgencyIds);
  const agencies = sharing.agencies.filter((agency) => agency.basis !== 'coordinator');

  function toggle(agencyId: string, agencyName: string, checked: boolean): void {
    setPending((current) => new Map(current).set(agencyId, checked));
    const done = checked ? jaSharing.meeting.on(agencyName) : jaSharing.meeting.off(agencyName);
    void mutate(() => setMeetingBasis(caseId, agencyId, checked), done, SCOPE).finally(() =>
      setPending((current) => {
        const next = new Map(current);
        next.delete(agencyId);
        return next;
      }),
    );
  }

  if (agencies.length === 0) return null;

  return (
    <section className="sharing__block" aria-labelledby={headingId} aria-describedby={leadId}>
      <h3 id={headingId} className="sharing__subheading">
        {jaSharing.meeting.heading}
      </h3>
      <p id={leadId} className="field__hint">
        {jaSharing.meeting.lead}
      </p>
      <SharingFeedback outcome={outcome} scope={SCOPE} />
      <div className="sharing-meeting">
        {agencies.map((agency) => (
          <MeetingCheckbox
            key={agency.id}
            agencyName={agency.name}
            checked={pending.get(agency.id) ?? active.has(agency.id)}
            onChange={(checked) => toggle(agency.id, agency.name, checked)}
          />
        ))}
      </div>
    </section>
  );
}

interface MeetingCheckboxProps {
  readonly agencyName: string;
  readonly checked: boolean;
  readonly onChange: (checked: boolean) => void;
}

function MeetingCheckbox({ agencyName, checked, onChange }: MeetingCheckboxProps) {
  const id = useId();
  // One group per agency: the checkbox labels are alike, the legend says which agency each is for.
  return (
    <fieldset className="fieldset sharing-meeting__agency">
      <legend className="sharing-meeting__name">{agencyName}</legend>
      <div className="checkbox">
        <input
          id={id}
          type="checkbox"
          className="checkbox__input"
          checked={checked}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label htmlFor={id} className="checkbox__label">
          {jaSharing.meeting.checkbox}
        </label>
      </div>
    </fieldset>
  );
}
