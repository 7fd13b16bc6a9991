import type { Document, Extension, beforeSyncPayload } from '@hocuspocus/server';
import { CloseCode } from '../../model/closeCodes.ts';
import type { UpdateRefusedMessage } from '../../model/collaborationMessages.ts';
import { META_ROOT } from '../../model/documentSchema.ts';
import { describeRichTextProblem, type RichTextProblem } from '../../model/richText/richTextProblems.ts';
import { sectionDefinitions } from '../../model/sections/sectionRegistry.ts';
import type { Logger } from '../logger.ts';
import { sectionServerSpecs } from '../sections/sectionServer.ts';
import { decodedUpdate } from './decodedUpdate.ts';
import { mapSectionUpdateProblems } from './mapSectionShadow.ts';
import { CollaborationRefusal, type KasaneContext } from './context.ts';

const SYNC_STEP_2 = 1;
const SYNC_UPDATE = 2;

/** A line for the person, or a rich-text problem that also carries its code. */
type Problem = string | RichTextProblem;

const describeStruct = (struct: unknown): string | null => {
  const parent = (struct as { parent?: unknown }).parent;
  return typeof parent === 'string' ? parent : null;
};

/**
 * Checks every client update against its section's schema before it is stored or applied:
 * the update is applied to a copy of the document kept per document, and refused (with the
 * reasons, then closing that document) if the result breaks the schema, touches server-owned
 * roots, or claims another author. Only what the update changed is checked, so that a keystroke
 * costs its entry or block, not the whole document: structured sections in mapSectionShadow.ts,
 * minutes against their kind's ProseMirror schema in minutesShadow.ts.
 * Nothing of a refused update is stored; everything valid stays.
 */
export class UpdateValidationExtension implements Extension {
  extensionName = 'kasane-update-validation';
  private readonly logger: Logger;

  constructor(logger: Logger) {
    this.logger = logger;
  }

  async beforeSync({ type, payload, connection, context, document }: beforeSyncPayload): Promise<void> {
    if ((type !== SYNC_STEP_2 && type !== SYNC_UPDATE) || connection.readOnly || payload.byteLength <= 2) return;
    const { section, user } = context as KasaneContext;
    const found = this.problemsOf(document, payload, section, user, connection);
    if (found.length === 0) return;
    const problems = found.map((problem) => (typeof problem === 'string' ? problem : describeRichTextProblem(problem)));
    const reasons = found.filter((problem): problem is RichTextProblem => typeof problem !== 'string');
    this.logger.warn({ documentName: document.name, userId: user.id, problems, reasons }, 'update refused');
    const message: UpdateRefusedMessage = { type: 'update-refused', problems, ...(reasons.length > 0 ? { reasons } : {}) };
    connection.sendStateless(JSON.stringify(message));
    throw new CollaborationRefusal(CloseCode.InvalidUpdate);
  }

  private problemsOf(document: Document, update: Uint8Array, section: KasaneContext['section'], user: KasaneContext['user'], connection: unknown): Problem[] {
    const decoded = decodedUpdate(update);
    if (!decoded.readable) return [decoded.problem];
    const allowedRoots = new Set([META_ROOT, ...Object.keys(sectionDefinitions[section].roots)]);
    const unknownRoots = decoded.structs.map(describeStruct).filter((root): root is string => root !== null && !allowedRoots.has(root));
    if (unknownRoots.length > 0) return [`この文書にない項目です: ${[...new Set(unknownRoots)].join(', ')}`];
    const own = sectionServerSpecs[section].updateProblems;
    if (own) return own(document, update, connection);
    if (!sectionDefinitions[section].schema) return [];
    return mapSectionUpdateProblems(document, update, section, user, connection);
  }
}
