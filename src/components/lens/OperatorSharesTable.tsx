import type { ReactNode } from 'react';
import { useFormat } from '../useFormat.ts';
import { useLensTranslation } from './i18n.ts';

interface OperatorShare {
  operator: string;
  mbbShare: number;
  fibreShare: number;
}

/**
 * Each operator's 4G/5G and fibre shares, one row per operator; `extra` adds one more numeric column
 * (its header and each row's cell), as the area roll-up does with hamlets with 4G/5G.
 */
export function OperatorSharesTable<R extends OperatorShare>({
  rows,
  className,
  caption,
  extra,
}: {
  rows: readonly R[];
  className: string;
  caption?: string;
  extra?: { header: string; cell: (row: R) => ReactNode };
}) {
  const { t } = useLensTranslation();
  const fmt = useFormat();
  return (
    <table className={`vt-kv-table ${className}`}>
      {caption ? <caption>{caption}</caption> : null}
      <thead>
        <tr>
          <th scope="col">{t('details.operator')}</th>
          <th scope="col" className="vt-num">
            {t('details.mbb')}
          </th>
          <th scope="col" className="vt-num">
            {t('details.fibre')}
          </th>
          {extra ? (
            <th scope="col" className="vt-num">
              {extra.header}
            </th>
          ) : null}
        </tr>
      </thead>
      <tbody>
        {rows.map((o) => (
          <tr key={o.operator} data-operator={o.operator}>
            <th scope="row">{o.operator}</th>
            <td className="vt-num">{fmt.percent(o.mbbShare)}</td>
            <td className="vt-num">{fmt.percent(o.fibreShare)}</td>
            {extra ? <td className="vt-num">{extra.cell(o)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
