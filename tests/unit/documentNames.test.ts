import { describe, expect, it } from 'vitest';
import { caseDocumentName, formatCaseDocumentName, meetingMinutesDocumentName, parseCaseDocumentName } from '../../model/documentNames.ts';

const caseId = '7f3e2a10-9c4b-4d5e-8f60-000000000001';
const meetingId = '3a1d5c20-4b6e-4f70-8a91-000000000002';

describe('case document names', () => {
  it('round-trips a section name', () => {
    expect(caseDocumentName(caseId, 'minutes')).toBe(`case/${caseId}/minutes`);
    expect(parseCaseDocumentName(`case/${caseId}/minutes`)).toEqual({ caseId, section: 'minutes', view: 'source' });
    expect(caseDocumentName(caseId, 'members', 'masked')).toBe(`case/${caseId}/members/masked`);
    expect(parseCaseDocumentName(`case/${caseId}/members/masked`)).toEqual({ caseId, section: 'members', view: 'masked' });
  });

  it('round-trips a meeting\'s minutes, governed as the case\'s minutes', () => {
    const name = meetingMinutesDocumentName(caseId, meetingId);
    expect(name).toBe(`case/${caseId}/meetings/${meetingId}/minutes`);
    const parsed = parseCaseDocumentName(name);
    expect(parsed).toEqual({ caseId, section: 'minutes', view: 'source', meetingId });
    expect(formatCaseDocumentName(parsed!)).toBe(name);
    const masked = parseCaseDocumentName(`${name}/masked`);
    expect(masked).toEqual({ caseId, section: 'minutes', view: 'masked', meetingId });
    expect(formatCaseDocumentName({ ...masked!, view: 'source' })).toBe(name);
    expect(formatCaseDocumentName({ caseId, section: 'plan', view: 'source' })).toBe(`case/${caseId}/plan`);
  });

  it.each([
    `case/${caseId}/meetings/${meetingId}`,
    `case/${caseId}/meetings/${meetingId}/plan`,
    `case/${caseId}/meetings/${meetingId}/minutes/extra`,
    `case/${caseId}/meetings/${meetingId}/minutes/masked/masked`,
    `case/${caseId}/meetings/not-a-uuid/minutes`,
    `case/not-a-uuid/meetings/${meetingId}/minutes`,
    `case/${caseId}/meetings//minutes`,
    `case/${caseId}/meeting/${meetingId}/minutes`,
    `case/${caseId}/meetings/${meetingId}/../minutes`,
    `case/${caseId}/meetings/${meetingId}/minutes\0session`,
  ])('refuses the meeting-like %j', (name) => {
    expect(parseCaseDocumentName(name)).toBeNull();
  });

  it.each([
    '',
    'minutes',
    `case/${caseId}`,
    `case/${caseId}/unknown`,
    `case/${caseId}/minutes/extra`,
    `case/${caseId}/minutes/masked/masked`,
    `case/not-a-uuid/minutes`,
    `case/${caseId}/../minutes`,
    `CASE/${caseId}/minutes`,
    `case/${caseId}/minutes\0session`,
  ])('refuses %j', (name) => {
    expect(parseCaseDocumentName(name)).toBeNull();
  });
});
