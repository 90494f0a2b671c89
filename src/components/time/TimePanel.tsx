import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import { changesCsv, type AreaChange, type HamletChange } from '../../analysis/versionCompare.ts';
import { legendText } from '../../map/legend.ts';
import { monthLabel } from '../../map/versionChanges.ts';
import { LegendSwatch, useLegend } from '../Legend.tsx';
import { deleteVersion, saveVersion, type SaveProblem } from '../../store/versions/versionDb.ts';
import {
  allVersions,
  versionStore,
  type ComparisonView,
  type VersionMeta,
} from '../../store/versions/versionStore.ts';
import { appStore, effectiveSettings, useApp } from '../../store/store.ts';
import { downloadBlob } from '../share/download.ts';
import { useFormat } from '../useFormat.ts';
import { areaOf, hamletsIn, subAreas } from './areaPick.ts';
import { ProgressChart, type ProgressRow } from './ProgressChart.tsx';
import { SortTable, type SortColumn } from './SortTable.tsx';

/** Changed hamlets listed at most; the CSV holds them all. */
const HAMLET_ROWS = 300;

/**
 * Progress over time (DATA-MODEL §16): save the data as a dated version, compare two versions (summary, the
 * areas one level down and the changed hamlets, sortable and exportable) and the area's progress against
 * the targets. Opening it starts the versions' analyses (in their own worker).
 */
export function TimePanel() {
  const { t } = useTranslation();
  const fmt = useFormat();
  const v = useStore(
    versionStore,
    useShallow((s) => ({
      builtIn: s.builtIn,
      saved: s.saved,
      compare: s.compare,
      showOnMap: s.showOnMap,
      comparison: s.comparison,
      progress: s.progress,
      comparing: s.comparing,
      measuring: s.measuring,
      problem: s.problem,
    })),
  );
  const app = useApp(
    useShallow((s) => ({
      area: s.area,
      provinceName: s.admin.province?.features[0]?.properties.name as string | undefined,
      hasData: s.input !== null,
      targets: effectiveSettings(s).targets,
    })),
  );
  useEffect(() => versionStore.getState().activate(), []);
  const all = useMemo(() => allVersions(v), [v]);
  // The engine does not know the province's name; the boundary file does.
  const shownName = (a: { level: string; name: string }): string =>
    a.level === 'province' ? (app.provinceName ?? t('area.province')) : a.name;
  const nameOf = (x: VersionMeta): string =>
    `${monthLabel(x.date)}${x.label ? ` — ${x.label}` : ''}${x.builtIn ? ` (${t('time.sample')})` : ''}`;

  return (
    <section className="vt-time" aria-labelledby="vt-time-title" data-testid="time-panel">
      <h2 id="vt-time-title" className="vt-panel__title">
        {t('time.title')}
      </h2>
      <SaveForm disabled={!app.hasData} builtIn={v.builtIn} />
      <VersionList versions={all} nameOf={nameOf} compare={v.compare} />
      <ComparePicker
        key={v.compare ? `${v.compare.before}|${v.compare.after}` : ''}
        versions={all}
        nameOf={nameOf}
      />
      {v.compare && (
        <label className="vt-check">
          <input
            type="checkbox"
            checked={v.showOnMap}
            onChange={(e) => versionStore.getState().setShowOnMap(e.target.checked)}
            data-testid="time-show-on-map"
          />
          {t('time.showOnMap')}
        </label>
      )}
      <ChangeKey />
      <div role="status" aria-live="polite" className="vt-muted" data-testid="time-status">
        {v.comparing ? t('time.comparing', v.comparing) : ''}
        {v.measuring ? ` ${t('time.measuring', v.measuring)}` : ''}
      </div>
      {v.problem && (
        <p className="vt-error" role="alert" data-testid="time-problem">
          {v.problem.kind === 'differentHamlets'
            ? t('time.problem.differentHamlets', {
                before: v.problem.onlyBefore.length,
                after: v.problem.onlyAfter.length,
                few: [...v.problem.onlyBefore, ...v.problem.onlyAfter].slice(0, 4).join(', '),
              })
            : v.problem.kind === 'missing'
              ? t('time.problem.missing', { id: v.problem.id })
              : t('time.problem.failed', { message: v.problem.message })}
        </p>
      )}
      {v.comparison && (
        <Comparison
          comparison={v.comparison}
          shownName={shownName}
          dates={[
            all.find((x) => x.id === v.comparison?.pair.before),
            all.find((x) => x.id === v.comparison?.pair.after),
          ]}
        />
      )}
      {v.progress &&
        (() => {
          const first = v.progress.versions[0];
          const area = first ? areaOf(first.shares, app.area) : undefined;
          if (!area) return null;
          const rows: ProgressRow[] = [];
          for (const x of v.progress.versions) {
            const shares = x.shares.find((s) => s.level === area.level && s.code === area.code);
            if (shares) rows.push({ id: x.id, date: x.date, label: x.label, shares });
          }
          return (
            <section aria-labelledby="vt-time-progress">
              <h3 id="vt-time-progress" className="vt-time__h">
                {t('time.progressTitle', { name: shownName(area) })}
              </h3>
              {rows.length < 2 && <p className="vt-muted">{t('time.progressFew')}</p>}
              <ProgressChart name={shownName(area)} rows={rows} targets={app.targets} fmt={fmt} />
            </section>
          );
        })()}
    </section>
  );
}

