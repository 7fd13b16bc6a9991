import * as Y from 'yjs';
import { careLevels, handbookGrades, handbookKinds, MEMBER_TAB_ROOT } from '../../model/sections/memberTabs.ts';
import { optionsOf, SelectField } from '../fields/ChoiceFields.tsx';
import { addItem, orderedItems } from '../fields/collections.ts';
import { DateField } from '../fields/DraftFields.tsx';
import { AddButton, EmptyCollection, ItemFieldset } from '../fields/ItemFieldset.tsx';
import { useSection } from '../fields/SectionScope.tsx';
import { TextField } from '../fields/TextField.tsx';
import { childPath, readAt, type FieldPath } from '../fields/yPaths.ts';
import { useYJson } from '../fields/yStore.ts';
import { ja } from '../i18n/ja.ts';

type HandbookKind = (typeof handbookKinds)[number];

function isHandbookKind(value: unknown): value is HandbookKind {
  return typeof value === 'string' && (handbookKinds as readonly string[]).includes(value);
}

export function MemberHealth({ memberId }: { readonly memberId: string }) {
  const member: FieldPath = [MEMBER_TAB_ROOT, memberId];
  return (
    <div className="stack stack--tight">
      <div className="form-grid">
        <TextField label={ja.members.diagnoses} path={childPath(member, 'diagnoses')} multiline />
      </div>
      <Handbooks member={member} />
      <div className="form-grid">
        <SelectField label={ja.members.careLevel} path={childPath(member, 'careLevel')} options={optionsOf(careLevels)} />
        <TextField label={ja.members.note} path={childPath(member, 'note')} multiline />
      </div>
    </div>
  );
}

function Handbooks({ member }: { readonly member: FieldPath }) {
  const { doc, textKeys } = useSection();
  const collection = childPath(member, 'handbooks');
  const entries = useYJson(doc, collection);
  const ids = orderedItems(entries).map((item) => item.id);

  return (
    <fieldset className="field fieldset collection">
      <legend className="field__label">{ja.members.handbooks}</legend>
      {ids.length === 0 && <EmptyCollection message={ja.members.noHandbooks} />}
      {ids.map((id, index) => (
        <Handbook key={id} path={childPath(collection, id)} legend={ja.members.handbook(index + 1)} />
      ))}
      <AddButton label={ja.members.addHandbook} onAdd={() => addItem(doc, collection, {}, textKeys)} />
    </fieldset>
  );
}

function Handbook({ path, legend }: { readonly path: FieldPath; readonly legend: string }) {
  const { doc } = useSection();
  const data = useYJson(doc, path);
  const kind = isHandbookKind(data['kind']) ? data['kind'] : null;
  const grades = kind ? handbookGrades[kind] : [];

  function chooseKind(next: string | null): void {
    // Kind and grade change together: a grade that does not exist for the new kind is refused.
    doc.transact(() => {
      const handbook = readAt(doc, path);
      if (!(handbook instanceof Y.Map)) return;
      const map = handbook as Y.Map<unknown>;
      if (next === null) map.delete('kind');
      else map.set('kind', next);
      const grade = map.get('grade');
      const allowed: readonly string[] = isHandbookKind(next) ? handbookGrades[next] : [];
      if (typeof grade === 'string' && !allowed.includes(grade)) map.set('grade', null);
    });
  }

  return (
    <ItemFieldset legend={legend} path={path}>
      <SelectField label={ja.members.handbookKind} path={childPath(path, 'kind')} options={optionsOf(handbookKinds)} empty={undefined} onSelect={chooseKind} />
      <SelectField
        label={ja.members.handbookGrade}
        path={childPath(path, 'grade')}
        options={optionsOf(grades)}
        readOnly={kind === null}
        hint={kind === null ? ja.members.handbookGradeHint : undefined}
      />
      <DateField label={ja.members.handbookIssuedOn} path={childPath(path, 'issuedOn')} />
    </ItemFieldset>
  );
}
