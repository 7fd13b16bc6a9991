import { describe, expect, it, vi } from 'vitest';
import type { AccessLevel, AgencyAccess } from '../../model/access/accessLevels.ts';
import { caseDocumentName, caseSections, documentViews, meetingMinutesDocumentName, type DocumentView } from '../../model/documentNames.ts';
import { meetingLegalBases, meetingSchema } from '../../model/meetings.ts';
import { publicApiRoutes } from '../../collab-server/http/publicApi.ts';
import { HANA } from '../../collab-server/seed/demoCaseRecord.ts';
import { demoAgencies, demoCase } from '../../collab-server/seed/demoData.ts';
import { newProvider } from '../helpers/providers.ts';
import { newKasaneServer, type TestServer } from '../helpers/testServer.ts';

/**
 * Who may do what, from the outside: every HTTP route of the router and every kind of document,
 * for every role and access level, against the allowed set written down here by hand.
 */

const [, houkatsu, shougai, jiritsu] = demoAgencies as [
  (typeof demoAgencies)[number], (typeof demoAgencies)[number], (typeof demoAgencies)[number], (typeof demoAgencies)[number],
];

/** 包括 is given each level in turn; the coordinator and the administrator are themselves. */
const profiles = ['coordinator', 'edit', 'view', 'masked', 'hidden', 'none', 'admin'] as const;
type Profile = (typeof profiles)[number];

const everyone = [...profiles];
const workers = profiles.filter((profile) => profile !== 'admin');
const takingPart: Profile[] = ['coordinator', 'edit', 'view', 'masked', 'hidden'];
const readers: Profile[] = ['coordinator', 'edit', 'view', 'masked'];
const editors: Profile[] = ['coordinator', 'edit'];

interface Fixture {
  meetingId: string;
  closingMeetingId: string;
}

interface RouteCase {
  path: (fixture: Fixture) => string;
  body?: unknown;
  allowed: Profile[];
}

const meeting = (fixture: Fixture) => `/cases/${demoCase.id}/meetings/${fixture.meetingId}`;
const closing = (fixture: Fixture) => `/cases/${demoCase.id}/meetings/${fixture.closingMeetingId}`;
const inCase = (rest: string) => () => `/cases/${demoCase.id}${rest}`;

