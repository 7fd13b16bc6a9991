import { useId } from 'react';
import { caseStatuses } from '../../model/sections/overview.ts';
import { ja } from '../i18n/ja.ts';

export interface AgencyOption {
  readonly id: string;
  readonly name: string;
}

interface CaseFiltersProps {
  readonly search: string;
  readonly onSearch: (text: string) => void;
  readonly status: string;
  readonly onStatus: (status: string) => void;
  readonly agencyId: string;
  readonly onAgency: (agencyId: string) => void;
  readonly agencies: readonly AgencyOption[];
}

export function CaseFilters({ search, onSearch, status, onStatus, agencyId, onAgency, agencies }: CaseFiltersProps) {
  const headingId = useId();
  const searchId = useId();
  const searchHintId = useId();
  const statusId = useId();
  const agencySelectId = useId();
  return (
    <section className="filters" aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        {ja.caseList.filtersHeading}
      </h2>
      <div className="field filters__search">
        <label htmlFor={searchId} className="field__label">
          {ja.caseList.search}
        </label>
        <p id={searchHintId} className="field__hint">
          {ja.caseList.searchHint}
        </p>
        <input
          id={searchId}
          type="search"
          className="field__input"
          autoComplete="off"
          maxLength={100}
          value={search}
          aria-describedby={searchHintId}
          onChange={(event) => onSearch(event.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={statusId} className="field__label">
          {ja.caseList.statusFilter}
        </label>
        <select id={statusId} className="field__input field__select" value={status} onChange={(event) => onStatus(event.target.value)}>
          <option value="">{ja.caseList.all}</option>
          {caseStatuses.map((value) => (
            <option key={value} value={value}>
              {value}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={agencySelectId} className="field__label">
          {ja.caseList.agencyFilter}
        </label>
        <select id={agencySelectId} className="field__input field__select" value={agencyId} onChange={(event) => onAgency(event.target.value)}>
          <option value="">{ja.caseList.all}</option>
          {agencies.map((agency) => (
            <option key={agency.id} value={agency.id}>
              {agency.name}
            </option>
          ))}
        </select>
      </div>
    </section>
  );
}
