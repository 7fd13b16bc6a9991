import { useId, useState } from 'react';
import { useValue, type Editor } from 'tldraw';
import type { AgencySummary } from '../../model/api.ts';
import { familyTieKinds, familyTieLabels, type FamilyTieKind } from '../../model/ecomap/shapes/familyTieShape.ts';
import { HOUSEHOLD_MEMBER_SHAPE } from '../../model/ecomap/shapes/householdMemberShape.ts';
import { resourceKinds, SOCIAL_RESOURCE_SHAPE, type ResourceKind } from '../../model/ecomap/shapes/socialResourceShape.ts';
import {
  supportDirectionLabels,
  supportDirections,
  tieStrengthLabels,
  tieStrengths,
  type SupportDirection,
  type TieStrength,
} from '../../model/ecomap/shapes/supportTieShape.ts';
import { ja } from '../i18n/ja.ts';
import { drawFamilyTie, drawSupportTie, placeHousehold, placeMember, placeResource } from './ecomapActions.ts';
import type { PlacedMember } from './useHouseholdOnMap.ts';

const t = ja.ecomap.palette;

function ChoiceSelect<Value extends string>({ label, value, values, labels, onChange }: {
  readonly label: string;
  readonly value: Value;
  readonly values: readonly Value[];
  readonly labels?: Readonly<Record<Value, string>>;
  readonly onChange: (value: Value) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      <select id={id} className="field__input field__select" value={value} onChange={(event) => onChange(event.target.value as Value)}>
        {values.map((option) => (
          <option key={option} value={option}>
            {labels?.[option] ?? option}
          </option>
        ))}
      </select>
    </div>
  );
}

interface EcomapPaletteProps {
  readonly editor: Editor;
  readonly members: readonly PlacedMember[];
  readonly membersHidden: boolean;
  readonly agencies: readonly AgencySummary[];
}

/** 図形を追加: domain shapes by button, each with a visible label, so no drawing skill is needed. */
export function EcomapPalette({ editor, members, membersHidden, agencies }: EcomapPaletteProps) {
  const nameId = useId();
  const [kind, setKind] = useState<ResourceKind>('医療');
  const [name, setName] = useState('');
  const [strength, setStrength] = useState<TieStrength>('normal');
  const [direction, setDirection] = useState<SupportDirection>('none');
  const [note, setNote] = useState('');
  const [familyKind, setFamilyKind] = useState<FamilyTieKind>('marriage');
  const [message, setMessage] = useState<string | null>(null);
  const noteId = useId();

  const placed = useValue(
    'placed shapes',
    () => {
      const shapes = [...editor.getCurrentPageShapeIds()].map((id) => editor.getShape(id)!);
      return {
        members: new Set(shapes.filter((shape) => shape.type === HOUSEHOLD_MEMBER_SHAPE).map((shape) => (shape.props as { memberId: string }).memberId)),
        agencies: new Set(shapes.filter((shape) => shape.type === SOCIAL_RESOURCE_SHAPE).map((shape) => (shape.props as { agencyId: string | null }).agencyId)),
      };
    },
    [editor],
  );
  const unplaced = members.filter((member) => !placed.members.has(member.id));
  const agenciesToPlace = agencies.filter((agency) => !placed.agencies.has(agency.id));

  return (
    <div className="ecomap-palette">
      <h3 className="ecomap-panel__heading">{t.heading}</h3>
      {message && (
        <p role="alert" className="message message--error">
          {message}
        </p>
      )}
      <fieldset className="ecomap-palette__group">
        <legend>{t.members}</legend>
        {membersHidden ? (
          <p className="ecomap-palette__note">{t.membersHidden}</p>
        ) : unplaced.length === 0 ? (
          <p className="ecomap-palette__note">{t.allMembersPlaced}</p>
        ) : (
          unplaced.map((member) => (
            <button key={member.id} type="button" className="button button--secondary button--small" onClick={() => placeMember(editor, member.id)}>
              {t.addMember(member.view.label)}
            </button>
          ))
        )}
        <button type="button" className="button button--secondary button--small" onClick={() => placeHousehold(editor)}>
          {t.household}
        </button>
      </fieldset>

      <fieldset className="ecomap-palette__group">
        <legend>{t.resources}</legend>
        {agenciesToPlace.map((agency) => (
          <button key={agency.id} type="button" className="button button--secondary button--small" onClick={() => placeResource(editor, '行政', agency.name, agency.id)}>
            {t.addAgency(agency.name)}
          </button>
        ))}
        <ChoiceSelect label={t.resourceKind} value={kind} values={resourceKinds} onChange={setKind} />
        <div className="field">
          <label htmlFor={nameId} className="field__label">
            {t.resourceName}
          </label>
          <input id={nameId} className="field__input" value={name} maxLength={200} placeholder={t.resourceNameHint} onChange={(event) => setName(event.target.value)} />
        </div>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => {
            if (!name.trim()) return setMessage(t.nameRequired);
            placeResource(editor, kind, name.trim(), null);
            setName('');
            setMessage(null);
          }}
        >
          {t.addResource}
        </button>
      </fieldset>

      <fieldset className="ecomap-palette__group">
        <legend>{t.ties}</legend>
        <ChoiceSelect label={t.strength} value={strength} values={tieStrengths} labels={tieStrengthLabels} onChange={setStrength} />
        <ChoiceSelect label={t.direction} value={direction} values={supportDirections} labels={supportDirectionLabels} onChange={setDirection} />
        <div className="field">
          <label htmlFor={noteId} className="field__label">
            {t.note}
          </label>
          <input id={noteId} className="field__input" value={note} maxLength={200} onChange={(event) => setNote(event.target.value)} />
        </div>
        <button
          type="button"
          className="button button--secondary button--small"
          onClick={() => {
            const drawn = drawSupportTie(editor, strength, direction, note.trim());
            setMessage(drawn ? null : t.selectTwo);
            if (drawn) setNote('');
          }}
        >
          {t.drawTie}
        </button>
      </fieldset>

      <fieldset className="ecomap-palette__group">
        <legend>{t.family}</legend>
        <ChoiceSelect label={t.familyKind} value={familyKind} values={familyTieKinds} labels={familyTieLabels} onChange={setFamilyKind} />
        <button type="button" className="button button--secondary button--small" onClick={() => setMessage(drawFamilyTie(editor, familyKind) ? null : t.selectTwoMembers)}>
          {t.drawFamilyTie}
        </button>
      </fieldset>
    </div>
  );
}
