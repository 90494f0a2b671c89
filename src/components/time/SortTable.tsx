import { useMemo, useState, type ReactNode } from 'react';

/** A column of a sortable table: its header, cell and the value it sorts by. */
export interface SortColumn<R> {
  key: string;
  label: string;
  cell: (row: R) => ReactNode;
  sortValue: (row: R) => number | string;
  numeric?: boolean;
}

const collator = new Intl.Collator('vi');

/**
 * A table whose headers sort it (a second click reverses), announcing the order through `aria-sort`.
 * Shows at most `limit` rows; `more` words how many are left out.
 */
export function SortTable<R>({
  rows,
  columns,
  rowKey,
  caption,
  initial,
  limit = Infinity,
  more,
  testId,
}: {
  rows: readonly R[];
  columns: SortColumn<R>[];
  rowKey: (row: R) => string;
  caption: string;
  initial: { key: string; dir: 'asc' | 'desc' };
  limit?: number;
  more?: (hidden: number) => string;
  testId?: string;
}) {
  const [sort, setSort] = useState(initial);
  const sorted = useMemo(() => {
    const col = columns.find((c) => c.key === sort.key) ?? columns[0];
    if (!col) return [...rows];
    const sign = sort.dir === 'asc' ? 1 : -1;
    return [...rows].sort((a, b) => {
      const x = col.sortValue(a);
      const y = col.sortValue(b);
      const d =
        typeof x === 'number' && typeof y === 'number' ? x - y : collator.compare(String(x), String(y));
      return sign * d;
    });
  }, [rows, columns, sort]);
  const shown = sorted.slice(0, limit);
  return (
    <div className="vt-time__table-wrap">
      <table className="vt-time__table" data-testid={testId}>
        <caption className="vt-visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const on = c.key === sort.key;
              return (
                <th
                  key={c.key}
                  scope="col"
                  aria-sort={on ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
                  className={c.numeric ? 'is-num' : undefined}
                >
                  <button
                    type="button"
                    className="vt-time__sort"
                    onClick={() =>
                      setSort(
                        on
                          ? { key: c.key, dir: sort.dir === 'asc' ? 'desc' : 'asc' }
                          : { key: c.key, dir: c.numeric ? 'desc' : 'asc' },
                      )
                    }
                  >
                    {c.label}
                    <span aria-hidden="true">{on ? (sort.dir === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                  </button>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {shown.map((r) => (
            <tr key={rowKey(r)}>
              {columns.map((c) => (
                <td key={c.key} className={c.numeric ? 'is-num' : undefined}>
                  {c.cell(r)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {sorted.length > shown.length && more && (
        <p className="vt-muted">{more(sorted.length - shown.length)}</p>
      )}
    </div>
  );
}
