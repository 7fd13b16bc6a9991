import type { ReactNode } from 'react';
import { ja } from '../i18n/ja.ts';
import { useSection } from './SectionScope.tsx';
import { deleteAt, type FieldPath } from './yPaths.ts';

interface ItemFieldsetProps {
  /** 「職歴 1」: names the group and its remove button. */
  readonly legend: string;
  readonly path: FieldPath;
  readonly readOnly?: boolean;
  readonly children: ReactNode;
}

/** One item of a collection (手帳, 職歴, 役割 …) as a named group with its own remove button. */
export function ItemFieldset({ legend, path, readOnly = false, children }: ItemFieldsetProps) {
  const scope = useSection();
  const canRemove = scope.editable && !readOnly;
  return (
    <fieldset className="item">
      <legend className="item__legend">{legend}</legend>
      <div className="form-grid">{children}</div>
      {!scope.readOnly && <div className="item__actions">
        <button
          type="button"
          className="button button--secondary button--small"
          aria-disabled={!canRemove || undefined}
          onClick={() => {
            if (canRemove) deleteAt(scope.doc, path);
          }}
        >
          {ja.fields.remove(legend)}
        </button>
      </div>}
    </fieldset>
  );
}

interface AddButtonProps {
  readonly label: string;
  readonly onAdd: () => void;
  readonly className?: string;
}

/** Adds an item; absent where the section is read-only, inert until the document has arrived. */
export function AddButton({ label, onAdd, className = 'button button--secondary button--small' }: AddButtonProps) {
  const { editable, readOnly } = useSection();
  if (readOnly) return null;
  return (
    <div className="add-row">
      <button
        type="button"
        className={className}
        aria-disabled={!editable || undefined}
        onClick={() => {
          if (editable) onAdd();
        }}
      >
        {label}
      </button>
    </div>
  );
}

/** 「…はまだありません」, but only once the document has arrived: before that nothing is known. */
export function EmptyCollection({ message }: { readonly message: string }) {
  const { loaded } = useSection();
  return <p className="message">{loaded ? message : ja.loading}</p>;
}
