import { useEffect, useId, useRef, useState } from 'react';
import { encodeView } from '../../store/share/codec.ts';
import { appStorePort } from '../../store/share/appStorePort.ts';
import { planName } from '../../store/scenario/plan.ts';
import { scenarioStore } from '../../store/scenario/scenarioStore.ts';
import { appStore } from '../../store/store.ts';
import { usePlan, usePlanTranslation } from '../plan/usePlan.ts';
import '../../styles/print.css';
import './share.css';
import { ExportSection } from './ExportSection.tsx';
import { useShareTranslation } from './i18n.ts';
import { LinkNotice } from './LinkNotice.tsx';
import { PrintSheet, printPage } from './PrintSheet.tsx';
import { SnapshotSection } from './SnapshotSection.tsx';

/**
 * The link to the current view with the live scenario and the plan shown, built from the stores (not the
 * address bar, which may lag a map move): opened elsewhere, it shows the same numbers.
 */
function currentLink(): string {
  return `${location.origin}${location.pathname}${encodeView(appStorePort(appStore, scenarioStore).getView())}`;
}

/** What the link opens, in words: the plan, and whether the scenario's edits travel with it. */
function LinkPlan() {
  const { t } = usePlanTranslation();
  const { chosen, scenario } = usePlan();
  const edits = scenario?.kind === 'scenario' ? t('edits', { count: scenario.edits }) : '';
  const text = !scenario
    ? t('link.plain')
    : chosen.kind === 'scenario'
      ? t('link.scenario', { plan: planName(scenario, t), edits })
      : t('link.baseline', {
          name: scenario.kind === 'scenario' && scenario.name ? scenario.name : t('untitled'),
          edits,
        });
  return (
    <p className="vt-plan-note" data-testid="link-plan" data-plan={chosen.kind}>
      {text}
    </p>
  );
}

function LinkSection() {
  const { t } = useShareTranslation();
  const [link, setLink] = useState(currentLink);
  const [status, setStatus] = useState('');
  const field = useRef<HTMLInputElement>(null);

  async function copy() {
    const next = currentLink();
    setLink(next);
    try {
      await navigator.clipboard.writeText(next);
      setStatus(t('link.copied'));
    } catch {
      field.current?.select();
      setStatus(t('link.copyFailed'));
    }
  }

  return (
    <section className="vt-share__section" aria-labelledby="vt-share-link">
      <h3 id="vt-share-link">{t('link.heading')}</h3>
      <p>{t('link.hint')}</p>
      <LinkPlan />
      <label className="vt-share__field">
        <span className="vt-visually-hidden">{t('link.field')}</span>
        <input
          ref={field}
          type="text"
          readOnly
          value={link}
          data-testid="share-link"
          onFocus={(e) => e.target.select()}
        />
      </label>
      <button type="button" onClick={() => void copy()} data-testid="copy-link">
        {t('link.copy')}
      </button>
      <p className="vt-share__status" role="status" aria-live="polite">
        {status}
      </p>
    </section>
  );
}

/**
 * "Share" button for the header: opens a panel to copy a link to the view, save a PNG of the map,
 * export the filtered data and print. Also shows what an opened link could not restore.
 */
export function SharePanel() {
  const { t } = useShareTranslation();
  const [open, setOpen] = useState(false);
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

  return (
    <div className="vt-share">
      <button
        ref={button}
        type="button"
        className="vt-share__toggle"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
        data-testid="share-open"
      >
        {t('open')}
      </button>
      <div id={panelId} className="vt-share__panel" role="region" aria-label={t('heading')} hidden={!open}>
        {open && (
          <>
            <div className="vt-share__head">
              <h2>{t('heading')}</h2>
              <button type="button" onClick={() => setOpen(false)} aria-label={t('close')}>
                ×
              </button>
            </div>
            <LinkSection />
            <SnapshotSection />
            <ExportSection />
            <section className="vt-share__section">
              <button type="button" onClick={() => void printPage()} data-testid="print">
                {t('print.button')}
              </button>
              <p>{t('print.hint')}</p>
            </section>
          </>
        )}
      </div>
      <LinkNotice />
      <PrintSheet />
    </div>
  );
}
