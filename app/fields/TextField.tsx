import { useEffect, useId, useRef } from 'react';
import { LONG_TEXT_MAX, SHORT_TEXT_MAX } from '../../model/sections/common.ts';
import { describedBy, FieldFrame, useEditingPresence } from './FieldFrame.tsx';
import { useSection } from './SectionScope.tsx';
import { TextBinding } from './textBinding.ts';
import { pathFromKey, pathKey, type FieldPath } from './yPaths.ts';
import { useYString } from './yStore.ts';

interface TextFieldProps {
  readonly label: string;
  readonly path: FieldPath;
  /** A long text: an auto-growing textarea that always shows all of it. */
  readonly multiline?: boolean;
  readonly hint?: string;
  readonly readOnly?: boolean;
  readonly wide?: boolean;
  readonly autoComplete?: string;
  readonly inputMode?: 'text' | 'tel';
  readonly hideLabel?: boolean;
}

const supportsFieldSizing = typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content');

/** Grows a textarea to its content where CSS `field-sizing` cannot (Firefox, older Safari). */
function fitToContent(element: HTMLTextAreaElement | HTMLInputElement): void {
  if (supportsFieldSizing || !(element instanceof HTMLTextAreaElement)) return;
  element.style.height = 'auto';
  const { borderTopWidth, borderBottomWidth } = getComputedStyle(element);
  element.style.height = `${element.scrollHeight + Number.parseFloat(borderTopWidth) + Number.parseFloat(borderBottomWidth)}px`;
}

/** A text field bound to a Y.Text: edits merge character by character with everyone else's. */
export function TextField({
  label,
  path,
  multiline = false,
  hint,
  readOnly = false,
  wide,
  autoComplete = 'off',
  inputMode,
  hideLabel = false,
}: TextFieldProps) {
  const { doc, editable } = useSection();
  const id = useId();
  const hintId = useId();
  const key = pathKey(path);
  const inputRef = useRef<HTMLInputElement>(null);
  const textareaRef = useRef<HTMLTextAreaElement>(null);
  const presence = useEditingPresence(key);
  // Only for print, where a textarea cannot run across pages: long texts print as a block.
  const printed = useYString(doc, path);

  useEffect(() => {
    const element = inputRef.current ?? textareaRef.current;
    if (!element) return;
    const fit = (): void => fitToContent(element);
    const binding = new TextBinding(element, doc, pathFromKey(key), fit);
    window.addEventListener('resize', fit);
    return () => {
      window.removeEventListener('resize', fit);
      binding.destroy();
    };
  }, [doc, key, multiline]);

  const common = {
    id,
    name: key,
    readOnly: readOnly || !editable,
    'aria-describedby': describedBy(hint !== undefined && hintId),
    autoComplete,
    spellCheck: false,
    onFocus: presence.onFocus,
    onBlur: presence.onBlur,
  };

  return (
    <FieldFrame id={id} label={label} fieldKey={key} hint={hint} hintId={hintId} wide={wide ?? multiline} hideLabel={hideLabel}>
      {multiline ? (
        <textarea ref={textareaRef} className="field__input field__textarea" rows={3} maxLength={LONG_TEXT_MAX} {...common} />
      ) : (
        <input
          ref={inputRef}
          type="text"
          className="field__input"
          maxLength={SHORT_TEXT_MAX}
          inputMode={inputMode}
          {...common}
        />
      )}
      {multiline && (
        <div className="field__print" aria-hidden="true">
          {printed}
        </div>
      )}
    </FieldFrame>
  );
}
