import type { Document } from '@hocuspocus/server';
import * as Y from 'yjs';
import { canonicalJson } from '../../model/canonicalJson.ts';
import { META_ROOT, MINUTES_FRAGMENT } from '../../model/documentSchema.ts';
import { richTextProblems, type RichTextProblem } from '../../model/richText/richTextProblems.ts';
import type { MinutesKind } from '../../model/richText/minutesSchema.ts';

const VALIDATING = Symbol('kasane-minutes-validation');

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
 * A copy of one minutes document that the server keeps beside it, so that checking a keystroke
 * does not copy the whole document: the update is applied to the copy, only the top-level blocks
 * it changed are checked against the schema, and the copy follows every update the document
 * takes (from any connection, the server itself or another instance). A refused update leaves
 * the copy ahead of the document, so the copy is then dropped and made again on the next update;
 * so is a copy whose last accepted update the document did not take (a later hook refused it).
 */
class MinutesShadow {
  private readonly copy = new Y.Doc();
  private readonly fragment: Y.XmlFragment;
  private changed: Set<Block> | null = null;
  private fragmentChanged = false;
  /** The connection whose accepted update the document has not applied yet. */
  private unconfirmed: unknown = null;
  private readonly document: Document;
  private readonly follow = (update: Uint8Array, origin: unknown) => {
    Y.applyUpdate(this.copy, update);
    if (this.unconfirmed !== null && (origin as { connection?: unknown } | null)?.connection === this.unconfirmed) this.unconfirmed = null;
  };

  constructor(document: Document) {
    this.document = document;
    Y.applyUpdate(this.copy, Y.encodeStateAsUpdate(document));
    this.fragment = this.copy.getXmlFragment(MINUTES_FRAGMENT);
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
    document.on('update', this.follow);
  }

  get stale(): boolean {
    return this.unconfirmed !== null;
  }

  dispose(): void {
    this.document.off('update', this.follow);
    this.copy.destroy();
  }

  /** Problems of the document with `update` applied; on none, the copy keeps the update. */
  problemsOf(update: Uint8Array, kind: MinutesKind, connection: unknown): (string | RichTextProblem)[] {
    this.changed = new Set();
    this.fragmentChanged = false;
    let grew = false;
    const grows = () => (grew = true);
    this.copy.on('update', grows);
    try {
      Y.applyUpdate(this.copy, update, VALIDATING);
    } finally {
      this.copy.off('update', grows);
    }
    const changed = [...this.changed].filter((block) => !block._item?.deleted);
    this.changed = null;
    // An update whose dependencies are missing would be checked without them now and
    // integrate unchecked later, when they arrive: a client has everything it builds on.
    if (this.copy.store.pendingStructs || this.copy.store.pendingDs) return ['前提となる変更が欠けた更新です'];
    // Compared without regard to key order, which depends on how the document was loaded.
    if (canonicalJson(this.copy.getMap(META_ROOT).toJSON()) !== canonicalJson(this.document.getMap(META_ROOT).toJSON())) {
      return [`サーバーが管理する項目は変更できません: ${META_ROOT}`];
    }
    for (const root of this.copy.share.keys()) {
      if (root !== META_ROOT && root !== MINUTES_FRAGMENT) return [`この文書にない項目です: ${root}`];
    }
    const problems = changed.length > 0 || this.fragmentChanged ? richTextProblems(this.fragment, kind, { blocks: changed, orderChanged: this.fragmentChanged }) : [];
    if (problems.length === 0 && grew) this.unconfirmed = connection;
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
  let shadow = shadows.get(document);
  if (shadow?.stale) {
    shadow.dispose();
    shadow = undefined;
  }
  if (!shadow) {
    shadow = new MinutesShadow(document);
    shadows.set(document, shadow);
  }
  let problems: (string | RichTextProblem)[];
  try {
    problems = shadow.problemsOf(update, kind, connection);
  } catch (error) {
    problems = [`更新を適用できません: ${error instanceof Error ? error.message : String(error)}`];
  }
  if (problems.length > 0) {
    shadow.dispose();
    shadows.delete(document);
  }
  return problems;
}
