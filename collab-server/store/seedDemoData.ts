import * as Y from 'yjs';
import { caseDocumentName, caseSections, type CaseSection } from '../../model/documentNames.ts';
import { MINUTES_FRAGMENT } from '../../model/documentSchema.ts';
import { createSectionDocument } from '../../model/sectionDocuments.ts';
import { hashPassword } from '../auth/passwords.ts';
import type { Database, Queryable } from '../db/database.ts';
import { projectSection } from '../projections/caseProjection.ts';
import { AccessRepository } from './accessRepository.ts';
import { SharingRepository } from './sharingRepository.ts';
import { CaseRepository } from './caseRepository.ts';
import { UpdateLog } from './updateLog.ts';
import { EcomapSnapshotRepository } from './ecomapSnapshotRepository.ts';
import { demoConsents, fillDemoSection } from '../seed/demoCaseRecord.ts';
import { demoEcomapSnapshot, fillDemoEcomap } from '../seed/demoEcomap.ts';
import { seedDemoMeetings } from '../seed/demoMeetings.ts';
import { DEMO_PASSWORD, demoAdministrator, demoAgencies, demoCase, demoMinutes, demoSharing } from '../seed/demoData.ts';

export function demoMinutesDocument(): Y.Doc {
  const doc = createSectionDocument('minutes');
  fillDemoMinutes(doc);
  return doc;
}

function fillDemoMinutes(doc: Y.Doc): void {
  const fragment = doc.getXmlFragment(MINUTES_FRAGMENT);
  doc.transact(() => {
    fragment.insert(
      0,
      demoMinutes.map((block) => {
        const element = new Y.XmlElement(block.heading ? 'heading' : 'paragraph');
        if (block.heading) element.setAttribute('level', 2 as unknown as string);
        element.insert(0, [new Y.XmlText(block.heading ?? block.paragraph ?? '')]);
        return element;
      }),
    );
  });
}

/** Demo content that is not fields (demoCaseRecord.ts has those), and what goes with it. */
const demoContent: Partial<Record<CaseSection, { fill: (doc: Y.Doc) => void; afterwards?: (tx: Queryable) => Promise<unknown> }>> = {
  minutes: { fill: fillDemoMinutes },
  ecomap: {
    fill: fillDemoEcomap,
    afterwards: (tx) => new EcomapSnapshotRepository(tx).save({ caseId: demoCase.id, ...demoEcomapSnapshot, createdBy: demoCase.createdBy }),
  },
};

export async function isDatabaseEmpty(database: Database): Promise<boolean> {
  const { rows } = await database.query<{ count: number }>('select count(*)::int as count from agencies');
  return rows[0]?.count === 0;
}

/**
 * Writes the demo city. With `reset`, everything already stored is deleted first:
 * only `npm run seed` asks for that; start seeds an empty database only.
 */
export async function seedDemoData(database: Database, { reset }: { reset: boolean }): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await database.transaction(async (tx) => {
    if (reset) {
      await tx.exec(`truncate case_meeting_tasks, case_meeting_attendees, case_meetings, case_chat_reads, case_chat_messages, case_versions, document_restores, case_meeting_basis, case_consents, case_access_changes, case_section_access, case_tasks, case_members, document_snapshots, document_updates, documents, case_agencies, cases, users, agencies`);
    }
    for (const agency of demoAgencies) {
      await tx.query('insert into agencies (id, name, kind) values ($1, $2, $3)', [agency.id, agency.name, agency.kind]);
      for (const user of agency.users) {
        await tx.query(
          'insert into users (id, agency_id, login_id, name, password_hash) values ($1, $2, $3, $4, $5)',
          [user.id, agency.id, user.loginId, user.name, passwordHash],
        );
      }
    }
    await tx.query(
      `insert into users (id, agency_id, login_id, name, password_hash, role) values ($1, $2, $3, $4, $5, 'admin')`,
      [demoAdministrator.id, demoAdministrator.agencyId, demoAdministrator.loginId, demoAdministrator.name, passwordHash],
    );
    await new CaseRepository(tx).create(demoCase);
    const access = new AccessRepository(tx);
    for (const [agencyId, levels] of Object.entries(demoSharing)) {
      await access.setLevels(demoCase.id, agencyId, levels, demoCase.createdBy);
    }
    const sharing = new SharingRepository(tx);
    for (const consent of demoConsents) await sharing.recordConsent(demoCase.id, consent, demoCase.createdBy);
    const log = new UpdateLog(database);
    for (const section of caseSections) {
      const doc = createSectionDocument(section);
      fillDemoSection(doc, section);
      demoContent[section]?.fill(doc);
      const documentName = caseDocumentName(demoCase.id, section);
      await log.append(documentName, Y.encodeStateAsUpdate(doc), null, tx);
      await demoContent[section]?.afterwards?.(tx);
      await projectSection(tx, documentName, doc);
      doc.destroy();
    }
    await seedDemoMeetings(database, tx);
  });
}
