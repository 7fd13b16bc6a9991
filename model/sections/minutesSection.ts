import { MINUTES_FRAGMENT } from '../documentSchema.ts';
import type { SectionSpec } from './sectionSpec.ts';

/** 議事録: rich text, validated against the editor schema of its kind (model/richText/) by the server. */
export const minutesSection: SectionSpec = {
  label: '議事録',
  roots: { [MINUTES_FRAGMENT]: 'xml' },
  schema: null,
  textKeys: new Set<string>(),
  perMeeting: true,
};
