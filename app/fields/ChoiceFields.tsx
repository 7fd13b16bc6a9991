import { useId, type ReactNode } from 'react';
import { ja } from '../i18n/ja.ts';
import { FieldActivity, FieldFrame, useEditingPresence } from './FieldFrame.tsx';
import { useSection } from './SectionScope.tsx';
import { pathKey, writeAt, type FieldPath } from './yPaths.ts';
import { useYPrimitive } from './yStore.ts';

export interface ChoiceOption {
  readonly value: string;
  readonly label: string;
}

/** Options whose stored value is also what is shown (the model's Japanese enum values). */
export function optionsOf(values: readonly string[]): ChoiceOption[] {
  return values.map((value) => ({ value, label: value }));
}

interface SelectFieldProps {
  readonly label: string;
  readonly path: FieldPath;
  readonly options: readonly ChoiceOption[];
  /**
   * What 「未選択」 writes: null where the model allows null, undefined (key removed) where it
   * does not. Omit to offer no 「未選択」 once a value is set.
   */
  readonly empty?: null | undefined | 'none';
  readonly readOnly?: boolean;
  /** Runs instead of the plain write, e.g. to change related values in the same transaction. */
  readonly onSelect?: (value: string | null) => void;
  readonly hint?: string;
  readonly hideLabel?: boolean;
}

/** A select bound to a plain value (last writer wins). */
export function SelectField({ label, path, options, empty = null, readOnly = false, onSelect, hint, hideLabel }: SelectFieldProps) {
  const { doc, editable, textKeys } = useSection();
  const id = useId();
  const hintId = useId();
  const key = pathKey(path);
  const presence = useEditingPresence(key);
  const stored = useYPrimitive(doc, path);
  const value = typeof stored === 'string' ? stored : '';
  // A value another client wrote that this version does not know is shown, not silently dropped.
  const known = value === '' || options.some((option) => option.value === value);
  const offerEmpty = empty !== 'none' || value === '';

  function handleChange(next: string): void {
    const chosen = next === '' ? null : next;
    if (onSelect) onSelect(chosen);
    else writeAt(doc, path, chosen ?? (empty === 'none' ? undefined : empty), textKeys);
  }

  return (
    <FieldFrame id={id} label={label} fieldKey={key} hint={hint} hintId={hintId} hideLabel={hideLabel}>
      <select
        id={id}
        className="field__input field__select"
        value={value}
        disabled={readOnly || !editable}
        aria-describedby={hint !== undefined ? hintId : undefined}
        onChange={(event) => handleChange(event.target.value)}
        onFocus={presence.onFocus}
        onBlur={presence.onBlur}
      >
        {offerEmpty && <option value="">{ja.fields.notSelected}</option>}
        {!known && <option value={value}>{value}</option>}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

interface CheckboxFieldProps {
  readonly label: string;
  readonly path: FieldPath;
  readonly readOnly?: boolean;
  /** Replaces the plain boolean write (e.g. 本人, which is stored elsewhere). */
  readonly checked?: boolean;
  readonly onToggle?: (checked: boolean) => void;
  readonly after?: ReactNode;
}

/** A checkbox bound to a boolean (last writer wins). */
export function CheckboxField({ label, path, readOnly = false, checked, onToggle, after }: CheckboxFieldProps) {
  const { doc, editable, textKeys } = useSection();
  const id = useId();
  const key = pathKey(path);
  const presence = useEditingPresence(key);
  const stored = useYPrimitive(doc, path);
  const isChecked = checked ?? stored === true;
  return (
    <div className="field field--checkbox">
      <div className="checkbox">
        <input
          id={id}
          type="checkbox"
          className="checkbox__input"
          checked={isChecked}
          disabled={readOnly || !editable}
          onChange={(event) => (onToggle ? onToggle(event.target.checked) : writeAt(doc, path, event.target.checked, textKeys))}
          onFocus={presence.onFocus}
          onBlur={presence.onBlur}
        />
        <label htmlFor={id} className="checkbox__label">
          {label}
        </label>
        {after}
      </div>
      <FieldActivity fieldKey={key} />
    </div>
  );
}

interface RadioGroupFieldProps {
  readonly legend: string;
  readonly path: FieldPath;
  readonly options: readonly ChoiceOption[];
  /** Offers 「未選択」 writing null. */
  readonly nullable?: boolean;
  readonly readOnly?: boolean;
}

/** Radio buttons bound to a plain value, in a fieldset named by its legend. */
export function RadioGroupField({ legend, path, options, nullable = true, readOnly = false }: RadioGroupFieldProps) {
  const { doc, editable, textKeys } = useSection();
  const name = useId();
  const key = pathKey(path);
  const presence = useEditingPresence(key);
  const stored = useYPrimitive(doc, path);
  const value = typeof stored === 'string' ? stored : '';
  const all = nullable ? [{ value: '', label: ja.fields.notSelected }, ...options] : options;
  return (
    <fieldset className="field fieldset" onFocus={presence.onFocus} onBlur={presence.onBlur}>
      <legend className="field__label">{legend}</legend>
      <div className="choice-row">
        {all.map((option) => {
          const optionId = `${name}-${option.value}`;
          return (
            <div key={option.value} className="radio">
              <input
                id={optionId}
                type="radio"
                name={name}
                className="radio__input"
                value={option.value}
                checked={value === option.value}
                disabled={readOnly || !editable}
                onChange={() => writeAt(doc, path, option.value === '' ? null : option.value, textKeys)}
              />
              <label htmlFor={optionId} className="radio__label">
                {option.label}
              </label>
            </div>
          );
        })}
      </div>
      <FieldActivity fieldKey={key} />
    </fieldset>
  );
}
