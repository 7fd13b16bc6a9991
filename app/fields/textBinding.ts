import * as Y from 'yjs';
import { ensureTextAt, readAt, type FieldPath } from './yPaths.ts';

type TextElement = HTMLInputElement | HTMLTextAreaElement;

/** One operation of a Y.Text change, as Yjs reports it (positions before the change). */
type DeltaOp = { readonly insert?: unknown; readonly retain?: number; readonly delete?: number };

export interface TextEdit {
  readonly start: number;
  readonly removed: number;
  readonly inserted: string;
}

/**
 * The single edit that turns `before` into `after`. Where that is ambiguous (typing 「あ」
 * into 「ああ」), the edit is placed to end at the caret, which is where the person typed:
 * that matters once other people's changes have to be merged around it.
 */
export function diffAtCaret(before: string, after: string, caret: number): TextEdit {
  let suffix = 0;
  const maxSuffix = Math.min(before.length, after.length, Math.max(0, after.length - caret));
  while (suffix < maxSuffix && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix += 1;
  let prefix = 0;
  const maxPrefix = Math.min(before.length - suffix, after.length - suffix);
  while (prefix < maxPrefix && before[prefix] === after[prefix]) prefix += 1;
  return { start: prefix, removed: before.length - suffix - prefix, inserted: after.slice(prefix, after.length - suffix) };
}

/**
 * Where an index of the old text ends up after a change. `stickToEnd` decides for text
 * inserted exactly at the index: the index moves past it (true) or stays before it.
 */
export function transformIndex(index: number, delta: readonly DeltaOp[], stickToEnd: boolean): number {
  let oldPosition = 0;
  let result = index;
  for (const op of delta) {
    if (oldPosition > index) break;
    if (op.retain !== undefined) {
      oldPosition += op.retain;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      if (oldPosition < index || (oldPosition === index && stickToEnd)) result += length;
    } else if (op.delete !== undefined) {
      const end = oldPosition + op.delete;
      if (index >= end) result -= op.delete;
      else if (index > oldPosition) result -= index - oldPosition;
      oldPosition = end;
    }
  }
  return Math.max(0, result);
}

/**
 * Binds an <input> or <textarea> to the Y.Text at a path, character by character:
 * - what the person types is written as the smallest edit, so concurrent typing merges;
 * - other people's changes update the element and keep the caret where it was in the text;
 * - during IME composition (変換中) the element is left alone: writing into it would cancel
 *   the conversion. Changes that arrive meanwhile are merged when the composition ends.
 * The Y.Text is created on the first local edit; until then the field is simply empty.
 */
export class TextBinding {
  private readonly element: TextElement;
  private readonly doc: Y.Doc;
  private readonly path: FieldPath;
  private readonly root: Y.Map<unknown>;
  private readonly onShown: () => void;
  private text: Y.Text | null = null;
  /** The text as the element last showed it in sync with the Y.Text. */
  private shown = '';
  private composing = false;
  /** Other people's changes since `shown`, waiting for the composition to end. */
  private pending: DeltaOp[][] = [];
  /** The Y.Text itself was replaced during the composition; positions no longer carry over. */
  private replacedWhileComposing = false;

  constructor(element: TextElement, doc: Y.Doc, path: FieldPath, onShown: () => void) {
    this.element = element;
    this.doc = doc;
    this.path = path;
    this.onShown = onShown;
    this.root = doc.getMap<unknown>(path[0]);
    this.text = this.currentText();
    this.show(this.text?.toString() ?? '', null);
    this.root.observeDeep(this.handleRootChange);
    element.addEventListener('input', this.handleInput);
    element.addEventListener('compositionstart', this.handleCompositionStart);
    element.addEventListener('compositionend', this.handleCompositionEnd);
  }

  destroy(): void {
    // A composition still open when the field goes away would otherwise be lost.
    if (this.composing) {
      this.composing = false;
      this.commit();
    }
    this.root.unobserveDeep(this.handleRootChange);
    this.element.removeEventListener('input', this.handleInput);
    this.element.removeEventListener('compositionstart', this.handleCompositionStart);
    this.element.removeEventListener('compositionend', this.handleCompositionEnd);
  }

  private currentText(): Y.Text | null {
    const value = readAt(this.doc, this.path);
    return value instanceof Y.Text ? value : null;
  }

  private readonly handleInput = (event: Event): void => {
    // Safari ends compositions after their last input event, Chrome before; both are covered
    // by committing on compositionend and on every input outside a composition.
    if (this.composing || (event instanceof InputEvent && event.isComposing)) return;
    this.commit();
  };

  private readonly handleCompositionStart = (): void => {
    this.composing = true;
  };

  private readonly handleCompositionEnd = (): void => {
    this.composing = false;
    this.commit();
  };

  /** Writes what the element shows, merged with whatever arrived while it could not be updated. */
  private commit(): void {
    if (this.element.readOnly) {
      this.show(this.text?.toString() ?? '', null);
      return;
    }
    const value = this.element.value;
    const caret = this.element.selectionEnd ?? value.length;
    const edit = diffAtCaret(this.shown, value, caret);
    const pending = this.replacedWhileComposing ? [] : this.pending;
    this.pending = [];
    this.replacedWhileComposing = false;

    let from = edit.start;
    let to = edit.start + edit.removed;
    for (const delta of pending) {
      from = transformIndex(from, delta, true);
      to = edit.removed === 0 ? from : Math.max(from, transformIndex(to, delta, false));
    }

    if (edit.removed > 0 || edit.inserted !== '') {
      this.doc.transact(() => {
        const text = this.currentText() ?? ensureTextAt(this.doc, this.path);
        if (!text) return;
        this.text = text;
        const start = Math.min(from, text.length);
        const end = Math.min(Math.max(to, start), text.length);
        if (end > start) text.delete(start, end - start);
        if (edit.inserted !== '') text.insert(start, edit.inserted);
      }, this);
    }

    const merged = this.text?.toString() ?? '';
    if (merged === value) {
      this.shown = value;
      this.onShown();
      return;
    }
    // Map the caret from what the element showed to the merged text.
    const mapCaret = (position: number): number => {
      const insertedEnd = edit.start + edit.inserted.length;
      if (position >= edit.start && position <= insertedEnd) return from + (position - edit.start);
      if (position < edit.start) return pending.reduce((index, delta) => transformIndex(index, delta, false), position);
      const before = position - edit.inserted.length + edit.removed;
      const moved = pending.reduce((index, delta) => transformIndex(index, delta, false), before);
      return moved - (to - from) + edit.inserted.length;
    };
    this.show(merged, { start: mapCaret(this.element.selectionStart ?? caret), end: mapCaret(caret) });
  }

  private readonly handleRootChange = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>, transaction: Y.Transaction): void => {
    const current = this.currentText();
    if (current !== this.text) {
      this.text = current;
      if (this.composing) {
        this.replacedWhileComposing = true;
        return;
      }
      const value = current?.toString() ?? '';
      this.show(value, this.caretAfterReplacement(value));
      return;
    }
    if (current === null || transaction.origin === this) return;
    const event = events.find((candidate) => candidate.target === current);
    if (!event) return;
    const delta = event.delta as DeltaOp[];
    if (this.composing) {
      this.pending.push(delta);
      return;
    }
    const selection = this.selection();
    this.show(
      current.toString(),
      selection && {
        start: transformIndex(selection.start, delta, false),
        end: transformIndex(selection.end, delta, false),
      },
    );
  };

  private selection(): { start: number; end: number } | null {
    if (document.activeElement !== this.element) return null;
    const { selectionStart, selectionEnd } = this.element;
    if (selectionStart === null || selectionEnd === null) return null;
    return { start: selectionStart, end: selectionEnd };
  }

  /** When the whole Y.Text changed, keep the caret at the same place counted from the nearer end. */
  private caretAfterReplacement(next: string): { start: number; end: number } | null {
    const selection = this.selection();
    if (!selection) return null;
    const edit = diffAtCaret(this.shown, next, next.length);
    const map = (position: number): number =>
      position <= edit.start ? position : Math.max(edit.start, position + next.length - this.shown.length);
    return { start: map(selection.start), end: map(selection.end) };
  }

  private show(value: string, selection: { start: number; end: number } | null): void {
    this.shown = value;
    if (this.element.value !== value) {
      this.element.value = value;
      if (selection) {
        const clamp = (position: number): number => Math.min(Math.max(position, 0), value.length);
        this.element.setSelectionRange(clamp(selection.start), clamp(selection.end));
      }
    }
    this.onShown();
  }
}
