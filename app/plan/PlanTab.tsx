import { useId } from 'react';
import { taskStatuses } from '../../model/sections/common.ts';
import { PLAN_ROOT, ROLES_ROOT } from '../../model/sections/plan.ts';
import { useCaseContext } from '../collab/CaseContext.tsx';
import { optionsOf, SelectField } from '../fields/ChoiceFields.tsx';
import { addItem, orderedItems } from '../fields/collections.ts';
import { DateField } from '../fields/DraftFields.tsx';
import { AddButton, EmptyCollection, ItemFieldset } from '../fields/ItemFieldset.tsx';
import { SectionScope, useSection } from '../fields/SectionScope.tsx';
import { TextField } from '../fields/TextField.tsx';
import { childPath, type FieldPath } from '../fields/yPaths.ts';
import { useYJson } from '../fields/yStore.ts';
import { ja } from '../i18n/ja.ts';

export function PlanTab() {
  return (
    <SectionScope section="plan">
      <PlanForm />
    </SectionScope>
  );
}

const planPath = (key: string): FieldPath => [PLAN_ROOT, key];

/** The plan's fields, for the live section and for a past state of it alike. */
export function PlanForm() {
  const { summary } = useCaseContext();
  const agencyOptions = summary.agencies.map((agency) => ({ value: agency.id, label: agency.name }));
  return (
    <div className="stack">
      <div className="form-grid">
        <TextField label={ja.plan.issues} path={planPath('issues')} multiline />
        <TextField label={ja.plan.goals} path={planPath('goals')} multiline />
        <TextField label={ja.plan.goalsInOwnWords} path={planPath('goalsInOwnWords')} hint={ja.plan.goalsInOwnWordsHint} multiline />
        <DateField label={ja.plan.reviewDate} path={planPath('reviewDate')} />
        <SelectField label={ja.plan.leadAgencyAfterClosure} path={planPath('leadAgencyAfterClosure')} options={agencyOptions} />
      </div>
      <Roles agencyOptions={agencyOptions} />
    </div>
  );
}

function Roles({ agencyOptions }: { readonly agencyOptions: readonly { value: string; label: string }[] }) {
  const { doc, textKeys } = useSection();
  const headingId = useId();
  const collection: FieldPath = [ROLES_ROOT];
  const roles = orderedItems(useYJson(doc, collection));

  return (
    <section className="form-section collection" aria-labelledby={headingId}>
      <h3 id={headingId} className="form-section__heading">
        {ja.plan.rolesHeading}
      </h3>
      {roles.length === 0 && <EmptyCollection message={ja.plan.noRoles} />}
      {roles.map(({ id }, index) => {
        const path = childPath(collection, id);
        return (
          <ItemFieldset key={id} legend={ja.plan.role(index + 1)} path={path}>
            <SelectField label={ja.plan.agency} path={childPath(path, 'agencyId')} options={agencyOptions} />
            <TextField label={ja.plan.task} path={childPath(path, 'task')} multiline />
            <DateField label={ja.plan.dueDate} path={childPath(path, 'dueDate')} />
            <SelectField label={ja.plan.status} path={childPath(path, 'status')} options={optionsOf(taskStatuses)} empty="none" />
          </ItemFieldset>
        );
      })}
      <AddButton label={ja.plan.addRole} onAdd={() => addItem(doc, collection, { status: taskStatuses[0], task: '' }, textKeys)} />
    </section>
  );
}