function Comparison({
  comparison,
  shownName,
  dates,
}: {
  comparison: ComparisonView;
  shownName: (a: AreaChange) => string;
  dates: [VersionMeta | undefined, VersionMeta | undefined];
}) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const app = useApp(useShallow((s) => ({ area: s.area, setArea: s.setArea, selectHamlet: s.selectHamlet })));
  const area = areaOf(comparison.areas, app.area);
  const areas = useMemo(() => (area ? subAreas(comparison.areas, area) : []), [area, comparison.areas]);
  const hamlets = useMemo(
    () => (area ? hamletsIn(comparison.hamlets, area) : []),
    [area, comparison.hamlets],
  );
  if (!area) return null;
  const before = dates[0] ? monthLabel(dates[0].date) : '';
  const after = dates[1] ? monthLabel(dates[1].date) : '';
  const gained = hamlets.filter((h) => h.change === 'gained').length;
  const areaColumns: SortColumn<AreaChange>[] = [
    {
      key: 'name',
      label: t('time.col.area'),
      sortValue: (a) => a.name,
      cell: (a) => (
        <button
          type="button"
          className="vt-link"
          onClick={() => app.setArea({ level: a.level, code: a.code })}
        >
          {a.name}
        </button>
      ),
    },
    {
      key: 'improved',
      label: t('time.col.improved'),
      numeric: true,
      sortValue: (a) => a.hamletsImproved,
      cell: (a) => fmt.integer(a.hamletsImproved),
    },
    {
      key: 'worsened',
      label: t('time.col.worsened'),
      numeric: true,
      sortValue: (a) => a.hamletsWorsened,
      cell: (a) => fmt.integer(a.hamletsWorsened),
    },
    {
      key: 'newly',
      label: t('time.col.newly'),
      numeric: true,
      sortValue: (a) => a.newlyCoveredHouseholds,
      cell: (a) => fmt.integer(a.newlyCoveredHouseholds),
    },
    {
      key: 'lost',
      label: t('time.col.lost'),
      numeric: true,
      sortValue: (a) => a.lostHouseholds,
      cell: (a) => fmt.integer(a.lostHouseholds),
    },
    {
      key: 'closed',
      label: t('time.col.closed'),
      numeric: true,
      sortValue: (a) => a.gapAreaClosedM2,
      cell: (a) => fmt.area(a.gapAreaClosedM2),
    },
  ];
  const hamletColumns: SortColumn<HamletChange>[] = [
    {
      key: 'name',
      label: t('time.col.hamlet'),
      sortValue: (h) => h.name,
      cell: (h) => (
        <button
          type="button"
          className="vt-link"
          data-change={h.change}
          onClick={() => app.selectHamlet(h.id, 'app')}
        >
          {h.name}
        </button>
      ),
    },
    { key: 'commune', label: t('time.col.commune'), sortValue: (h) => h.commune, cell: (h) => h.commune },
    {
      key: 'status',
      label: t('time.col.status'),
      sortValue: (h) => `${h.change}${h.statusBefore}${h.statusAfter}`,
      cell: (h) => (
        <span className={`vt-time__change is-${h.change}`}>
          {t(`status.${h.statusBefore}`)} → {t(`status.${h.statusAfter}`)}
        </span>
      ),
    },
    {
      key: 'newly',
      label: t('time.col.newlyShort'),
      numeric: true,
      sortValue: (h) => h.newlyCoveredHouseholds,
      cell: (h) => fmt.integer(h.newlyCoveredHouseholds),
    },
    {
      key: 'lost',
      label: t('time.col.lostShort'),
      numeric: true,
      sortValue: (h) => h.lostHouseholds,
      cell: (h) => fmt.integer(h.lostHouseholds),
    },
    {
      key: 'cause',
      label: t('time.col.cause'),
      sortValue: (h) => h.causes.map((c) => c.cause).join(','),
      cell: (h) => h.causes.map((c) => t(`time.cause.${c.cause}`)).join(', '),
    },
  ];
  return (
    <section aria-labelledby="vt-time-compare" data-testid="time-comparison">
      <h3 id="vt-time-compare" className="vt-time__h">
        {t('time.compareTitle', { name: shownName(area), before, after })}
      </h3>
      <p data-testid="time-summary">
        {t('time.summary', {
          gained: fmt.integer(gained),
          lost: fmt.integer(hamlets.length - gained),
          newly: fmt.integer(area.newlyCoveredHouseholds),
          lostHh: fmt.integer(area.lostHouseholds),
          closed: fmt.area(area.gapAreaClosedM2),
        })}
      </p>
      {comparison.settingsDiffer.length > 0 && (
        <p className="vt-muted" data-testid="time-settings-differ">
          {t('time.settingsDiffer', { keys: comparison.settingsDiffer.join(', ') })}
        </p>
      )}
      {!comparison.causesKnown && <p className="vt-muted">{t('time.causesUnknown')}</p>}
      {areas.length > 0 && (
        <SortTable
          rows={areas}
          columns={areaColumns}
          rowKey={(a) => `${a.level}:${a.parentCode ?? ''}:${a.code}`}
          caption={t('time.areasCaption', { name: shownName(area) })}
          initial={{ key: 'newly', dir: 'desc' }}
          testId="time-areas"
        />
      )}
      <div className="vt-time__row">
        <h4 className="vt-time__h">{t('time.changedHamlets', { count: hamlets.length })}</h4>
        <button
          type="button"
          disabled={hamlets.length === 0}
          data-testid="time-export"
          onClick={() =>
            downloadBlob(
              `vungtrang-thay-doi-${dates[0]?.date ?? ''}-${dates[1]?.date ?? ''}.csv`,
              new Blob([changesCsv(hamlets)], { type: 'text/csv;charset=utf-8' }),
            )
          }
        >
          {t('time.exportCsv')}
        </button>
      </div>
      {hamlets.length > 0 && (
        <SortTable
          rows={hamlets}
          columns={hamletColumns}
          rowKey={(h) => h.id}
          caption={t('time.changedHamlets', { count: hamlets.length })}
          initial={{ key: 'newly', dir: 'desc' }}
          limit={HAMLET_ROWS}
          more={(n) => t('time.moreRows', { count: n })}
          testId="time-hamlets"
        />
      )}
    </section>
  );
}

