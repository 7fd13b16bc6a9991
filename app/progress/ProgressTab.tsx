import { useId, useMemo, useState, type FormEvent } from 'react';
import { newItemId, taskStatuses } from '../../model/sections/common.ts';
import { contactMethods, PROGRESS_ROOT, progressKinds } from '../../model/sections/progressLog.ts';
import { useCaseContext } from '../collab/CaseContext.tsx';
import { optionsOf, SelectField } from '../fields/ChoiceFields.tsx';
import { DateField } from '../fields/DraftFields.tsx';
import { EmptyCollection } from '../fields/ItemFieldset.tsx';
import { describedBy } from '../fields/FieldFrame.tsx';
import { SectionScope, useSection } from '../fields/SectionScope.tsx';
import { TextField } from '../fields/TextField.tsx';
import { formatWareki, formatWarekiMonth, parseDateInput } from '../../model/time/wareki.ts';
import { dateTimeLocalToIso, formatWarekiDateTime, tokyoDateTimeLocal } from '../../model/time/tokyoClock.ts';
import { childPath, writeAt, type FieldPath } from '../fields/yPaths.ts';
import { useYJson } from '../fields/yStore.ts';
import { ja } from '../i18n/ja.ts';
import { filterAndSort, noFilters, progressRows, type ProgressFilters, type ProgressRow, type SortOrder } from './progressEntries.ts';
import { LabeledSelect } from '../layout/FormControls.tsx';

export function ProgressTab() {
  return (
    <SectionScope section="progress-log">
      <ProgressRecord />
    </SectionScope>
  );
}

/** The form to add an entry (where the section may be edited) and the table of entries. */
export function ProgressRecord() {
  return (
    <div className="stack">
      <AddEntryForm />
      <ProgressTable />
    </div>
  );
}

const TASK_KIND = '予定・タスク' satisfies (typeof progressKinds)[number];

/** 「記録を追加」: agency and author come from the session; the server checks they match it. */
function AddEntryForm() {
  const { user } = useCaseContext();
  const { doc, editable, readOnly, textKeys } = useSection();
  const headingId = useId();
  const ids = { occurredAt: useId(), text: useId(), due: useId(), dueHint: useId() };
  const errorId = useId();
  const [occurredAt, setOccurredAt] = useState(() => tokyoDateTimeLocal(new Date()));
  const [kind, setKind] = useState<string>(progressKinds[0]);
  const [method, setMethod] = useState('');
  const [text, setText] = useState('');
  const [status, setStatus] = useState<string>(taskStatuses[0]);
  const [due, setDue] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [added, setAdded] = useState(false);
  const isTask = kind === TASK_KIND;
  if (readOnly) return null;

  function handleSubmit(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    if (!editable) return;
    const occurredIso = dateTimeLocalToIso(occurredAt);
    if (occurredIso === null) {
      setError(ja.progress.occurredAtInvalid);
      return;
    }
    if (text.trim() === '') {
      setError(ja.progress.textRequired);
      return;
    }
    let dueDate: string | null = null;
    if (isTask && due.trim() !== '') {
      const parsed = parseDateInput(due);
      if (!parsed.ok) {
        setError(`${ja.progress.dueDateInvalid}${ja.fields.dateErrors[parsed.error]}`);
        return;
      }
      dueDate = parsed.iso;
    }
    writeAt(
      doc,
      [PROGRESS_ROOT, newItemId()],
      {
        occurredAt: occurredIso,
        agencyId: user.agencyId,
        agencyName: user.agencyName,
        authorId: user.id,
        authorName: user.name,
        kind,
        contactMethod: method === '' ? null : method,
        text,
        taskStatus: isTask ? status : null,
        ...(isTask ? { dueDate } : {}),
      },
      textKeys,
    );
    setError(null);
    setText('');
    setDue('');
    setOccurredAt(tokyoDateTimeLocal(new Date()));
    setAdded(true);
  }

  return (
    <section className="panel panel--form" aria-labelledby={headingId}>
      <h3 id={headingId} className="panel__heading">
        {ja.progress.addHeading}
      </h3>
      <form className="form-grid" aria-labelledby={headingId} onSubmit={handleSubmit} noValidate>
        {error && (
          <p id={errorId} role="alert" className="message message--error field--wide">
            {error}
          </p>
        )}
        <div className="field">
          <label htmlFor={ids.occurredAt} className="field__label">
            {ja.progress.occurredAt}
          </label>
          <p className="field__hint">{ja.progress.occurredAtHint}</p>
          <input
            id={ids.occurredAt}
            type="datetime-local"
            className="field__input"
            value={occurredAt}
            onChange={(event) => setOccurredAt(event.target.value)}
          />
        </div>
        <LabeledSelect label={ja.progress.kind} value={kind} options={progressKinds} onChange={setKind} />
        <LabeledSelect label={ja.progress.method} value={method} options={contactMethods} onChange={setMethod} emptyLabel={ja.fields.notSelected} />
        {isTask && (
          <>
            <LabeledSelect label={ja.progress.status} value={status} options={taskStatuses} onChange={setStatus} />
            <div className="field">
              <label htmlFor={ids.due} className="field__label">
                {ja.progress.dueDate}
              </label>
              <p id={ids.dueHint} className="field__hint">
                {ja.fields.dateHint}
              </p>
              <input
                id={ids.due}
                type="text"
                className="field__input"
                autoComplete="off"
                value={due}
                aria-describedby={ids.dueHint}
                onChange={(event) => setDue(event.target.value)}
              />
            </div>
          </>
        )}
        <div className="field field--wide">
          <label htmlFor={ids.text} className="field__label">
            {ja.progress.text}
          </label>
          <textarea
            id={ids.text}
            className="field__input field__textarea"
            rows={4}
            maxLength={20_000}
            value={text}
            aria-invalid={error === ja.progress.textRequired || undefined}
            aria-describedby={describedBy(error !== null && errorId)}
            onChange={(event) => {
              setText(event.target.value);
              setAdded(false);
            }}
          />
        </div>
        <div className="form__actions field--wide">
          <button type="submit" className="button button--primary" aria-disabled={!editable || undefined}>
            {ja.progress.add}
          </button>
          <p className="form__note" aria-live="polite">
            {added ? ja.progress.added : ''}
          </p>
        </div>
      </form>
    </section>
  );
}