/** Keyed by the router's own `METHOD /path`, so a new route without an entry here fails the test. */
const routeCases: Record<string, RouteCase> = {
  'POST /api/auth/logout': { path: () => '/auth/logout', allowed: everyone },
  'GET /api/cases': { path: () => '/cases', allowed: workers },
  'POST /api/cases': { path: () => '/cases', body: { title: '新しい事案' }, allowed: workers },
  'GET /api/cases/:caseId': { path: inCase(''), allowed: takingPart },
  'GET /api/cases/:caseId/access': { path: inCase('/access'), allowed: takingPart },
  'GET /api/cases/:caseId/sharing': { path: inCase('/sharing'), allowed: ['coordinator'] },
  'PUT /api/cases/:caseId/sharing/:agencyId': {
    path: inCase(`/sharing/${shougai.id}`),
    body: { levels: { overview: 'masked' } },
    allowed: ['coordinator'],
  },
  // Removing 自立相談 first, adding it back second, so that each profile finds the same case.
  'DELETE /api/cases/:caseId/agencies/:agencyId': { path: inCase(`/agencies/${jiritsu.id}`), allowed: ['coordinator'] },
  'POST /api/cases/:caseId/agencies': { path: inCase('/agencies'), body: { agencyId: jiritsu.id }, allowed: ['coordinator'] },
  'PUT /api/cases/:caseId/consents/:memberId': {
    path: inCase(`/consents/${HANA}`),
    body: { status: '同意あり', consentedOn: '2026-11-12', method: '書面', agencyIds: [], note: '' },
    allowed: ['coordinator'],
  },
  // マスキングの確認: what a masked agency would receive, and approving it, is the sharing's managers' work.
  'POST /api/cases/:caseId/masking/preview': { path: inCase('/masking/preview'), body: { text: '山田ハナさんの件' }, allowed: ['coordinator'] },
  'POST /api/cases/:caseId/masking/approvals': { path: inCase('/masking/approvals'), body: { text: '山田ハナさんの件' }, allowed: ['coordinator'] },
  'PUT /api/cases/:caseId/meeting-basis/:agencyId': { path: inCase(`/meeting-basis/${shougai.id}`), body: { active: false }, allowed: ['coordinator'] },
  'GET /api/agencies': { path: () => '/agencies', allowed: everyone },
  'GET /api/cases/:caseId/history': { path: inCase('/history'), allowed: readers },
  'GET /api/cases/:caseId/sections/:section/revisions/:seq': { path: inCase('/sections/minutes/revisions/1'), allowed: readers },
  'GET /api/cases/:caseId/sections/:section/compare': { path: inCase('/sections/minutes/compare?from=1&to=2'), allowed: readers },
  'POST /api/cases/:caseId/sections/:section/restore': { path: inCase('/sections/minutes/restore'), body: { seq: 1 }, allowed: editors },
  'POST /api/cases/:caseId/versions': { path: inCase('/versions'), body: { name: '確認用' }, allowed: editors },
  'GET /api/cases/:caseId/ecomap/snapshots': { path: inCase('/ecomap/snapshots'), allowed: readers },
  'POST /api/cases/:caseId/ecomap/snapshots': { path: inCase('/ecomap/snapshots'), body: { label: '確認時', asOf: '2026-12-01' }, allowed: editors },
  'POST /api/cases/:caseId/ecomap/exports': { path: inCase('/ecomap/exports'), body: { format: 'svg' }, allowed: readers },
  'GET /api/cases/:caseId/meetings': { path: inCase('/meetings'), allowed: readers },
  'POST /api/cases/:caseId/meetings': {
    path: inCase('/meetings'),
    body: { date: '2026-12-10', startTime: '10:00', legalBasis: meetingLegalBases[0], place: '架空市役所 会議室B' },
    allowed: editors,
  },
  'GET /api/cases/:caseId/meetings/:meetingId': { path: meeting, allowed: readers },
  'GET /api/cases/:caseId/meetings/:meetingId/presence': { path: (fixture) => `${meeting(fixture)}/presence`, allowed: readers },
  'GET /api/cases/:caseId/meetings/:meetingId/minutes/revisions/:seq': { path: (fixture) => `${meeting(fixture)}/minutes/revisions/1`, allowed: readers },
  'POST /api/cases/:caseId/meetings/:meetingId/decisions': {
    path: (fixture) => `${meeting(fixture)}/decisions`,
    body: { text: '包括：ケアプランを見直す', target: 'plan', agencyId: shougai.id },
    allowed: editors,
  },
  'POST /api/cases/:caseId/meetings/:meetingId/start': { path: (fixture) => `${closing(fixture)}/start`, allowed: editors },
  'POST /api/cases/:caseId/meetings/:meetingId/close': { path: (fixture) => `${closing(fixture)}/close`, allowed: editors },
  'POST /api/cases/:caseId/prints': { path: inCase('/prints'), body: { section: 'minutes' }, allowed: readers },
  'GET /api/cases/:caseId/chat': { path: inCase('/chat'), allowed: takingPart },
  'POST /api/cases/:caseId/chat': { path: inCase('/chat'), body: { body: '次回の日程を確認します' }, allowed: takingPart },
  'POST /api/cases/:caseId/chat/read': { path: inCase('/chat/read'), allowed: takingPart },
  'GET /api/chat/unread': { path: () => '/chat/unread', allowed: workers },
  'GET /api/audit': { path: () => '/audit', allowed: ['admin'] },
  'GET /api/audit/export.csv': { path: () => '/audit/export.csv', allowed: ['admin'] },
  'GET /api/audit/verify': { path: () => '/audit/verify', allowed: ['admin'] },
};

type Opening = 'read-write' | 'read-only' | 'refused';

/** How each profile may open a document of a section at each view (the meeting's minutes follow the minutes). */
function expectedOpening(profile: Profile, view: DocumentView): Opening {
  if (profile === 'coordinator' || profile === 'edit') return view === 'source' ? 'read-write' : 'refused';
  if (profile === 'view') return view === 'source' ? 'read-only' : 'refused';
  if (profile === 'masked') return view === 'masked' ? 'read-only' : 'refused';
  return 'refused';
}

const everywhere = (level: AccessLevel): AgencyAccess => Object.fromEntries(caseSections.map((section) => [section, level])) as AgencyAccess;

