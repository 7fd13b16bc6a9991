import type { SectionSpec } from './sectionSpec.ts';

/** A section whose roots are maps (or tldraw records) of fields; none has documents per meeting. */
export function fieldSection(options: Omit<SectionSpec, 'perMeeting'>): SectionSpec {
  return { ...options, perMeeting: false };
}
