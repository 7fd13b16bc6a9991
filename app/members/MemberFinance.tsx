import { MEMBER_TAB_ROOT, moneyKinds, moneyPeriods } from '../../model/sections/memberTabs.ts';
import { optionsOf, SelectField } from '../fields/ChoiceFields.tsx';
import { addItem, orderedItems, type CollectionItem } from '../fields/collections.ts';
import { MoneyField } from '../fields/DraftFields.tsx';
import { AddButton, EmptyCollection, ItemFieldset } from '../fields/ItemFieldset.tsx';
import { formatYen } from '../fields/money.ts';
import { useSection } from '../fields/SectionScope.tsx';
import { TextField } from '../fields/TextField.tsx';
import { childPath, type FieldPath } from '../fields/yPaths.ts';
import { useYJson } from '../fields/yStore.ts';
import { ja } from '../i18n/ja.ts';

/** 収入・公的給付・債務: entries with add/remove, and totals per kind and period. */
export function MemberFinance({ memberId }: { readonly memberId: string }) {
  const { doc, textKeys } = useSection();
  const member: FieldPath = [MEMBER_TAB_ROOT, memberId];
  const collection = childPath(member, 'entries');
  const entries = orderedItems(useYJson(doc, collection));

  return (
    <div className="stack stack--tight">
      <fieldset className="field fieldset collection">
        <legend className="field__label">{ja.members.financeEntries}</legend>
        {entries.length === 0 && <EmptyCollection message={ja.members.noFinanceEntries} />}
        {entries.map(({ id }, index) => {
          const path = childPath(collection, id);
          return (
            <ItemFieldset key={id} legend={ja.members.financeEntry(index + 1)} path={path}>
              <SelectField label={ja.members.moneyKind} path={childPath(path, 'kind')} options={optionsOf(moneyKinds)} empty={undefined} />
              <TextField label={ja.members.moneyLabel} path={childPath(path, 'label')} hint={ja.members.moneyLabelHint} />
              <MoneyField label={ja.members.amount} path={childPath(path, 'amountYen')} />
              <SelectField label={ja.members.period} path={childPath(path, 'period')} options={optionsOf(moneyPeriods)} empty={undefined} />
              <TextField label={ja.members.moneyNote} path={childPath(path, 'note')} wide />
            </ItemFieldset>
          );
        })}
        <AddButton label={ja.members.addFinanceEntry} onAdd={() => addItem(doc, collection, { kind: moneyKinds[0], period: moneyPeriods[0], label: '', note: '' }, textKeys)} />
      </fieldset>
      <FinanceTotals entries={entries} />
      <div className="form-grid">
        <TextField label={ja.members.note} path={childPath(member, 'note')} multiline />
      </div>
    </div>
  );
}

function FinanceTotals({ entries }: { readonly entries: readonly CollectionItem[] }) {
  const totals = new Map<string, number>();
  for (const { data } of entries) {
    const { kind, period, amountYen } = data;
    if (typeof kind !== 'string' || typeof period !== 'string' || typeof amountYen !== 'number') continue;
    const key = `${kind}\u0000${period}`;
    totals.set(key, (totals.get(key) ?? 0) + amountYen);
  }
  return (
    <div className="table-scroll">
      <table className="table table--compact totals">
        <caption className="table__caption">{ja.members.totalsCaption}</caption>
        <thead>
          <tr>
            <td />
            {moneyPeriods.map((period) => (
              <th key={period} scope="col">
                {period}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {moneyKinds.map((kind) => (
            <tr key={kind}>
              <th scope="row">{kind}</th>
              {moneyPeriods.map((period) => {
                const total = totals.get(`${kind}\u0000${period}`);
                return (
                  <td key={period} className="table__number">
                    {total === undefined ? ja.members.noTotal : ja.members.totalYen(formatYen(total))}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