async function opening(server: TestServer, name: string, token: string): Promise<Opening> {
  const client = newProvider({ url: server.websocketUrl, name, token, maxAttempts: 1 });
  try {
    return await vi.waitFor(
      () => {
        if (client.authenticationFailure() !== undefined) return 'refused';
        const scope = client.provider.authorizedScope;
        if (scope === 'read-write') return 'read-write';
        if (scope === 'readonly') return 'read-only';
        throw new Error(`${name}: not answered yet`);
      },
      { timeout: 15_000, interval: 20 },
    );
  } finally {
    client.destroy();
  }
}

describe('the permission matrix', () => {
  it('allows exactly the listed set of every route and every document kind to every role and level', async () => {
    const server = await newKasaneServer('postgresql');
    // Setting up is done under a session of its own, never the one under test.
    const coordinator = await server.login('fukushi1');
    const asCoordinator = (path: string, init: RequestInit = {}) => server.api(path, { ...init, token: coordinator.accessToken });

    // The route table of the router itself: every non-public route needs a case here.
    const routerRoutes = new Set(
      server.server.router.routes
        .filter((route) => route.path.startsWith('/api') && route.method !== 'ALL')
        .map((route) => `${route.method} ${route.path}`)
        .filter((key) => !publicApiRoutes.some((route) => key === `${route.method} /api${route.path}`)),
    );
    expect([...routerRoutes].sort()).toEqual(Object.keys(routeCases).sort());

    const createMeeting = async () => {
      const response = await asCoordinator(`/cases/${demoCase.id}/meetings`, {
        method: 'POST',
        body: JSON.stringify({ date: '2026-12-04', startTime: '14:00', legalBasis: meetingLegalBases[0], place: '架空市役所 会議室B' }),
      });
      expect(response.status).toBe(201);
      return meetingSchema.parse(await response.json()).id;
    };
    const fixture: Fixture = { meetingId: await createMeeting(), closingMeetingId: await createMeeting() };

    const documents = [
      ...caseSections.flatMap((section) => documentViews.map((view) => ({ label: `${section}/${view}`, name: caseDocumentName(demoCase.id, section, view), view }))),
      ...documentViews.map((view) => ({ label: `meeting minutes/${view}`, name: meetingMinutesDocumentName(demoCase.id, fixture.meetingId, view), view })),
    ];

    const observed: Record<string, Profile[]> = Object.fromEntries(Object.keys(routeCases).map((key) => [key, []]));
    const unexpected: string[] = [];
    const openings: string[] = [];
    const expectedOpenings: string[] = [];

    for (const profile of profiles) {
      if (profile !== 'coordinator' && profile !== 'admin') {
        if (profile === 'none') {
          expect((await asCoordinator(`/cases/${demoCase.id}/agencies/${houkatsu.id}`, { method: 'DELETE' })).status).toBe(200);
        } else {
          const set = await asCoordinator(`/cases/${demoCase.id}/sharing/${houkatsu.id}`, { method: 'PUT', body: JSON.stringify({ levels: everywhere(profile) }) });
          expect(set.status).toBe(200);
        }
      }
      const session = profile === 'coordinator' ? await server.login('fukushi1') : profile === 'admin' ? await server.login('kanri1') : await server.login('houkatsu1');
      for (const [key, routeCase] of Object.entries(routeCases)) {
        if (key === 'POST /api/auth/logout') continue;
        const method = key.split(' ')[0]!;
        const response = await server.api(routeCase.path(fixture), {
          method,
          token: session.accessToken,
          ...(routeCase.body === undefined ? {} : { body: JSON.stringify(routeCase.body) }),
        });
        if (response.status < 300) observed[key]!.push(profile);
        else if (response.status !== 403) unexpected.push(`${profile} ${key} → ${response.status} ${await response.text()}`);
      }
      const logout = await server.api('/auth/logout', { method: 'POST', token: session.accessToken });
      if (logout.status < 300) observed['POST /api/auth/logout']!.push(profile);

      for (const document of documents) {
        openings.push(`${profile} ${document.label}: ${await opening(server, document.name, session.collabToken)}`);
        expectedOpenings.push(`${profile} ${document.label}: ${expectedOpening(profile, document.view)}`);
      }
    }

    expect(unexpected).toEqual([]);
    expect(observed).toEqual(Object.fromEntries(Object.entries(routeCases).map(([key, routeCase]) => [key, routeCase.allowed])));
    expect(openings).toEqual(expectedOpenings);
  });
});
