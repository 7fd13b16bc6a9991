/**
 * Every field of what the server sends that can carry free text, classified once: a path per
 * field (`a.b` into objects, `[]` into arrays). The reader serializer masks exactly these for a
 * masked reader, and a new kind of response has to be listed here before it can be sent at all.
 * Section documents are classified by their own text keys (model/sections/sectionRegistry.ts)
 * and the minutes by their structure (minutesMasking.ts).
 */
export const freeTextFields = {
  /** 事案一覧 and the case header. */
  caseSummary: ['title', 'householdName'],
  caseList: ['cases[].title', 'cases[].householdName'],
  /** 支援会議. */
  meeting: ['title', 'place', 'agenda', 'decisions[]', 'tasks[].text', 'versionName', 'outsideAttendees[].name', 'outsideAttendees[].role'],
  meetingList: [
    'meetings[].title', 'meetings[].place', 'meetings[].agenda', 'meetings[].decisions[]', 'meetings[].tasks[].text', 'meetings[].versionName',
    'meetings[].outsideAttendees[].name', 'meetings[].outsideAttendees[].role',
  ],
  /** チャット, by GET and live. */
  chatMessage: ['body'],
  chatHistory: ['messages[].body'],
  /** 履歴: summaries, meeting titles, version names. */
  history: ['groups[].summary', 'groups[].meeting.title', 'versions[].name'],
  namedVersions: ['versions[].name'],
  comparison: ['parts[].text', 'changes[].before', 'changes[].after'],
  /** エコマップの時点保存. */
  ecomapSnapshots: ['snapshots[].label'],
} as const satisfies Record<string, readonly string[]>;

export type FreeTextKind = keyof typeof freeTextFields;
