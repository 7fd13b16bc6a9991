import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { ja } from '../i18n/ja.ts';
import { describedBy, FieldFrame, useEditingPresence } from './FieldFrame.tsx';
import { formatYen, parseYen } from './money.ts';
import { useSection } from './SectionScope.tsx';
import { ageOn, formatWareki, formatWestern, parseDateInput } from '../../model/time/wareki.ts';
import { pathKey, writeAt, type FieldPath } from './yPaths.ts';
import { useYPrimitive } from './yStore.ts';

type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

interface DraftInputProps<T> {
  readonly label: string;
  readonly path: FieldPath;
  readonly hint?: string;
  readonly hideLabel?: boolean;
  /** How the stored value is shown while nobody is typing in the field. */
  readonly display: (stored: T) => string;
  readonly parse: (typed: string) => Parsed<T | null>;
  readonly readStored: (raw: unknown) => T | null;
  /** What an emptied field writes: null where the model allows it, undefined to remove the key. */
  readonly empty: null | undefined;
  readonly readOnly?: boolean;
  readonly inputMode?: 'text' | 'numeric';
  readonly suffix?: string;
  readonly after?: (stored: T | null) => ReactNode;
  /** Replaces the plain write (e.g. to change related values in the same transaction). */
  readonly onCommit?: (value: T | null) => void;
}

/**
 * A field typed freely and written only once it reads as a valid value (on blur or Enter),
 * because the stored form differs from what is typed (和暦 → ISO, 「120,000」 → 120000).
 * While someone is typing, other people's changes do not replace the draft; once it is
 * committed or abandoned the field shows the stored value again.
 */
function DraftInput<T>({
  label,
  path,
  hint,
  hideLabel,
  display,
  parse,
  readStored,
  empty,
  readOnly = false,
  inputMode = 'text',
  suffix,
  after,
  onCommit,
}: DraftInputProps<T>) {
  const { doc, editable, readOnly: sectionReadOnly, textKeys } = useSection();
  const id = useId();
  const hintId = useId();
  const errorId = useId();
  // How to type a value is no help where nothing can be typed.
  const shownHint = sectionReadOnly || readOnly ? undefined : hint;
  const key = pathKey(path);
  const presence = useEditingPresence(key);
  const stored = readStored(useYPrimitive(doc, path));
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = draft ?? (stored === null ? '' : display(stored));

  function commit(): void {
    if (draft === null) return;
    const result = parse(draft);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    setError(null);
    setDraft(null);
    const value = result.value;
    if (onCommit) onCommit(value);
    else writeAt(doc, path, value === null ? empty : (value as string | number), textKeys);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    // Enter while converting with an IME confirms the conversion, not the field.
    if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
      event.preventDefault();
      commit();
    } else if (event.key === 'Escape' && draft !== null) {
      setDraft(null);
      setError(null);
    }
  }

  return (
    <FieldFrame
      id={id}
      label={label}
      fieldKey={key}
      hint={shownHint}
      hintId={hintId}
      hideLabel={hideLabel}
      error={error}
      errorId={errorId}
      after={after?.(stored)}
    >
      <div className={suffix ? 'input-with-suffix' : undefined}>
        <input
          id={id}
          type="text"
          className="field__input"
          inputMode={inputMode}
          autoComplete="off"
          value={shown}
          readOnly={readOnly || !editable}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy(shownHint !== undefined && hintId, error !== null && errorId)}
          onChange={(event) => {
            setDraft(event.target.value);
            if (error !== null) setError(null);
          }}
          onKeyDown={handleKeyDown}
          onFocus={presence.onFocus}
          onBlur={(event) => {
            commit();
            presence.onBlur(event);
          }}
        />
        {suffix && (
          <span className="input-with-suffix__suffix" aria-hidden="true">
            {suffix}
          </span>
        )}
      </div>
    </FieldFrame>
  );
}

function readIsoDate(raw: unknown): string | null {
  return typeof raw === 'string' && formatWareki(raw) !== null ? raw : null;
}

function parseDate(typed: string): Parsed<string | null> {
  if (typed.trim() === '') return { ok: true, value: null };
  const result = parseDateInput(typed);
  return result.ok ? { ok: true, value: result.iso } : { ok: false, error: ja.fields.dateErrors[result.error] };
}

interface DateFieldProps {
  readonly label: string;
  readonly path: FieldPath;
  /** For 生年月日: shows the age today. */
  readonly today?: string;
  readonly empty?: null | undefined;
  readonly readOnly?: boolean;
  readonly onCommit?: (iso: string | null) => void;
  /** In a table: the format hint is left out. */
  readonly compact?: boolean;
}

/** A 和暦 date: typed as 「昭和47年3月5日」「S47.3.5」「1972-03-05」…, stored as ISO, shown in 和暦. */
export function DateField({ label, path, today, empty = null, readOnly, onCommit, compact = false }: DateFieldProps) {
  return (
    <DraftInput<string>
      label={label}
      path={path}
      hint={compact ? undefined : ja.fields.dateHint}
      display={(iso) => formatWareki(iso) ?? iso}
      parse={parseDate}
      readStored={readIsoDate}
      empty={empty}
      readOnly={readOnly}
      onCommit={onCommit}
      after={(iso) => {
        if (iso === null) return null;
        const age = today !== undefined ? ageOn(iso, today) : null;
        return (
          <p className="field__derived">
            {formatWestern(iso)}
            {age !== null && <span className="field__age">{ja.fields.age(age)}</span>}
          </p>
        );
      }}
    />
  );
}

function readYen(raw: unknown): number | null {
  return typeof raw === 'number' && Number.isInteger(raw) && raw >= 0 ? raw : null;
}

function parseMoney(typed: string): Parsed<number | null> {
  const result = parseYen(typed);
  return result.ok ? { ok: true, value: result.yen } : { ok: false, error: ja.fields.moneyErrors[result.error] };
}

interface MoneyFieldProps {
  readonly label: string;
  readonly path: FieldPath;
  readonly readOnly?: boolean;
}

/** An amount in 円, shown 「120,000」, stored as whole yen; full-width digits are fine. */
export function MoneyField({ label, path, readOnly }: MoneyFieldProps) {
  return (
    <DraftInput<number>
      label={label}
      path={path}
      hint={ja.fields.moneyHint}
      display={formatYen}
      parse={parseMoney}
      readStored={readYen}
      empty={null}
      readOnly={readOnly}
      inputMode="numeric"
      suffix={ja.fields.yen}
    />
  );
}
