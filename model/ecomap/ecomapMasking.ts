import { redactJson, type Redaction } from '../access/masking.ts';
import type { EcomapRecord, EcomapRecords } from './ecomapDocument.ts';

/** Props that hold references and choices, never words: left as they are so the map still draws. */
const structuralProps = new Set(['memberId', 'fromId', 'toId', 'agencyId', 'kind', 'strength', 'direction', 'w', 'h']);

function maskRecord(record: EcomapRecord, redaction: Redaction): EcomapRecord {
  const props = record.props;
  const maskedProps =
    props !== null && typeof props === 'object'
      ? Object.fromEntries(
          Object.entries(props as Record<string, unknown>).map(([key, value]) => [key, structuralProps.has(key) ? value : redactJson(value, redaction)]),
        )
      : props;
  // meta is free JSON any client may write: a masked reader gets none of it.
  return { ...record, ...(props === undefined ? {} : { props: maskedProps }), ...('meta' in record ? { meta: {} } : {}), ...(typeof record.name === 'string' ? { name: redactJson(record.name, redaction) } : {}) };
}

/**
 * The map as a masked reader sees it: the same shapes, with every free text (resource names,
 * notes on ties, text and sticky notes) redacted. Members are drawn from the masked identity
 * section anyway, since their shapes hold only ids.
 */
export function maskEcomapRecords(records: EcomapRecords, redaction: Redaction): EcomapRecords {
  return Object.fromEntries(Object.entries(records).map(([key, record]) => [key, maskRecord(record, redaction)]));
}
