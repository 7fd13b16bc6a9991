import { useEffect, useId, useState } from 'react';
import { TldrawImage, type Editor, type TLStoreSnapshot } from 'tldraw';
import type { CaseId } from '../../model/documentNames.ts';
import type { EcomapSnapshot } from '../../model/ecomap/ecomapApi.ts';
import { formatWareki } from '../../model/time/wareki.ts';
import { todayInTokyo } from '../../model/time/tokyoClock.ts';
import { listEcomapSnapshots, saveEcomapSnapshot } from '../http/ecomapApi.ts';
import { errorMessage } from '../http/errorMessage.ts';
import { ja } from '../i18n/ja.ts';
import { LabeledSelect } from '../layout/FormControls.tsx';
import { ecomapShapeUtils } from './shapes/ecomapShapeUtils.ts';
import { tldrawAssetUrls } from './tldrawAssets.ts';
import { useEcomapStates } from './useEcomapStates.ts';

const t = ja.ecomap.snapshots;
const CURRENT = 'current';
const CURRENT_SETTLE_MS = 500;

interface Moment {
  readonly key: string;
  readonly caption: string;
  readonly seq: number | null;
}

function SaveSnapshotForm({ caseId, onSaved }: { readonly caseId: CaseId; readonly onSaved: (snapshots: EcomapSnapshot[]) => void }) {
  const labelId = useId();
  const dateId = useId();
  const hintId = useId();
  const [label, setLabel] = useState('');
  const [asOf, setAsOf] = useState(() => todayInTokyo(new Date()));
  const [status, setStatus] = useState<{ kind: 'error' | 'done'; text: string } | null>(null);
  return (
    <form
      className="ecomap-snapshots__form"
      onSubmit={(event) => {
        event.preventDefault();
        saveEcomapSnapshot(caseId, { label, asOf }).then(
          (snapshots) => {
            onSaved(snapshots);
            setStatus({ kind: 'done', text: t.saved(label.trim()) });
            setLabel('');
          },
          (error: unknown) => setStatus({ kind: 'error', text: errorMessage(error) }),
        );
      }}
    >
      <div className="field">
        <label htmlFor={labelId} className="field__label">
          {t.label}
        </label>
        <input id={labelId} className="field__input" value={label} maxLength={60} aria-describedby={hintId} onChange={(event) => setLabel(event.target.value)} />
        <p id={hintId} className="field__hint">
          {t.labelHint}
        </p>
      </div>
      <div className="field">
        <label htmlFor={dateId} className="field__label">
          {t.asOf}
        </label>
        <input id={dateId} type="date" className="field__input" value={asOf} onChange={(event) => setAsOf(event.target.value)} />
        <p className="field__hint">{formatWareki(asOf) ?? ''}</p>
      </div>
      <button type="submit" className="button button--primary button--small">
        {t.save}
      </button>
      {status && (
        <p role={status.kind === 'error' ? 'alert' : 'status'} className={`message message--${status.kind === 'error' ? 'error' : 'info'}`}>
          {status.text}
        </p>
      )}
    </form>
  );
}

function MomentImage({ moment, state, licenseKey }: { readonly moment: Moment; readonly state: TLStoreSnapshot | undefined; readonly licenseKey: string | undefined }) {
  return (
    <figure className="ecomap-compare__figure">
      <figcaption className="ecomap-compare__caption">{moment.caption}</figcaption>
      {state ? (
        <div className="ecomap-compare__image">
          <TldrawImage snapshot={state} shapeUtils={ecomapShapeUtils} assetUrls={tldrawAssetUrls} licenseKey={licenseKey} background padding={24} />
        </div>
      ) : (
        <p className="message">{t.loadingState}</p>
      )}
    </figure>
  );
}

/**
 * The live map as it is now, so the comparison can end at 「現在」: taken again a moment after
 * the map settles, not on every frame of a drag (each new picture is a whole SVG export).
 */
