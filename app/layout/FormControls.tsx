import { useId } from 'react';

/** A labelled choice among plain values, as the forms' filters and add-forms use it. */
export function LabeledSelect<Value extends string>({
  label,
  value,
  options,
  onChange,
  emptyLabel,
  optionLabels,
}: {
  readonly label: string;
  readonly value: Value | '';
  readonly options: readonly Value[];
  readonly onChange: (value: Value) => void;
  /** An empty first option (「選択しない」「すべて」) when the choice may be left open. */
  readonly emptyLabel?: string;
  /** What each value reads as on screen, where that is not the value itself. */
  readonly optionLabels?: Readonly<Partial<Record<Value, string>>>;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select id={id} className="field__input field__select" value={value} onChange={(event) => onChange(event.target.value as Value)}>
        {emptyLabel !== undefined && <option value="">{emptyLabel}</option>}
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabels?.[option] ?? option}
          </option>
        ))}
      </select>
    </div>
  );
}

/** 期間（開始）–（終了） as two date inputs that keep each other in order. */
export function DateRangeFields({
  fromLabel,
  toLabel,
  from,
  to,
  onChange,
}: {
  readonly fromLabel: string;
  readonly toLabel: string;
  readonly from: string;
  readonly to: string;
  readonly onChange: (key: 'from' | 'to', value: string) => void;
}) {
  const fromId = useId();
  const toId = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={fromId} className="field__label">
          {fromLabel}
        </label>
        <input id={fromId} type="date" className="field__input" value={from} max={to || undefined} onChange={(event) => onChange('from', event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={toId} className="field__label">
          {toLabel}
        </label>
        <input id={toId} type="date" className="field__input" value={to} min={from || undefined} onChange={(event) => onChange('to', event.target.value)} />
      </div>
    </>
  );
}