function SaveForm({ disabled, builtIn }: { disabled: boolean; builtIn: VersionMeta[] }) {
  const { t } = useTranslation();
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 7));
  const [label, setLabel] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const problemText = (p: SaveProblem): string => t(`time.saveProblem.${p}`, { date: monthLabel(date) });
  const save = async (): Promise<void> => {
    const r = await saveVersion(appStore.getState(), date, label, builtIn).catch((e: unknown) => ({
      error: e instanceof Error ? e.message : String(e),
    }));
    if ('saved' in r) {
      versionStore.getState().setSaved(r.saved);
      setLabel('');
      setMessage({ ok: true, text: t('time.savedVersion', { date: monthLabel(date) }) });
    } else if ('problem' in r) setMessage({ ok: false, text: problemText(r.problem) });
    else setMessage({ ok: false, text: t('time.problem.failed', { message: r.error }) });
  };
  return (
    <form
      className="vt-fieldset vt-time__save"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <label>
        {t('time.date')}
        <input
          type="month"
          required
          min="1990-01"
          max="2100-12"
          value={date}
          onChange={(e) => setDate(e.target.value)}
          data-testid="time-date"
        />
      </label>
      <label>
        {t('time.label')}
        <input
          type="text"
          maxLength={200}
          value={label}
          onChange={(e) => setLabel(e.target.value)}
          data-testid="time-label"
        />
      </label>
      <button type="submit" disabled={disabled} data-testid="time-save">
        {t('time.save')}
      </button>
      {message && (
        <p role="status" className={message.ok ? 'vt-muted' : 'vt-error'}>
          {message.text}
        </p>
      )}
    </form>
  );
}

