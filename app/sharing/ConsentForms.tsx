import { useId, useState, type FormEvent } from 'react';
import {
  consentMethods,
  consentRequestSchema,
  consentStatuses,
  type Consent,
  type Sharing,
} from '../../model/access/sharingApi.ts';
import type { CaseId } from '../../model/documentNames.ts';
import { recordConsent } from '../http/sharingApi.ts';
import { jaSharing } from '../i18n/ja.sharing.ts';
import { SharingFeedback } from './SharingFeedback.tsx';
import type { HouseholdMember, SharingMutation, SharingOutcome } from './types.ts';
import { LabeledSelect } from '../layout/FormControls.tsx';

interface ConsentFormsProps {
  readonly caseId: CaseId;
  readonly sharing: Sharing;
  readonly members: readonly HouseholdMember[];
  readonly mutate: SharingMutation;
  readonly outcome: SharingOutcome | null;
}

/** 本人同意 per member of the household: what was agreed, when, how, and for which agencies. */
export function ConsentForms({ caseId, sharing, members, mutate, outcome }: ConsentFormsProps) {
  const headingId = useId();
  const consents = new Map(sharing.consents.map((consent) => [consent.memberId, consent]));
  return (
    <section className="sharing__block" aria-labelledby={headingId}>
      <h3 id={headingId} className="sharing__subheading">
        {jaSharing.consent.heading}
      </h3>
      <p className="field__hint">{jaSharing.consent.lead}</p>
      {members.length === 0 ? (
        <p className="message message--info">{jaSharing.consent.noMembers}</p>
      ) : (
        <div className="sharing-consents">
          {members.map((member) => (
            <ConsentForm
              key={member.id}
              caseId={caseId}
              member={member}
              consent={consents.get(member.id) ?? null}
              agencies={sharing.agencies}
              mutate={mutate}
              outcome={outcome}
            />
          ))}
        </div>
      )}
    </section>
  );
}

const NOT_CONFIRMED: Consent['status'] = '未確認';

interface ConsentFormProps {
  readonly caseId: CaseId;
  readonly member: HouseholdMember;
  /** As last recorded; the form starts from it and keeps its own state afterwards. */
  readonly consent: Consent | null;
  readonly agencies: Sharing['agencies'];
  readonly mutate: SharingMutation;
  readonly outcome: SharingOutcome | null;
}

function ConsentForm({ caseId, member, consent, agencies, mutate, outcome }: ConsentFormProps) {
  const ids = { heading: useId(), date: useId(), method: useId(), agencies: useId(), note: useId(), error: useId() };
  const [status, setStatus] = useState<string>(consent?.status ?? NOT_CONFIRMED);
  const [consentedOn, setConsentedOn] = useState(consent?.consentedOn ?? '');
  const [method, setMethod] = useState<string>(consent?.method ?? '');
  // Agencies that have left the case stay in the record; only participating ones are offered.
  const [agencyIds, setAgencyIds] = useState<readonly string[]>(consent?.agencyIds ?? []);
  const [note, setNote] = useState(consent?.note ?? '');
  const [invalid, setInvalid] = useState(false);
  const name = member.name.trim() || jaSharing.consent.unnamed;
  const scope = `consent/${member.id}`;

  function toggleAgency(agencyId: string, checked: boolean): void {
    setAgencyIds((current) => (checked ? [...current, agencyId] : current.filter((id) => id !== agencyId)));
  }

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const parsed = consentRequestSchema.safeParse({
      status,
      consentedOn: consentedOn === '' ? null : consentedOn,
      method: method === '' ? null : method,
      agencyIds: [...new Set(agencyIds)],
      note,
    });
    if (!parsed.success) {
      setInvalid(true);
      return;
    }
    setInvalid(false);
    void mutate(() => recordConsent(caseId, member.id, parsed.data), jaSharing.consent.recorded(name), scope);
  }

  return (
    <form className="sharing-consent" aria-labelledby={ids.heading} onSubmit={handleSubmit} noValidate>
      <h4 id={ids.heading} className="sharing-consent__name">
        {name}
      </h4>
      <SharingFeedback outcome={outcome} scope={scope} />
      {invalid && (
        <p id={ids.error} role="alert" className="message message--error">
          {jaSharing.consent.invalid}
        </p>
      )}
      <div className="sharing-consent__grid">
        <LabeledSelect label={jaSharing.consent.status} value={status} options={consentStatuses} onChange={setStatus} />
        <div className="field">
          <label htmlFor={ids.date} className="field__label">
            {jaSharing.consent.consentedOn}
          </label>
          <input
            id={ids.date}
            type="date"
            className="field__input"
            value={consentedOn}
            onChange={(event) => setConsentedOn(event.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.method} className="field__label">
            {jaSharing.consent.method}
          </label>
          <select id={ids.method} className="field__input field__select" value={method} onChange={(event) => setMethod(event.target.value)}>
            <option value="">{jaSharing.consent.methodUnset}</option>
            {consentMethods.map((value) => (
              <option key={value} value={value}>
                {value}
              </option>
            ))}
          </select>
        </div>
      </div>
      <fieldset className="fieldset">
        <legend className="field__label">{jaSharing.consent.agencies}</legend>
        <div className="checkbox-grid">
          {agencies.map((agency) => {
            const id = `${ids.agencies}-${agency.id}`;
            return (
              <div key={agency.id} className="checkbox">
                <input
                  id={id}
                  type="checkbox"
                  className="checkbox__input"
                  checked={agencyIds.includes(agency.id)}
                  onChange={(event) => toggleAgency(agency.id, event.target.checked)}
                />
                <label htmlFor={id} className="checkbox__label">
                  {agency.name}
                </label>
              </div>
            );
          })}
        </div>
      </fieldset>
      <div className="field">
        <label htmlFor={ids.note} className="field__label">
          {jaSharing.consent.note}
        </label>
        <textarea
          id={ids.note}
          className="field__input field__textarea"
          maxLength={2_000}
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
      </div>
      <div className="form__actions">
        <button type="submit" className="button button--primary">
          {jaSharing.consent.submit}
        </button>
      </div>
    </form>
  );
}
