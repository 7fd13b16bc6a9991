import type { AgencyKind } from '../../model/agencyKinds.ts';

/** How minutes usually name an agency of each kind (「包括：…」「自立相談が…」). */
const kindWords: Readonly<Record<AgencyKind, readonly string[]>> = {
  多機関協働事業者: ['福祉総合', '多機関'],
  地域包括支援センター: ['包括'],
  障害者相談支援事業所: ['障害', '障がい', '相談支援事業所'],
  利用者支援事業: ['利用者支援', '子ども'],
  自立相談支援機関: ['自立相談', '自立'],
  社会福祉協議会: ['社協', '社会福祉協議会'],
  保健センター: ['保健'],
  学校: ['学校'],
  その他: [],
};

interface NamedAgency {
  readonly id: string;
  readonly name: string;
  readonly kind: string;
}

/**
 * The agency a line of the minutes names: the one whose full name, or usual short name,
 * appears first in it. Null when none does (the person then picks one).
 */
export function agencyNamedIn(text: string, agencies: readonly NamedAgency[]): string | null {
  let best: { id: string; at: number } | null = null;
  for (const agency of agencies) {
    const words = [agency.name, ...(kindWords[agency.kind as AgencyKind] ?? [])];
    for (const word of words) {
      const at = text.indexOf(word);
      if (at >= 0 && (best === null || at < best.at)) best = { id: agency.id, at };
    }
  }
  return best?.id ?? null;
}
