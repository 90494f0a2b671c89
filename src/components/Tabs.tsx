import { useId, type ReactNode } from 'react';

export interface Tab<K extends string> {
  key: K;
  /** Text, or a component that translates itself (a tab added through App's slots). */
  label: ReactNode;
  content: ReactNode;
}

/** WAI-ARIA tabs: ←/→ move between tabs, only the active panel is rendered. */
export function Tabs<K extends string>({
  tabs,
  active,
  onChange,
  label,
}: {
  tabs: Tab<K>[];
  active: K;
  onChange: (key: K) => void;
  label: string;
}) {
  const id = useId();
  const current = tabs.find((t) => t.key === active) ?? tabs[0];
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const i = tabs.findIndex((t) => t.key === active);
    const next = tabs[(i + (e.key === 'ArrowRight' ? 1 : tabs.length - 1)) % tabs.length];
    if (next) {
      onChange(next.key);
      document.getElementById(`${id}-tab-${next.key}`)?.focus();
    }
  };
  return (
    <div className="vt-tabs">
      <div role="tablist" aria-label={label} className="vt-tabs__list" onKeyDown={onKeyDown}>
        {tabs.map((t) => (
          <button
            key={t.key}
            id={`${id}-tab-${t.key}`}
            type="button"
            role="tab"
            aria-selected={t.key === active}
            aria-controls={`${id}-panel`}
            tabIndex={t.key === active ? 0 : -1}
            onClick={() => onChange(t.key)}
            data-tab={t.key}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel`}
        aria-labelledby={`${id}-tab-${current?.key}`}
        className="vt-tabs__panel"
        tabIndex={0}
      >
        {current?.content}
      </div>
    </div>
  );
}
