import { useState } from 'react';
import './field.css';
import { useShallow } from 'zustand/react/shallow';
import { useApp } from '../../store/store.ts';
import { useFieldTranslation } from './i18n.ts';

type GeoProblem = 'denied' | 'unavailable' | 'timeout' | 'unsupported';

/** The Geolocation API's error codes as the problems the user is told about. */
function geoProblem(code: number): GeoProblem {
  if (code === 1) return 'denied';
  if (code === 3) return 'timeout';
  return 'unavailable';
}

/**
 * Over the map: "Report here" takes the device's position (GPS) and opens the report form there; when the
 * position cannot be had it says why and offers the map instead. "Choose on the map" makes the next map
 * click the place (the way on a desktop).
 */
export function ReportHere() {
  const { t } = useFieldTranslation();
  const { pick, setPick, setDraft } = useApp(
    useShallow((s) => ({ pick: s.reportPick, setPick: s.setReportPick, setDraft: s.setReportDraft })),
  );
  const [locating, setLocating] = useState(false);
  const [problem, setProblem] = useState<GeoProblem | null>(null);

  const locate = (): void => {
    setProblem(null);
    if (!('geolocation' in navigator)) {
      setProblem('unsupported');
      return;
    }
    setLocating(true);
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false);
        const round = (v: number): number => Math.round(v * 1e6) / 1e6;
        setDraft({
          at: [round(pos.coords.longitude), round(pos.coords.latitude)],
          source: 'gps',
          accuracyM: Math.round(pos.coords.accuracy),
        });
      },
      (err) => {
        setLocating(false);
        setProblem(geoProblem(err.code));
      },
      { enableHighAccuracy: true, timeout: 20_000, maximumAge: 60_000 },
    );
  };

  if (pick) {
    return (
      <div className="vt-report-here vt-report-here--pick" role="status" data-testid="report-pick">
        <span>{t('pickHint')}</span>
        <button type="button" className="vt-button vt-button--quiet" onClick={() => setPick(false)}>
          {t('cancel')}
        </button>
      </div>
    );
  }
  return (
    <div className="vt-report-here">
      {problem && (
        <p className="vt-report-here__problem" role="alert">
          {t(`geo.${problem}`)}
        </p>
      )}
      <div className="vt-report-here__buttons">
        <button
          type="button"
          className="vt-button"
          onClick={locate}
          disabled={locating}
          data-testid="report-here"
        >
          {locating ? t('locating') : t('reportHere')}
        </button>
        <button
          type="button"
          className="vt-button vt-button--quiet"
          onClick={() => {
            setProblem(null);
            setPick(true);
          }}
          data-testid="report-pick-start"
        >
          {t('pickOnMap')}
        </button>
      </div>
    </div>
  );
}
