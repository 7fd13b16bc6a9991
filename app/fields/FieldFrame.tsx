import { useCallback, useEffect, useSyncExternalStore, type FocusEvent, type ReactNode } from 'react';
import { ja } from '../i18n/ja.ts';
import { useSection } from './SectionScope.tsx';
import { formatWarekiDateTime } from '../../model/time/tokyoClock.ts';
import { useFieldChange } from './yStore.ts';

/**
 * Publishes "my focus is in this field" (awareness `editing`) for others to see, and takes
 * it back on blur or when the field goes away while focused (e.g. another member is chosen).
 * For a group, focus moving between its own controls is not a change.
 */
export function useEditingPresence(key: string): {
  readonly onFocus: () => void;
  readonly onBlur: (event: FocusEvent<HTMLElement>) => void;
} {
  const { presence } = useSection();
  useEffect(() => () => presence.clearEditing(key), [presence, key]);
  const onFocus = useCallback(() => presence.setEditing(key), [presence, key]);
  const onBlur = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      const next = event.relatedTarget;
      if (next instanceof Node && event.currentTarget.contains(next)) return;
      presence.clearEditing(key);
    },
    [presence, key],
  );
  return { onFocus, onBlur };
}

interface FieldActivityProps {
  /** The field path, as in `changedBy` and awareness. */
  readonly fieldKey: string;
  /** For a group: also changes to anything inside it. */
  readonly group?: boolean;
}

/** 「高橋 由美（…）が入力中」 and 「最終更新：氏名（機関名） 令和8年11月22日 14:05」 under a field. */
export function FieldActivity({ fieldKey, group = false }: FieldActivityProps) {
  const { presence, doc } = useSection();
  const editors = useSyncExternalStore(presence.subscribe, () => presence.editorsAt(fieldKey));
  const change = useFieldChange(doc, fieldKey, group);
  if (editors.length === 0 && change === null) return null;
  return (
    <div className="field__activity">
      {editors.map((person) => (
        <p key={person.id} className="field__editing">
          <span className="field__editing-mark" style={{ backgroundColor: person.color }} aria-hidden="true" />
          {ja.fields.editing(ja.personLabel(person.name, person.agencyName))}
        </p>
      ))}
      {change !== null && (
        <p className="field__changed">
          {ja.fields.lastChanged(ja.personLabel(change.name, change.agencyName), formatWarekiDateTime(change.at) ?? change.at)}
        </p>
      )}
    </div>
  );
}

interface FieldFrameProps {
  readonly id: string;
  readonly label: ReactNode;
  readonly fieldKey: string;
  readonly hint?: ReactNode;
  readonly hintId?: string;
  readonly error?: string | null;
  readonly errorId?: string;
  /** Spans the whole row of the form grid (long texts). */
  readonly wide?: boolean;
  /** Shown after the control: a derived value such as 年齢. */
  readonly after?: ReactNode;
  /** In a table cell the column header says what it is; the label is for screen readers. */
  readonly hideLabel?: boolean;
  readonly children: ReactNode;
}

/** Label above the control, then hint, error, and who is editing or last changed it. */
export function FieldFrame({
  id,
  label,
  fieldKey,
  hint,
  hintId,
  error,
  errorId,
  wide = false,
  after,
  hideLabel = false,
  children,
}: FieldFrameProps) {
  return (
    <div className={wide ? 'field field--wide' : 'field'}>
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : 'field__label'}>
        {label}
      </label>
      {hint !== undefined && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {children}
      {after}
      {error && (
        <p id={errorId} className="field__error">
          {error}
        </p>
      )}
      <FieldActivity fieldKey={fieldKey} />
    </div>
  );
}

/** aria-describedby from the ids that are present. */
export function describedBy(...ids: Array<string | false | null | undefined>): string | undefined {
  const present = ids.filter((id): id is string => typeof id === 'string' && id !== '');
  return present.length > 0 ? present.join(' ') : undefined;
}
