import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { Header } from './components/Header.tsx';
import { DataNote } from './components/import/DataNote.tsx';
import { LayerPanel } from './components/LayerPanel.tsx';
import { MapLegend } from './components/Legend.tsx';
import { MapView } from './components/MapView.tsx';
import { ChallengePanel } from './components/measured/ChallengePanel.tsx';
import { MobileNav } from './components/MobileNav.tsx';
import { AnalysisStatus } from './components/panels/AnalysisStatus.tsx';
import { AreaSummary } from './components/panels/AreaSummary.tsx';
import { DataStatus } from './components/panels/DataStatus.tsx';
import { HamletDetails } from './components/panels/HamletDetails.tsx';
import { SettingsPanel } from './components/panels/SettingsPanel.tsx';
import { RankingPanel } from './components/ranking/RankingPanel.tsx';
import { ScenarioModeBanner } from './components/scenario/ModeBanner.tsx';
import { ScenarioPanel } from './components/scenario/ScenarioPanel.tsx';
import { onScenarioMapReady } from './components/scenario/scenarioMap.ts';
import { Tabs, type Tab } from './components/Tabs.tsx';
import { useApp } from './store/store.ts';

export interface AppSlots {
  /** Header toolbar (Share, Data import…). */
  toolbar?: ReactNode;
  /** Extra tabs after Layers and Settings in the left panel (e.g. scenarios). */
  leftTabs?: Tab<string>[];
  /** Rendered once at the end of the app: portals, drop overlays, dialogs. */
  overlays?: ReactNode;
  /** Controls over the map (e.g. "Report here"). */
  mapTools?: ReactNode;
}

/**
 * Layout only: header, layers/settings on the left, the map, the ranked list with details or the area
 * roll-up on the right. On a phone one of map / list / layers shows at a time. Other features plug into
 * the slots from main.tsx, so they need not edit this file.
 */
export function App({ toolbar, leftTabs = [], overlays, mapTools }: AppSlots) {
  const { t, i18n } = useTranslation();
  const ui = useApp(
    useShallow((s) => ({
      lang: s.lang,
      leftOpen: s.leftOpen,
      rightOpen: s.rightOpen,
      leftTab: s.leftTab,
      rightTab: s.rightTab,
      mobilePane: s.mobilePane,
      setLeftTab: s.setLeftTab,
      setRightTab: s.setRightTab,
    })),
  );
  useEffect(() => {
    if (i18n.language !== ui.lang) void i18n.changeLanguage(ui.lang);
    document.documentElement.lang = ui.lang;
    document.title = i18n.getFixedT(ui.lang)('app.documentTitle');
  }, [i18n, ui.lang]);

  return (
    <div
      className={`vt-app${ui.leftOpen ? '' : ' is-left-closed'}${ui.rightOpen ? '' : ' is-right-closed'}`}
      data-mobile-pane={ui.mobilePane}
    >
      <Header toolbar={toolbar} />
      <main className="vt-main">
        <aside id="vt-left" className="vt-left" aria-label={t('layers.title')}>
          <Tabs
            label={t('layers.title')}
            active={ui.leftTab}
            onChange={ui.setLeftTab}
            tabs={[
              { key: 'layers', label: t('tabs.layers'), content: <LayerPanel /> },
              { key: 'settings', label: t('tabs.settings'), content: <SettingsPanel /> },
              { key: 'challenges', label: t('tabs.challenges'), content: <ChallengePanel /> },
              ...leftTabs,
            ]}
          />
          <AnalysisStatus />
          <ScenarioPanel />
          <DataNote />
        </aside>
        <div className="vt-center">
          <MapView onReady={onScenarioMapReady} />
          <ScenarioModeBanner />
          <DataStatus />
          {!ui.leftOpen && <MapLegend />}
          {mapTools}
        </div>
        <aside id="vt-right" className="vt-right" aria-label={t('ranking.title')}>
          <RankingPanel />
          <div id="vt-details-tabs" className="vt-right__tabs">
            <Tabs
              label={t('tabs.details')}
              active={ui.rightTab}
              onChange={ui.setRightTab}
              tabs={[
                { key: 'details', label: t('tabs.details'), content: <HamletDetails /> },
                { key: 'area', label: t('tabs.area'), content: <AreaSummary /> },
              ]}
            />
          </div>
        </aside>
      </main>
      <MobileNav />
      {overlays}
    </div>
  );
}
