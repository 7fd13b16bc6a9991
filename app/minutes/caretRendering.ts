import type { DecorationAttrs } from '@tiptap/pm/view';
import { isHexColor, parseAwarenessUser } from '../collab/awarenessUser.ts';
import { readableTextColor } from '../collab/userColor.ts';
import { ja } from '../i18n/ja.ts';

/**
 * Carets of other people. Awareness carries name and agency separately (the presence list
 * needs both), so the label is composed here, in the same 「氏名（機関名）」 form as everywhere.
 * The class names are the ones the caret extension's own renderer and its docs use.
 */
export function renderCaret(user: Record<string, unknown>): HTMLElement {
  const parsed = parseAwarenessUser(user);
  const color = isHexColor(user['color']) ? user['color'] : '#767676';

  const caret = document.createElement('span');
  caret.classList.add('collaboration-carets__caret');
  caret.style.borderColor = color;

  const label = document.createElement('div');
  label.classList.add('collaboration-carets__label');
  label.style.backgroundColor = color;
  label.style.color = readableTextColor(color);
  // textContent, never innerHTML: the name comes from another browser.
  label.textContent = parsed ? ja.personLabel(parsed.name, parsed.agencyName) : '';
  caret.append(label);
  return caret;
}

export function renderSelection(user: Record<string, unknown>): DecorationAttrs {
  const color = user['color'];
  if (!isHexColor(color)) return {};
  // A light tint: the default (44 % of a dark caret colour) makes selected text hard to read.
  return { class: 'collaboration-carets__selection', style: `background-color: ${color}29` };
}
