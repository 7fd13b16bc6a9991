import { employmentTypes, MEMBER_TAB_ROOT } from '../../model/sections/memberTabs.ts';
import { CheckboxField, optionsOf, SelectField } from '../fields/ChoiceFields.tsx';
import { addItem, orderedItems } from '../fields/collections.ts';
import { DateField } from '../fields/DraftFields.tsx';
import { AddButton, EmptyCollection, ItemFieldset } from '../fields/ItemFieldset.tsx';
import { useSection } from '../fields/SectionScope.tsx';
import { TextField } from '../fields/TextField.tsx';
import { childPath, type FieldPath } from '../fields/yPaths.ts';
import { useYJson } from '../fields/yStore.ts';
import { ja } from '../i18n/ja.ts';

/** 職業・職歴: several jobs with add/remove. */
export function MemberWork({ memberId }: { readonly memberId: string }) {
  const { doc, textKeys } = useSection();
  const member: FieldPath = [MEMBER_TAB_ROOT, memberId];
  const collection = childPath(member, 'jobs');
  const jobs = orderedItems(useYJson(doc, collection));

  return (
    <div className="stack stack--tight">
      <fieldset className="field fieldset collection">
        <legend className="field__label">{ja.members.jobs}</legend>
        {jobs.length === 0 && <EmptyCollection message={ja.members.noJobs} />}
        {jobs.map(({ id }, index) => {
          const path = childPath(collection, id);
          return (
            <ItemFieldset key={id} legend={ja.members.job(index + 1)} path={path}>
              <TextField label={ja.members.employer} path={childPath(path, 'employer')} />
              <TextField label={ja.members.occupation} path={childPath(path, 'occupation')} />
              <SelectField label={ja.members.employmentType} path={childPath(path, 'employmentType')} options={optionsOf(employmentTypes)} />
              <CheckboxField label={ja.members.currentJob} path={childPath(path, 'current')} />
              <DateField label={ja.members.jobFrom} path={childPath(path, 'from')} />
              <DateField label={ja.members.jobTo} path={childPath(path, 'to')} />
            </ItemFieldset>
          );
        })}
        <AddButton label={ja.members.addJob} onAdd={() => addItem(doc, collection, { employer: '', occupation: '' }, textKeys)} />
      </fieldset>
      <div className="form-grid">
        <TextField label={ja.members.note} path={childPath(member, 'note')} multiline />
      </div>
    </div>
  );
}
