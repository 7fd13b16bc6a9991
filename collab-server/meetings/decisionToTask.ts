import type { Hocuspocus } from '@hocuspocus/server';
import type * as Y from 'yjs';
import { caseDocumentName } from '../../model/documentNames.ts';
import type { DecisionTarget } from '../../model/meetings.ts';
import { ATTRIBUTION_ROOT, fieldPath, type FieldChange } from '../../model/sections/attribution.ts';
import { newItemId } from '../../model/sections/common.ts';
import { ROLES_ROOT } from '../../model/sections/plan.ts';
import { PROGRESS_ROOT, type ProgressEntry } from '../../model/sections/progressLog.ts';
import { sectionDefinitions } from '../../model/sections/sectionRegistry.ts';
import { ensureMap, writeObject, type PlainValue } from '../../model/sections/yjsValues.ts';
import type { ServerWriter } from '../collaboration/serverOrigin.ts';
import type { Database } from '../db/database.ts';
import { projectSection } from '../projections/caseProjection.ts';

export interface DecisionAuthor {
  userId: string;
  name: string;
  agencyId: string;
  agencyName: string;
}

export interface Decision {
  caseId: string;
  target: DecisionTarget;
  text: string;
  /** The agency that takes the task on. */
  agency: { id: string; name: string };
  dueDate: string | null;
  author: DecisionAuthor;
}

const MAX_POSITION = 10_000;

function nextPosition(roles: Y.Map<unknown>): number {
  let last = -1;
  for (const role of roles.values()) {
    const position = (role as Y.Map<unknown>).get?.('position');
    if (typeof position === 'number') last = Math.max(last, position);
  }
  return Math.min(last + 1, MAX_POSITION);
}

function itemValues(decision: Decision, roles: Y.Map<unknown>, now: Date): Record<string, PlainValue> {
  if (decision.target === 'plan') {
    return { position: nextPosition(roles), agencyId: decision.agency.id, task: decision.text, dueDate: decision.dueDate, status: '未着手' };
  }
  const entry: ProgressEntry = {
    occurredAt: now.toISOString(),
    // The agency the task belongs to: the one whose list it appears in and who may change it.
    agencyId: decision.agency.id,
    agencyName: decision.agency.name,
    authorId: decision.author.userId,
    authorName: decision.author.name,
    kind: '予定・タスク',
    contactMethod: '会議',
    text: decision.text,
    taskStatus: '未着手',
    dueDate: decision.dueDate,
  };
  return entry;
}

/**
 * Turns a decision of a meeting into a 役割分担 row or a 支援経過 task, written by the server into
 * the live document (everyone with it open sees it at once), stored in the update log under the
 * requesting user, with 入力者 recorded from their verified token like any edit of theirs.
 * Resolves with the new item's id.
 */
export async function writeDecision(deps: { hocuspocus: Hocuspocus; writer: ServerWriter; database: Database }, decision: Decision): Promise<string> {
  const section = decision.target === 'plan' ? 'plan' : 'progress-log';
  const documentName = caseDocumentName(decision.caseId, section);
  const root = decision.target === 'plan' ? ROLES_ROOT : PROGRESS_ROOT;
  const connection = await deps.hocuspocus.openDirectConnection(documentName, { server: true });
  try {
    const document = connection.document;
    if (!document) throw new Error('document not loaded');
    const id = newItemId();
    const now = new Date();
    const change: FieldChange = {
      userId: decision.author.userId,
      name: decision.author.name,
      agencyId: decision.author.agencyId,
      agencyName: decision.author.agencyName,
      at: now.toISOString(),
    };
    await deps.writer.write(document, { userId: decision.author.userId, agencyId: decision.author.agencyId }, () => {
      const collection = document.getMap<unknown>(root);
      const values = itemValues(decision, collection, now);
      writeObject(ensureMap(collection, id), values, sectionDefinitions[section].textKeys);
      const attribution = document.getMap<FieldChange>(ATTRIBUTION_ROOT);
      for (const key of Object.keys(values)) attribution.set(fieldPath(root, id, key), change);
    });
    // Server writes skip Hocuspocus' change hooks: the case list's open tasks are brought up to date here.
    await deps.database.transaction((tx) => projectSection(tx, documentName, document));
    return id;
  } finally {
    await connection.disconnect();
  }
}