function ProgressTable() {
  const { doc } = useSection();
  const entries = useYJson(doc, [PROGRESS_ROOT]);
  const rows = useMemo(() => progressRows(entries), [entries]);
  const [filters, setFilters] = useState<ProgressFilters>(noFilters);
  const [order, setOrder] = useState<SortOrder>('descending');
  const shown = useMemo(() => filterAndSort(rows, filters, order), [rows, filters, order]);
  const baseId = useId();

  const months = [...new Set(rows.map((row) => row.month).filter((month): month is string => month !== null))].sort().reverse();
  const agencies = new Map<string, string>();
  for (const row of rows) if (!agencies.has(row.agencyId)) agencies.set(row.agencyId, row.agencyName);
  const authors = [...new Set(rows.map((row) => row.authorName))].sort((a, b) => a.localeCompare(b, 'ja'));
  const filtered = Object.values(filters).some((value) => value !== '');

  const set = (key: keyof ProgressFilters) => (value: string) => setFilters((current) => ({ ...current, [key]: value }));
  const orderLabel = order === 'ascending' ? ja.progress.sortAscending : ja.progress.sortDescending;

  return (
    <section className="progress" aria-labelledby={`${baseId}-caption`}>
      <p className="field__hint">{ja.progress.notEditable}</p>
      <div className="progress__toolbar">
        <p className="progress__count">{ja.progress.count(shown.length, rows.length)}</p>
        {filtered && (
          <button type="button" className="button button--secondary button--small" onClick={() => setFilters(noFilters)}>
            {ja.progress.clearFilters}
          </button>
        )}
      </div>
      <div className="table-scroll">
        <table className="table progress-table">
          <caption id={`${baseId}-caption`} className="visually-hidden">
            {ja.progress.tableCaption}
          </caption>
          <thead>
            <tr>
              <th scope="col" aria-sort={order} className="progress-table__when">
                <button
                  type="button"
                  className="sort-button"
                  // 「日時（降順）」: the column and the order it is in now (aria-sort says it too).
                  aria-label={ja.progress.sortLabel(orderLabel)}
                  title={ja.progress.sortButtonHint}
                  onClick={() => setOrder(order === 'ascending' ? 'descending' : 'ascending')}
                >
                  {ja.progress.occurredAt}
                  <span className="sort-button__mark" aria-hidden="true">
                    {order === 'ascending' ? ja.progress.ascendingMark : ja.progress.descendingMark}
                  </span>
                </button>
              </th>
              <th scope="col" className="progress-table__agency">
                {ja.progress.agency}
              </th>
              <th scope="col" className="progress-table__short">
                {ja.progress.author}
              </th>
              <th scope="col" className="progress-table__short">
                {ja.progress.kind}
              </th>
              <th scope="col" className="progress-table__short">
                {ja.progress.method}
              </th>
              <th scope="col" className="progress-table__text">
                {ja.progress.text}
              </th>
              <th scope="col" className="progress-table__short">
                {ja.progress.status}
              </th>
            </tr>
            <tr className="progress-table__filters">
              <FilterCell id={`${baseId}-month`} column={ja.progress.occurredAt} value={filters.month} onChange={set('month')} options={months.map((month) => ({ value: month, label: formatWarekiMonth(month) ?? month }))} />
              <FilterCell id={`${baseId}-agency`} column={ja.progress.agency} value={filters.agencyId} onChange={set('agencyId')} options={[...agencies].map(([value, label]) => ({ value, label }))} />
              <FilterCell id={`${baseId}-author`} column={ja.progress.author} value={filters.author} onChange={set('author')} options={optionsOf(authors)} />
              <FilterCell id={`${baseId}-kind`} column={ja.progress.kind} value={filters.kind} onChange={set('kind')} options={optionsOf(progressKinds)} />
              <FilterCell id={`${baseId}-method`} column={ja.progress.method} value={filters.method} onChange={set('method')} options={optionsOf(contactMethods)} />
              <td>
                <label htmlFor={`${baseId}-text`} className="visually-hidden">
                  {ja.progress.filterBy(ja.progress.text)}
                </label>
                <input
                  id={`${baseId}-text`}
                  type="search"
                  className="field__input field__input--compact"
                  value={filters.text}
                  onChange={(event) => set('text')(event.target.value)}
                />
              </td>
              <FilterCell id={`${baseId}-status`} column={ja.progress.status} value={filters.status} onChange={set('status')} options={optionsOf(taskStatuses)} />
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <ProgressTableRow key={row.id} row={row} />
            ))}
          </tbody>
        </table>
      </div>
      {rows.length === 0 && <EmptyCollection message={ja.progress.empty} />}
      {rows.length > 0 && shown.length === 0 && <p className="message">{ja.progress.noMatch}</p>}
    </section>
  );
}

