/** Kinds of agency that take part in 重層的支援体制整備事業 (stored as the Japanese name). */
export const agencyKinds = [
  '多機関協働事業者',
  '地域包括支援センター',
  '障害者相談支援事業所',
  '利用者支援事業',
  '自立相談支援機関',
  '社会福祉協議会',
  '保健センター',
  '学校',
  'その他',
] as const;
export type AgencyKind = (typeof agencyKinds)[number];

/** The coordinating agency of the municipality: it may manage the sharing of every case it takes part in. */
export const COORDINATING_AGENCY_KIND: AgencyKind = '多機関協働事業者';
