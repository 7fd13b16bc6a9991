import { describe, expect, it } from 'vitest';
import { caseDocumentName, parseCaseDocumentName } from '../../model/documentNames.ts';

const caseId = '7f3e2a10-9c4b-4d5e-8f60-000000000001';

describe('case document names', () => {
  it('round-trips a section name', () => {
    expect(caseDocumentName(caseId, 'minutes')).toBe(`case/${caseId}/minutes`);
    expect(parseCaseDocumentName(`case/${caseId}/minutes`)).toEqual({ caseId, section: 'minutes', view: 'source' });
    expect(caseDocumentName(caseId, 'members', 'masked')).toBe(`case/${caseId}/members/masked`);
    expect(parseCaseDocumentName(`case/${caseId}/members/masked`)).toEqual({ caseId, section: 'members', view: 'masked' });
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
