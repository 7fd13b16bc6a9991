import { useId, useState } from 'react';
import { useValue, type Editor } from 'tldraw';
import { familyTieKinds, familyTieLabels, FAMILY_TIE_SHAPE, type FamilyTieKind, type FamilyTieShape } from '../../model/ecomap/shapes/familyTieShape.ts';
import {
  SUPPORT_TIE_SHAPE,
  supportDirectionLabels,
  supportDirections,
  tieStrengthLabels,
  tieStrengths,
  type SupportTieShape,
} from '../../model/ecomap/shapes/supportTieShape.ts';
import { ja } from '../i18n/ja.ts';
import { LabeledSelect } from '../layout/FormControls.tsx';

const t = ja.ecomap;

function SupportTieFields({ editor, tie }: { readonly editor: Editor; readonly tie: SupportTieShape }) {
  const noteId = useId();
  // The note is typed here and written once, so that an IME's unconverted text never reaches the map.
  const [note, setNote] = useState(tie.props.note);
  const update = (props: Partial<SupportTieShape['props']>) => editor.updateShape<SupportTieShape>({ id: tie.id, type: SUPPORT_TIE_SHAPE, props });
  return (
    <>
      <LabeledSelect label={t.palette.strength} value={tie.props.strength} options={tieStrengths} optionLabels={tieStrengthLabels} onChange={(strength) => update({ strength })} />
      <LabeledSelect label={t.palette.direction} value={tie.props.direction} options={supportDirections} optionLabels={supportDirectionLabels} onChange={(direction) => update({ direction })} />
      <div className="field">
        <label htmlFor={noteId} className="field__label">
          {t.palette.note}
        </label>
        <input id={noteId} className="field__input" value={note} maxLength={200} onChange={(event) => setNote(event.target.value)} />
      </div>
      <button type="button" className="button button--secondary button--small" onClick={() => update({ note: note.trim() })}>
        {t.selection.update}
      </button>
    </>
  );
}

/** 選択中の関係線: change a tie's strength, direction, note or 続柄 after it was drawn. */
export function EcomapSelection({ editor }: { readonly editor: Editor }) {
  const headingId = useId();
  const selected = useValue(
    'selected tie',
    () => {
      const shapes = editor.getSelectedShapes();
      const only = shapes.length === 1 ? shapes[0] : undefined;
      return only && (only.type === SUPPORT_TIE_SHAPE || only.type === FAMILY_TIE_SHAPE) ? only : null;
    },
    [editor],
  );
  if (!selected) return null;
  return (
    <section className="ecomap-palette__group" aria-labelledby={headingId}>
      <h3 id={headingId} className="ecomap-panel__heading">
        {t.selection.heading}
      </h3>
      {selected.type === SUPPORT_TIE_SHAPE ? (
        <SupportTieFields key={selected.id} editor={editor} tie={selected as SupportTieShape} />
      ) : (
        <LabeledSelect
          label={t.palette.familyKind}
          value={(selected as FamilyTieShape).props.kind}
          options={familyTieKinds}
          optionLabels={familyTieLabels}
          onChange={(kind: FamilyTieKind) => editor.updateShape<FamilyTieShape>({ id: selected.id, type: FAMILY_TIE_SHAPE, props: { kind } })}
        />
      )}
    </section>
  );
}