function useCurrentMap(editor: Editor): TLStoreSnapshot {
  const [current, setCurrent] = useState(() => editor.store.getStoreSnapshot('document'));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = editor.store.listen(
      () => {
        clearTimeout(timer);
        timer = setTimeout(() => setCurrent(editor.store.getStoreSnapshot('document')), CURRENT_SETTLE_MS);
      },
      { scope: 'document' },
    );
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [editor]);
  return current;
}

interface EcomapSnapshotsProps {
  readonly caseId: CaseId;
  readonly editor: Editor;
  readonly canSave: boolean;
  readonly licenseKey: string | undefined;
}

/** 時点保存と比較: save the map as of a date, and see two moments side by side or step through them. */
export function EcomapSnapshots({ caseId, editor, canSave, licenseKey }: EcomapSnapshotsProps) {
  const headingId = useId();
  const [snapshots, setSnapshots] = useState<EcomapSnapshot[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pair, setPair] = useState<{ left: string; right: string } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    listEcomapSnapshots(caseId, controller.signal).then(setSnapshots, (reason: unknown) => {
      if (!controller.signal.aborted) setError(errorMessage(reason));
    });
    return () => controller.abort();
  }, [caseId]);

  const current = useCurrentMap(editor);
  const moments: Moment[] = [
    ...(snapshots ?? []).map((snapshot) => ({
      key: snapshot.id,
      caption: t.asOfLabel(formatWareki(snapshot.asOf) ?? snapshot.asOf, snapshot.label),
      seq: snapshot.seq,
    })),
    { key: CURRENT, caption: t.current, seq: null },
  ];
  const momentKeys = moments.map((moment) => moment.key);
  const momentLabels = Object.fromEntries(moments.map((moment) => [moment.key, moment.caption]));
  const chosen = pair ?? { left: moments[Math.max(0, moments.length - 2)]!.key, right: CURRENT };
  const leftIndex = Math.max(0, moments.findIndex((moment) => moment.key === chosen.left));
  const rightIndex = Math.max(0, moments.findIndex((moment) => moment.key === chosen.right));
  const shown = [moments[leftIndex]!, moments[rightIndex]!];
  const states = useEcomapStates(caseId, shown.flatMap((moment) => (moment.seq === null ? [] : [moment.seq])));
  const stateOf = (moment: Moment) => (moment.seq === null ? current : states.get(moment.seq));
  const step = (delta: number) => {
    const left = Math.min(Math.max(leftIndex + delta, 0), moments.length - 2);
    setPair({ left: moments[left]!.key, right: moments[left + 1]!.key });
  };

  return (
    <section className="ecomap-snapshots" aria-labelledby={headingId}>
      <h3 id={headingId} className="ecomap-panel__heading">
        {t.heading}
      </h3>
      {error && (
        <p role="alert" className="message message--error">
          {error}
        </p>
      )}
      {canSave && <SaveSnapshotForm caseId={caseId} onSaved={setSnapshots} />}
      {snapshots !== null && snapshots.length === 0 && <p className="message">{t.empty}</p>}
      {snapshots !== null && snapshots.length > 0 && (
        <>
          <div className="ecomap-compare__controls">
            <LabeledSelect label={t.left} value={shown[0]!.key} options={momentKeys} optionLabels={momentLabels} onChange={(left) => setPair({ ...chosen, left })} />
            <LabeledSelect label={t.right} value={shown[1]!.key} options={momentKeys} optionLabels={momentLabels} onChange={(right) => setPair({ ...chosen, right })} />
            <button type="button" className="button button--secondary button--small" aria-disabled={leftIndex === 0 || undefined} onClick={() => leftIndex > 0 && step(-1)}>
              {t.previous}
            </button>
            <button
              type="button"
              className="button button--secondary button--small"
              aria-disabled={leftIndex >= moments.length - 2 || undefined}
              onClick={() => leftIndex < moments.length - 2 && step(1)}
            >
              {t.next}
            </button>
          </div>
          <div className="ecomap-compare" role="group" aria-label={t.comparisonLabel}>
            {shown.map((moment, index) => (
              <MomentImage key={`${index}:${moment.key}`} moment={moment} state={stateOf(moment)} licenseKey={licenseKey} />
            ))}
          </div>
        </>
      )}
    </section>
  );
}
