import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { useNavigate } from 'react-router';

export interface TabItem<Id extends string> {
  readonly id: Id;
  readonly label: string;
  readonly href: string;
}

interface TabsProps<Id extends string> {
  /** Prefix for element ids, unique on the page. */
  readonly idPrefix: string;
  readonly label: string;
  readonly items: readonly TabItem<Id>[];
  readonly selected: Id;
  readonly children: ReactNode;
  readonly className?: string;
}

export function tabId(idPrefix: string, id: string): string {
  return `${idPrefix}-tab-${id}`;
}

/**
 * WAI-ARIA tabs whose selection lives in the URL: choosing a tab navigates, so that a tab
 * can be linked to, reloaded and reached with the browser's back button. Arrow keys, Home
 * and End move between tabs and select them (automatic activation); only the selected
 * tab's panel exists, so documents of the other tabs are not opened.
 */
export function Tabs<Id extends string>({ idPrefix, label, items, selected, children, className }: TabsProps<Id>) {
  const navigate = useNavigate();
  const listRef = useRef<HTMLDivElement>(null);
  const panelId = `${idPrefix}-panel`;

  function select(index: number): void {
    const item = items[index];
    if (!item) return;
    void navigate(item.href);
    listRef.current?.querySelector<HTMLElement>(`#${CSS.escape(tabId(idPrefix, item.id))}`)?.focus();
  }

  function handleKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    const current = items.findIndex((item) => item.id === selected);
    const last = items.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? (current + 1) % items.length
        : event.key === 'ArrowLeft'
          ? (current - 1 + items.length) % items.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : null;
    if (next === null) return;
    event.preventDefault();
    select(next);
  }

  return (
    <div className={className ? `tabs ${className}` : 'tabs'}>
      <div ref={listRef} role="tablist" aria-label={label} className="tabs__list" onKeyDown={handleKeyDown}>
        {items.map((item, index) => {
          const isSelected = item.id === selected;
          return (
            <button
              key={item.id}
              id={tabId(idPrefix, item.id)}
              type="button"
              role="tab"
              className="tabs__tab"
              aria-selected={isSelected}
              aria-controls={isSelected ? panelId : undefined}
              tabIndex={isSelected ? 0 : -1}
              onClick={() => {
                if (!isSelected) select(index);
              }}
            >
              {item.label}
            </button>
          );
        })}
      </div>
      <div id={panelId} role="tabpanel" aria-labelledby={tabId(idPrefix, selected)} tabIndex={0} className="tabs__panel">
        {children}
      </div>
    </div>
  );
}
