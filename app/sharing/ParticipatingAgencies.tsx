import { useId, useState, type FormEvent } from 'react';
import type { Sharing } from '../../model/access/sharingApi.ts';
import type { CaseId } from '../../model/documentNames.ts';
import { addCaseAgency, removeCaseAgency, type AgencyOption } from '../http/sharingApi.ts';
import { jaSharing } from '../i18n/ja.sharing.ts';
import { SharingFeedback } from './SharingFeedback.tsx';
import type { SharingMutation, SharingOutcome } from './types.ts';

interface ParticipatingAgenciesProps {
  readonly caseId: CaseId;
  readonly sharing: Sharing;
  /** Every agency of the municipality, to choose the ones to add from. */
  readonly allAgencies: readonly AgencyOption[] | 'loading' | 'failed';
  readonly mutate: SharingMutation;
  readonly outcome: SharingOutcome | null;
}

const SCOPE = 'agencies';

export function ParticipatingAgencies({ caseId, sharing, allAgencies, mutate, outcome }: ParticipatingAgenciesProps) {
  const headingId = useId();
  const selectId = useId();
  const hintId = useId();
  const errorId = useId();
  const [chosen, setChosen] = useState('');
  const [chooseError, setChooseError] = useState(false);
  const participating = new Set(sharing.agencies.map((agency) => agency.id));
  const addable = Array.isArray(allAgencies) ? allAgencies.filter((agency) => !participating.has(agency.id)) : [];
  // A choice that has since joined (added elsewhere) is no longer offered.
  const selected = addable.some((agency) => agency.id === chosen) ? chosen : '';

  function handleAdd(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    const agency = addable.find((candidate) => candidate.id === selected);
    if (!agency) {
      setChooseError(true);
      return;
    }
    setChooseError(false);
    void mutate(() => addCaseAgency(caseId, agency.id), jaSharing.agencies.added(agency.name), SCOPE).then((added) => {
      if (added) setChosen('');
    });
  }

  return (
    <section className="sharing__block" aria-labelledby={headingId}>
      <h3 id={headingId} className="sharing__subheading">
        {jaSharing.agencies.heading}
      </h3>
      <SharingFeedback outcome={outcome} scope={SCOPE} />
      <ul className="sharing-agencies">
        {sharing.agencies.map((agency) => (
          <AgencyItem
            key={agency.id}
            name={agency.name}
            isCoordinator={agency.basis === 'coordinator'}
            onRemove={() => void mutate(() => removeCaseAgency(caseId, agency.id), jaSharing.agencies.removed(agency.name), SCOPE)}
          />
        ))}
      </ul>
      {allAgencies === 'failed' && <p className="message message--error">{jaSharing.agencies.agenciesUnavailable}</p>}
      {Array.isArray(allAgencies) && addable.length === 0 && <p className="field__hint">{jaSharing.agencies.noneLeft}</p>}
      {addable.length > 0 && (
        <form className="form form--inline" onSubmit={handleAdd} noValidate>
          <div className="field field--grow">
            <label htmlFor={selectId} className="field__label">
              {jaSharing.agencies.addSelect}
            </label>
            <p id={hintId} className="field__hint">
              {jaSharing.agencies.addHint}
            </p>
            <select
              id={selectId}
              className="field__input field__select"
              value={selected}
              aria-invalid={chooseError || undefined}
              aria-describedby={chooseError ? `${hintId} ${errorId}` : hintId}
              onChange={(event) => {
                setChosen(event.target.value);
                setChooseError(false);
              }}
            >
              <option value="">{jaSharing.agencies.choose}</option>
              {addable.map((agency) => (
                <option key={agency.id} value={agency.id}>
                  {agency.name}
                </option>
              ))}
            </select>
            {chooseError && (
              <p id={errorId} role="alert" className="field__error">
                {jaSharing.agencies.chooseFirst}
              </p>
            )}
          </div>
          <div className="form__actions">
            <button type="submit" className="button button--primary">
              {jaSharing.agencies.add}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

interface AgencyItemProps {
  readonly name: string;
  readonly isCoordinator: boolean;
  readonly onRemove: () => void;
}

function AgencyItem({ name, isCoordinator, onRemove }: AgencyItemProps) {
  const nameId = useId();
  return (
    <li className="sharing-agencies__item">
      <span id={nameId} className="sharing-agencies__name">
        {name}
      </span>
      {isCoordinator ? (
        <span className="sharing-agencies__note">
          <span className="sharing-basis sharing-basis--coordinator">{jaSharing.basis.coordinator}</span>{' '}
          {jaSharing.agencies.coordinatorNote}
        </span>
      ) : (
        // The name is the description, so that each of the same-named buttons says whom it removes.
        <button type="button" className="button button--secondary button--small" aria-describedby={nameId} onClick={onRemove}>
          {jaSharing.agencies.remove}
        </button>
      )}
    </li>
  );
}
