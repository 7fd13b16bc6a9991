import { Extension } from '@tiptap/core';
import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, TextSelection, type EditorState, type Transaction } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';
import { relativePositionToAbsolutePosition, yCursorPluginKey, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

/**
 * What of y-tiptap's binding this guard uses: its mutex (a change made inside it is not echoed
 * back) and the two internal steps of the sync it pauses or repeats.
 */
interface SyncBinding {
  readonly doc: Y.Doc;
  readonly type: Y.XmlFragment;
  readonly mapping: Map<Y.AbstractType<unknown>, ProseMirrorNode | ProseMirrorNode[]>;
  mux: (f: () => void, g?: () => void) => void;
  _prosemirrorChanged: (doc: ProseMirrorNode) => void;
  _forceRerender(): void;
}

/** One position of the composing paragraph as it was when the composition began. */
type Slot = { readonly kind: 'char'; readonly text: Y.XmlText; readonly id: Y.ID } | { readonly kind: 'inline' };

interface Composition {
  readonly binding: SyncBinding;
  readonly element: Y.XmlElement;
  readonly slots: readonly Slot[];
  /** The selection the composition replaces, as offsets into `slots`. */
  readonly from: number;
  readonly to: number;
  readonly attributes: Record<string, unknown>;
  /** What the IME shows now (compositionupdate), re-inserted whenever remote text is rendered. */
  shown: string;
  /** compositionend's data: the committed text. */
  committed: string | null;
}

const key = new PluginKey('compositionGuard');

function bindingOf(state: EditorState): SyncBinding | null {
  const sync = ySyncPluginKey.getState(state) as { binding?: SyncBinding } | undefined;
  return sync?.binding ?? null;
}

/** Each character of the paragraph's Yjs texts by its item id, which survives concurrent edits. */
function slotsOf(element: Y.XmlElement): Slot[] {
  const slots: Slot[] = [];
  for (const child of element.toArray()) {
    if (!(child instanceof Y.XmlText)) {
      slots.push({ kind: 'inline' });
      continue;
    }
    for (let item = child._start; item !== null; item = item.right) {
      if (item.deleted || !item.countable) continue;
      // Formatting items are not countable; everything countable here is text.
      for (let offset = 0; offset < item.length; offset += 1) {
        slots.push({ kind: 'char', text: child, id: Y.createID(item.id.client, item.id.clock + offset) });
      }
    }
  }
  return slots;
}

/** Where a character is now (or was, if someone deleted it meanwhile), as an index in its text. */
function indexNow(doc: Y.Doc, slot: Slot & { kind: 'char' }): { index: number; deleted: boolean } | null {
  const relative = Y.createRelativePositionFromJSON({ item: { client: slot.id.client, clock: slot.id.clock }, assoc: 0 });
  const absolute = Y.createAbsolutePositionFromRelativePosition(relative, doc);
  if (absolute === null || absolute.type !== slot.text) return null;
  return { index: absolute.index, deleted: Y.getItem(doc.store, slot.id).deleted };
}

/** y-tiptap's attribute form of marks; null for marks it stores differently (overlapping ones). */
function attributesOf(marks: readonly Mark[]): Record<string, unknown> | null {
  const attributes: Record<string, unknown> = {};
  for (const mark of marks) {
    if (!mark.type.excludes(mark.type)) return null;
    attributes[mark.type.name] = mark.attrs;
  }
  return attributes;
}

/** Where the composed text goes now: before the first character after the selection, or after the last one before it. */
function insertionPoint(composition: Composition): { text: Y.XmlText; index: number } | null {
  const { binding, slots, from, to } = composition;
  const after = slots[to];
  const before = from > 0 ? slots[from - 1] : undefined;
  if (after?.kind === 'char') {
    const now = indexNow(binding.doc, after);
    return now === null ? null : { text: after.text, index: now.index };
  }
  if (before?.kind === 'char') {
    const now = indexNow(binding.doc, before);
    return now === null ? null : { text: before.text, index: now.deleted ? now.index : now.index + 1 };
  }
  const text = composition.element.toArray().find((child): child is Y.XmlText => child instanceof Y.XmlText);
  return slots.length === 0 && text ? { text, index: text.length } : null;
}

function editorPosition(composition: Composition, point: { text: Y.XmlText; index: number }): number | null {
  const { binding } = composition;
  const relative = Y.createRelativePositionFromTypeIndex(point.text, point.index);
  return relativePositionToAbsolutePosition(binding.doc, binding.type, relative, binding.mapping);
}

/**
 * Keeps an IME composition whole while other people edit the same paragraph.
 *
 * y-tiptap writes every intermediate composition state (か, かい, かいぎ) to Yjs, and renders a
 * remote change by rebuilding the paragraph, which rewrites the text node the IME composes in:
 * Chromium's composition range then no longer matches it, and committing 会議 left かいぎ behind
 * (measured with the CDP IME in tests/browser/imeComposition.test.ts).
 *
 * So during a composition nothing local is written to Yjs; remote changes are still rendered,
 * with the text the IME shows put back at its place. When the composition ends, what it did is
 * written to Yjs as it was meant: the selection it replaced removed and the committed text
 * inserted, placed by the Yjs ids of the characters around it (recorded at its start, valid
 * whatever arrived meanwhile). The editor is then rendered again from Yjs, so whatever the IME
 * did to the DOM in between, everyone ends with every character once.
 */
class CompositionGuardView {
  private readonly view: EditorView;
  composition: Composition | null = null;

  constructor(view: EditorView) {
    this.view = view;
    // Registered after ProseMirror's own handlers, which flush pending typing first.
    view.dom.addEventListener('compositionstart', this.handleStart);
    view.dom.addEventListener('compositionupdate', this.handleUpdate);
    view.dom.addEventListener('compositionend', this.handleEnd);
    view.dom.addEventListener('input', this.handleInput);
  }

  destroy(): void {
    this.view.dom.removeEventListener('compositionstart', this.handleStart);
    this.view.dom.removeEventListener('compositionupdate', this.handleUpdate);
    this.view.dom.removeEventListener('compositionend', this.handleEnd);
    this.view.dom.removeEventListener('input', this.handleInput);
    if (this.composition) this.pause(this.composition.binding, false);
    this.composition = null;
  }

  /** After remote text was rendered during a composition: the composed text back where it belongs. */
  reinsert(state: EditorState): Transaction | null {
    const composition = this.composition;
    if (composition === null || composition.shown === '') return null;
    const point = insertionPoint(composition);
    const position = point && editorPosition(composition, point);
    if (position === null || position === undefined) return null;
    const { from, to, slots } = composition;
    // The replaced selection is still in Yjs until the end; hide it here as the IME does.
    const removed = slots.slice(from, to).filter((slot) => slot.kind === 'char' && indexNow(composition.binding.doc, slot)?.deleted === false).length;
    const start = Math.max(0, position - removed);
    const tr = state.tr.insertText(composition.shown, start, position);
    tr.setSelection(TextSelection.create(tr.doc, start + composition.shown.length));
    this.patchComposingText(tr.doc);
    return tr;
  }

  /**
   * Brings the DOM text node the IME composes in to the text it will show next, by changing
   * only the characters that differ, before ProseMirror renders. ProseMirror then finds the node
   * already right and leaves it alone; had it replaced the node's whole text, the browser's
   * composition range in it would collapse and the browser would drop the composition without
   * a compositionend.
   */
  private patchComposingText(next: ProseMirrorNode): void {
    const node = this.view.dom.ownerDocument.getSelection()?.focusNode;
    if (!(node instanceof Text) || !this.view.dom.contains(node)) return;
    const previous = this.view.state.doc;
    let from: number;
    try {
      from = this.view.posAtDOM(node, 0);
    } catch {
      return;
    }
    const to = from + node.data.length;
    if (to > previous.content.size || previous.textBetween(from, to) !== node.data) return;
    const start = previous.content.findDiffStart(next.content);
    const end = previous.content.findDiffEnd(next.content);
    if (start === null || !end) return;
    let { a: endA, b: endB } = end;
    const overlap = start - Math.min(endA, endB);
    if (overlap > 0) {
      endA += overlap;
      endB += overlap;
    }
    // Only a change inside this text node (or none of it) can be patched into it.
    if (start < from || endA > to) return;
    const nextTo = to + (endB - endA);
    if (nextTo > next.content.size) return;
    const text = next.textBetween(from, nextTo);
    let prefix = 0;
    while (prefix < text.length && prefix < node.data.length && text[prefix] === node.data[prefix]) prefix += 1;
    let suffix = 0;
    while (
      suffix < text.length - prefix &&
      suffix < node.data.length - prefix &&
      text[text.length - 1 - suffix] === node.data[node.data.length - 1 - suffix]
    ) {
      suffix += 1;
    }
    node.replaceData(prefix, node.data.length - prefix - suffix, text.slice(prefix, text.length - suffix));
  }

  private pause(binding: SyncBinding, paused: boolean): void {
    // The plugin view looks the method up on each update: an own property shadows the class's.
    if (paused) binding._prosemirrorChanged = () => {};
    else delete (binding as Partial<SyncBinding>)._prosemirrorChanged;
  }

  private readonly handleStart = (): void => {
    // A new composition right after the last one: settle the last one first.
    if (this.composition !== null) this.reconcile();
    const { state } = this.view;
    const binding = bindingOf(state);
    const { selection } = state;
    if (binding === null || !selection.$from.sameParent(selection.$to) || !selection.$from.parent.isTextblock) return;
    const block = selection.$from.parent;
    let element: Y.XmlElement | null = null;
    for (const [type, node] of binding.mapping) if (node === block && type instanceof Y.XmlElement) element = type;
    const attributes = attributesOf(state.storedMarks ?? selection.$from.marks());
    if (element === null || attributes === null) return;
    // An empty paragraph has no Yjs text yet; give it one so the composition has a place to go.
    if (element.length === 0) {
      const empty = element;
      binding.mux(() => binding.doc.transact(() => empty.insert(0, [new Y.XmlText()]), ySyncPluginKey));
    }
    const slots = slotsOf(element);
    if (slots.length !== block.content.size) return;
    const composition: Composition = {
      binding,
      element,
      slots,
      from: selection.$from.parentOffset,
      to: selection.$to.parentOffset,
      attributes,
      shown: '',
      committed: null,
    };
    // At the end of a line after a hard break there is no Yjs text to place it in: left as before.
    if (insertionPoint(composition) === null) return;
    this.composition = composition;
    this.pause(binding, true);
  };

  private readonly handleUpdate = (event: CompositionEvent): void => {
    if (this.composition) this.composition.shown = event.data;
  };

  private readonly handleEnd = (event: CompositionEvent): void => {
    if (this.composition === null) return;
    this.composition.committed = event.data;
    // ProseMirror reads the committed text from the DOM in a microtask after compositionend;
    // that read must still not reach Yjs.
    setTimeout(() => this.reconcile(), 0);
  };

  /**
   * The browser dropped the composition without a compositionend (its range was disturbed in a
   * way the patch could not avoid) and the commit arrived as plain input: that input is the
   * committed text. Without this the binding would stay paused and later typing unsaved.
   */
  private readonly handleInput = (event: Event): void => {
    const composition = this.composition;
    if (composition === null || composition.committed !== null || !(event instanceof InputEvent) || event.isComposing) return;
    composition.committed = event.inputType === 'insertText' && event.data !== null ? event.data : composition.shown;
    setTimeout(() => this.reconcile(), 0);
  };

  private reconcile(): void {
    const composition = this.composition;
    if (composition === null || composition.committed === null) return;
    this.composition = null;
    const { binding, slots, from, to, attributes, committed } = composition;
    this.pause(binding, false);
    let caret: Y.RelativePosition | null = null;
    binding.mux(() =>
      binding.doc.transact(() => {
        for (const slot of slots.slice(from, to).reverse()) {
          if (slot.kind !== 'char') continue;
          const now = indexNow(binding.doc, slot);
          if (now !== null && !now.deleted) slot.text.delete(now.index, 1);
        }
        const point = insertionPoint(composition);
        if (point === null) return;
        if (committed !== '') point.text.insert(point.index, committed, attributes);
        caret = Y.createRelativePositionFromTypeIndex(point.text, point.index + committed.length);
      }, ySyncPluginKey),
    );
    binding._forceRerender();
    const position = caret === null ? null : relativePositionToAbsolutePosition(binding.doc, binding.type, caret, binding.mapping);
    if (position === null) return;
    const { doc } = this.view.state;
    this.view.dispatch(this.view.state.tr.setSelection(TextSelection.create(doc, Math.min(position, doc.content.size))));
  }
}

/** See CompositionGuardView. */
export const CompositionGuard = Extension.create({
  name: 'compositionGuard',
  addProseMirrorPlugins() {
    let guard: CompositionGuardView | null = null;
    return [
      new Plugin({
        key,
        view: (view) => (guard = new CompositionGuardView(view)),
        // Remote carets are not redrawn during a composition: a widget moving about inside the
        // text the IME composes in disturbs it. They are redrawn with the next remote change.
        filterTransaction: (tr) => guard?.composition == null || tr.getMeta(yCursorPluginKey) === undefined,
        appendTransaction: (transactions, _old, state) => {
          const remote = transactions.some((tr) => (tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined)?.isChangeOrigin);
          return remote && guard ? guard.reinsert(state) : null;
        },
      }),
    ];
  },
});
