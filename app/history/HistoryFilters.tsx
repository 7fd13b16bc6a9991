import { useId } from 'react';
import { caseSections } from '../../model/documentNames.ts';
import { jaHistory } from '../i18n/ja.history.ts';
import { DateRangeFields } from '../layout/FormControls.tsx';

export interface HistoryFilterValues {
  readonly section: string;
  readonly agencyId: string;
  readonly userId: string;
  /** YYYY-MM-DD, as a date input gives it; '' for no bound. */
  readonly from: string;
  readonly to: string;
  readonly meetingId: string;
}

export const emptyFilters: HistoryFilterValues = { section: '', agencyId: '', userId: '', from: '', to: '', meetingId: '' };

export interface FilterOptions {
  /** section → label */
  readonly sections: ReadonlyMap<string, string>;
  /** agency id → name */
  readonly agencies: ReadonlyMap<string, string>;
  /** user id → 「氏名（機関名）」 */
  readonly users: ReadonlyMap<string, string>;
  /** meeting id → 「第1回支援会議」 */
  readonly meetings: ReadonlyMap<string, string>;
}

interface HistoryFiltersProps {
  readonly values: HistoryFilterValues;
  readonly options: FilterOptions;
  readonly onChange: (values: HistoryFilterValues) => void;
}

const byLabel = (entries: Iterable<[string, string]>) => [...entries].sort((a, b) => a[1].localeCompare(b[1], 'ja'));

export function HistoryFilters({ values, options, onChange }: HistoryFiltersProps) {
  const ids = { heading: useId(), section: useId(), agency: useId(), user: useId(), meeting: useId() };
  const set = (key: keyof HistoryFilterValues, value: string) => onChange({ ...values, [key]: value });
  // Sections in the record's own order, the way the tabs show them.
  const sections = caseSections.filter((section) => options.sections.has(section) || values.section === section);
  const active = Object.values(values).some((value) => value !== '');

  return (
    <section className="history-filters" aria-labelledby={ids.heading}>
      <h3 id={ids.heading} className="visually-hidden">
        {jaHistory.filters.heading}
      </h3>
      <div className="history-filters__grid">
        <div className="field">
          <label htmlFor={ids.section} className="field__label">
            {jaHistory.filters.section}
          </label>
          <select id={ids.section} className="field__input field__select" value={values.section} onChange={(event) => set('section', event.target.value)}>
            <option value="">{jaHistory.filters.all}</option>
            {sections.map((section) => (
              <option key={section} value={section}>
                {options.sections.get(section) ?? section}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.agency} className="field__label">
            {jaHistory.filters.agency}
          </label>
          <select id={ids.agency} className="field__input field__select" value={values.agencyId} onChange={(event) => set('agencyId', event.target.value)}>
            <option value="">{jaHistory.filters.all}</option>
            {byLabel(options.agencies).map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.user} className="field__label">
            {jaHistory.filters.user}
          </label>
          <select id={ids.user} className="field__input field__select" value={values.userId} onChange={(event) => set('userId', event.target.value)}>
            <option value="">{jaHistory.filters.all}</option>
            {byLabel(options.users).map(([id, label]) => (
              <option key={id} value={id}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.meeting} className="field__label">
            {jaHistory.filters.meeting}
          </label>
          <select id={ids.meeting} className="field__input field__select" value={values.meetingId} onChange={(event) => set('meetingId', event.target.value)}>
            <option value="">{jaHistory.filters.all}</option>
            {[...options.meetings].map(([id, title]) => (
              <option key={id} value={id}>
                {title}
              </option>
            ))}
          </select>
        </div>
        <DateRangeFields fromLabel={jaHistory.filters.from} toLabel={jaHistory.filters.to} from={values.from} to={values.to} onChange={set} />
      </div>
      {active && (
        <div>
          <button type="button" className="button button--secondary button--small" onClick={() => onChange(emptyFilters)}>
            {jaHistory.filters.clear}
          </button>
        </div>
      )}
    </section>
  );
}
