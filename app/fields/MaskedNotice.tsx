import { ja } from '../i18n/ja.ts';

/**
 * Says that what follows is the masked view, not the record itself: 「マスキング表示中」 on its
 * own line, where it is seen at a glance, then what that means for this section.
 */
export function MaskedNotice({ label }: { readonly label: string }) {
  return (
    <div className="message message--info masked-notice">
      <p>
        <strong className="masked-notice__badge">{ja.section.maskedBadge}</strong>
      </p>
      <p>{ja.section.masked(label)}</p>
    </div>
  );
}
