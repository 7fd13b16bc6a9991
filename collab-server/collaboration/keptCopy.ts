import type { Document } from '@hocuspocus/server';
import * as Y from 'yjs';

/** The origin of a client's update while it is applied to a kept copy to be checked. */
export const VALIDATING = Symbol('kasane-validation');

/**
 * A copy of a document the server keeps beside it, so that checking a keystroke costs what the
 * keystroke changes rather than a copy of the whole document (minutesShadow.ts, mapSectionShadow.ts).
 * The copy follows every update the document takes (from any connection, the server itself or
 * another instance). A refused update leaves the copy ahead of the document, and so does an
 * accepted one the document did not take (a later hook refused it): such a copy is made again.
 */
export class KeptCopy {
  readonly copy = new Y.Doc();
  readonly document: Document;
  /** The connection whose accepted update the document has not applied yet. */
  private unconfirmed: unknown = null;
  private readonly follow = (update: Uint8Array, origin: unknown) => {
    Y.applyUpdate(this.copy, update);
    if (this.unconfirmed !== null && (origin as { connection?: unknown } | null)?.connection === this.unconfirmed) this.unconfirmed = null;
  };

  constructor(document: Document) {
    this.document = document;
    Y.applyUpdate(this.copy, Y.encodeStateAsUpdate(document));
    document.on('update', this.follow);
  }

  get stale(): boolean {
    return this.unconfirmed !== null;
  }

  dispose(): void {
    this.document.off('update', this.follow);
    this.copy.destroy();
  }

  /**
   * Applies a client's update to the copy (origin VALIDATING). Whether it changed anything, or a
   * refusal when its dependencies are missing: it would be checked without them now and integrate
   * unchecked later, when they arrive, and a client has everything it builds on.
   */
  apply(update: Uint8Array): { grew: boolean } | { refused: string } {
    let grew = false;
    const grows = () => (grew = true);
    this.copy.on('update', grows);
    try {
      Y.applyUpdate(this.copy, update, VALIDATING);
    } finally {
      this.copy.off('update', grows);
    }
    if (this.copy.store.pendingStructs || this.copy.store.pendingDs) return { refused: '前提となる変更が欠けた更新です' };
    return { grew };
  }

  /** The update was accepted: until the document takes it from this connection, the copy is ahead. */
  accepted(connection: unknown, grew: boolean): void {
    if (grew) this.unconfirmed = connection;
  }
}

/**
 * Checks one update on the document's kept checker, made (again) whenever it could differ from
 * the document, and dropped after a refusal. Never more permissive than checking a full copy.
 */
export function checkOnKeptCopy<Checker extends { readonly kept: KeptCopy }, Problem = string>(
  checkers: WeakMap<Document, Checker>,
  document: Document,
  make: () => Checker,
  check: (checker: Checker) => (Problem | string)[],
): (Problem | string)[] {
  let checker = checkers.get(document);
  if (checker?.kept.stale) {
    checker.kept.dispose();
    checker = undefined;
  }
  if (!checker) {
    checker = make();
    checkers.set(document, checker);
  }
  let problems: (Problem | string)[];
  try {
    problems = check(checker);
  } catch (error) {
    problems = [`更新を適用できません: ${error instanceof Error ? error.message : String(error)}`];
  }
  if (problems.length > 0) {
    checker.kept.dispose();
    checkers.delete(document);
  }
  return problems;
}
