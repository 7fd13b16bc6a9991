import type { Document } from '@hocuspocus/server';
import * as Y from 'yjs';
import { canonicalJson } from '../../model/canonicalJson.ts';
import { META_ROOT, MINUTES_FRAGMENT } from '../../model/documentSchema.ts';
import { richTextProblems, type RichTextProblem } from '../../model/richText/richTextProblems.ts';
import type { MinutesKind } from '../../model/richText/minutesSchema.ts';
import { checkOnKeptCopy, KeptCopy, VALIDATING } from './keptCopy.ts';


type Block = Y.XmlElement | Y.XmlText;

/** The top-level block a changed type sits in, or null where it is the fragment or is deleted. */
function topLevelBlock(type: Y.AbstractType<unknown>, fragment: Y.XmlFragment): Block | null {
  let current: Y.AbstractType<unknown> = type;
  while (current._item && current._item.parent !== fragment) {
    if (current._item.deleted) return null;
    current = current._item.parent as Y.AbstractType<unknown>;
  }
  return current._item && !current._item.deleted ? (current as Block) : null;
}

/**
 * The kept copy of one minutes document (keptCopy.ts), checked against the schema only in the
 * top-level blocks an update changed.
 */
class MinutesShadow {
  readonly kept: KeptCopy;
  private readonly fragment: Y.XmlFragment;
  private changed: Set<Block> | null = null;
  private fragmentChanged = false;

  constructor(document: Document) {
    this.kept = new KeptCopy(document);
    this.fragment = this.kept.copy.getXmlFragment(MINUTES_FRAGMENT);
    this.fragment.observeDeep((events, transaction) => {
      if (transaction.origin !== VALIDATING || !this.changed) return;
      for (const event of events) {
        if (event.target === this.fragment) {
          this.fragmentChanged = true;
          for (const item of event.changes.added) {
            const content = item.content as { type?: unknown };
            if (content.type instanceof Y.XmlElement || content.type instanceof Y.XmlText) this.changed.add(content.type);
          }
        } else {
          const block = topLevelBlock(event.target, this.fragment);
          if (block) this.changed.add(block);
        }
      }
    });
  }

  /** Problems of the document with `update` applied; on none, the copy keeps the update. */
  problemsOf(update: Uint8Array, kind: MinutesKind, connection: unknown): (string | RichTextProblem)[] {
    this.changed = new Set();
    this.fragmentChanged = false;
    const applied = this.kept.apply(update);
    const changed = [...this.changed].filter((block) => !block._item?.deleted);
    this.changed = null;
    if ('refused' in applied) return [applied.refused];
    // Compared without regard to key order, which depends on how the document was loaded.
    if (canonicalJson(this.kept.copy.getMap(META_ROOT).toJSON()) !== canonicalJson(this.kept.document.getMap(META_ROOT).toJSON())) {
      return [`サーバーが管理する項目は変更できません: ${META_ROOT}`];
    }
    for (const root of this.kept.copy.share.keys()) {
      if (root !== META_ROOT && root !== MINUTES_FRAGMENT) return [`この文書にない項目です: ${root}`];
    }
    const problems = changed.length > 0 || this.fragmentChanged ? richTextProblems(this.fragment, kind, { blocks: changed, orderChanged: this.fragmentChanged }) : [];
    if (problems.length === 0) this.kept.accepted(connection, applied.grew);
    return problems;
  }
}

const shadows = new WeakMap<Document, MinutesShadow>();

/**
 * Checks a client's update of minutes against the kind's schema at the cost of the blocks it
 * changes. Never more permissive than checking a full copy: whenever the kept copy could differ
 * from the document, it is made again from the document.
 */
export function minutesUpdateProblems(document: Document, update: Uint8Array, kind: MinutesKind, connection: unknown): (string | RichTextProblem)[] {
  return checkOnKeptCopy<MinutesShadow, RichTextProblem>(shadows, document, () => new MinutesShadow(document), (shadow) => shadow.problemsOf(update, kind, connection));
}