interface FilterCellProps {
  readonly id: string;
  readonly column: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly options: readonly { value: string; label: string }[];
}

function FilterCell({ id, column, value, onChange, options }: FilterCellProps) {
  return (
    <td>
      <label htmlFor={id} className="visually-hidden">
        {ja.progress.filterBy(column)}
      </label>
      <select id={id} className="field__input field__input--compact field__select" value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{ja.progress.all}</option>
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </td>
  );
}

/** Content is changed only by the recording agency; anyone may move a task's 状況 on. */
function ProgressTableRow({ row }: { readonly row: ProgressRow }) {
  const { user } = useCaseContext();
  const { readOnly } = useSection();
  const mine = row.agencyId === user.agencyId && !readOnly;
  const when = formatWarekiDateTime(row.occurredAt) ?? row.occurredAt;
  const path: FieldPath = [PROGRESS_ROOT, row.id];
  const isTask = row.kind === TASK_KIND;
  return (
    <tr>
      <th scope="row" className="progress-table__when">
        <time dateTime={row.occurredAt}>{when}</time>
      </th>
      <td>{row.agencyName}</td>
      <td>{row.authorName}</td>
      <td>{row.kind ?? ''}</td>
      <td>{row.contactMethod ?? ja.progress.notApplicable}</td>
      <td className="progress-table__text">
        {mine ? (
          <TextField label={ja.progress.textOf(when, row.authorName)} path={childPath(path, 'text')} multiline hideLabel />
        ) : (
          <p className="progress-table__content">{row.text}</p>
        )}
      </td>
      <td>
        {isTask ? (
          <div className="progress-table__status">
            <SelectField
              label={ja.progress.statusOf(when, row.authorName)}
              path={childPath(path, 'taskStatus')}
              options={optionsOf(taskStatuses)}
              hideLabel
            />
            {mine ? (
              <DateField label={ja.progress.dueDate} path={childPath(path, 'dueDate')} compact />
            ) : (
              row.dueDate !== null && <p className="progress-table__due">{ja.progress.dueOn(formatWareki(row.dueDate) ?? row.dueDate)}</p>
            )}
          </div>
        ) : (
          ja.progress.notApplicable
        )}
      </td>
    </tr>
  );
}