function VersionList({
  versions,
  nameOf,
  compare,
}: {
  versions: VersionMeta[];
  nameOf: (v: VersionMeta) => string;
  compare: { before: string; after: string } | null;
}) {
  const { t } = useTranslation();
  const remove = async (id: string): Promise<void> => {
    const saved = await deleteVersion(id);
    const s = versionStore.getState();
    if (compare && (compare.before === id || compare.after === id)) s.setCompare(null);
    s.setSaved(saved);
  };
  return (
    <details className="vt-time__versions" open={versions.some((x) => !x.builtIn)}>
      <summary>{t('time.versions', { count: versions.length })}</summary>
      <ul data-testid="time-versions">
        {versions.map((x) => (
          <li key={x.id}>
            {nameOf(x)}
            {!x.builtIn && (
              <button
                type="button"
                className="vt-link"
                aria-label={t('time.deleteVersion', { name: nameOf(x) })}
                onClick={() => void remove(x.id)}
              >
                {t('time.delete')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </details>
  );
}

function ComparePicker({
  versions,
  nameOf,
}: {
  versions: VersionMeta[];
  nameOf: (v: VersionMeta) => string;
}) {
  const { t } = useTranslation();
  const compare = useStore(versionStore, (s) => s.compare);
  const sorted = useMemo(
    () => [...versions].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)),
    [versions],
  );
  const last = sorted[sorted.length - 1];
  const prev = last && [...sorted].reverse().find((x) => x.group === last.group && x.date < last.date);
  // The user's picks; until then the compared pair, else the last version and the one before it.
  const [choice, setChoice] = useState<{ before?: string; after?: string }>({});
  const before = choice.before ?? compare?.before ?? prev?.id ?? '';
  const after = choice.after ?? compare?.after ?? last?.id ?? '';
  const setBefore = (id: string): void => setChoice((c) => ({ ...c, before: id }));
  const setAfter = (id: string): void => setChoice((c) => ({ ...c, after: id }));
  const pick = (value: string, set: (id: string) => void, label: string, testId: string) => (
    <label>
      {label}
      <select value={value} onChange={(e) => set(e.target.value)} data-testid={testId}>
        {sorted.map((x) => (
          <option key={x.id} value={x.id}>
            {nameOf(x)}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <fieldset className="vt-fieldset vt-time__pick">
      <legend>{t('time.compare')}</legend>
      {pick(before, setBefore, t('time.before'), 'time-before')}
      {pick(after, setAfter, t('time.after'), 'time-after')}
      <div className="vt-time__row">
        <button
          type="button"
          disabled={!before || !after || before === after}
          onClick={() => versionStore.getState().setCompare({ before, after })}
          data-testid="time-compare"
        >
          {t('time.compareButton')}
        </button>
        {compare && (
          <button
            type="button"
            onClick={() => versionStore.getState().setCompare(null)}
            data-testid="time-clear"
          >
            {t('time.clear')}
          </button>
        )}
      </div>
    </fieldset>
  );
}

/** The time view's tab label, in the UI's language. */
export function TimeTabLabel() {
  const { t } = useTranslation();
  return <>{t('tabs.time')}</>;
}

/** The map's key for the compared versions: the legend's own entries (src/map/legend.ts) for them. */
function ChangeKey() {
  const { t } = useTranslation();
  const entries = useLegend().entries.filter((e) => e.id.startsWith('changes-'));
  if (entries.length === 0) return null;
  return (
    <ul className="vt-legend__list" data-testid="time-key">
      {entries.map((e) => (
        <li key={e.id} className="vt-legend__item" data-colour={e.colour} data-entry={e.id}>
          <LegendSwatch symbol={e.symbol} />
          <span>{legendText(e.label, (k, p) => t(k, p))}</span>
        </li>
      ))}
    </ul>
  );
}
