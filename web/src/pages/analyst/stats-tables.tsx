import type { ReactNode } from 'react';
import { TableScroll } from '../../components/table-scroll.tsx';
import { currentLang, useT } from '../../i18n.ts';
import {
  type Cell,
  dimensionName,
  formatNumber,
  type LayerTable,
  measureName,
  type ReportLayout,
  sortKeys,
  TOTAL,
  totalCell,
  valueLabel,
} from './stats-format.ts';
import type { PivotTable, Report } from './stats-types.ts';

/** One figure: hidden in open data ("x", said in words to screen readers), not available, or the number. */
export function NumberCell({ cell, measure }: { cell: Cell; measure: string }) {
  const t = useT();
  let content: ReactNode;
  if (cell.isSuppressed) {
    content = (
      <span className="stats-suppressed">
        <span aria-hidden="true">{t('analyst.suppression.mark')}</span>
        <span className="visually-hidden">{t('analyst.suppression.hidden')}</span>
      </span>
    );
  } else if (cell.value === null) {
    content = (
      <>
        <span aria-hidden="true">—</span>
        <span className="visually-hidden">{t('analyst.table.notAvailable')}</span>
      </>
    );
  } else {
    content = formatNumber(cell.value, measure, currentLang());
  }
  return <td className="numeric">{content}</td>;
}

/** A table in a scroll box (TableScroll): said to go on sideways, and scrollable from the keyboard, when it is wider. */
function ScrollingTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <TableScroll label={caption}>
      <table className="table stats-table">
        <caption className="stats-caption">{caption}</caption>
        {children}
      </table>
    </TableScroll>
  );
}

interface ReportTablesProps {
  report: Report;
  layout: ReportLayout;
  tables: LayerTable[];
  measures: string[];
}

/** The report as tables: per layer (year) and measure a cross table with its totals, or rows × measures. */
export function ReportTables({ report, layout, tables, measures }: ReportTablesProps) {
  const t = useT();
  const lang = currentLang();
  const layerName = (table: LayerTable) =>
    layout.layer && table.layer ? valueLabel(t, lang, layout.layer, table.layer) : '';
  if (tables.every((table) => table.rowKeys.length === 0)) return <p>{t('analyst.table.empty')}</p>;
  return (
    <>
      {tables.map((table) =>
        layout.columns ? (
          measures.map((measure) => (
            <CrossTable
              key={`${table.layer}-${measure}`}
              caption={t('analyst.table.crossCaption', {
                measure: measureName(t, measure),
                rows: dimensionName(t, layout.rows),
                columns: dimensionName(t, layout.columns ?? ''),
                layer: layerName(table) || t('analyst.table.allLayers'),
              })}
              layout={layout}
              table={table}
              measure={measure}
            />
          ))
        ) : (
          <MeasuresTable
            key={String(table.layer)}
            caption={
              layout.layer
                ? t('analyst.table.layerCaption', {
                    rows: dimensionName(t, layout.rows),
                    layer: layerName(table),
                  })
                : dimensionName(t, layout.rows)
            }
            layout={layout}
            table={table}
            measures={measures}
          />
        ),
      )}
      {layout.layer ? <OverallTotals report={report} measures={measures} /> : null}
    </>
  );
}

function CrossTable({
  caption,
  layout,
  table,
  measure,
}: {
  caption: string;
  layout: ReportLayout;
  table: LayerTable;
  measure: string;
}) {
  const t = useT();
  const lang = currentLang();
  const columns = layout.columns ?? 'year';
  return (
    <ScrollingTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{dimensionName(t, layout.rows)}</th>
          {table.columnKeys.map((column) => (
            <th key={column} scope="col" className="numeric">
              {valueLabel(t, lang, columns, column)}
            </th>
          ))}
          <th scope="col" className="numeric">
            {t('analyst.table.total')}
          </th>
        </tr>
      </thead>
      <tbody>
        {table.rowKeys.map((row) => (
          <tr key={row}>
            <th scope="row">{valueLabel(t, lang, layout.rows, row)}</th>
            {table.columnKeys.map((column) => (
              <NumberCell key={column} cell={table.cell(row, column, measure)} measure={measure} />
            ))}
            <NumberCell cell={table.cell(row, TOTAL, measure)} measure={measure} />
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('analyst.table.total')}</th>
          {table.columnKeys.map((column) => (
            <NumberCell key={column} cell={table.cell(TOTAL, column, measure)} measure={measure} />
          ))}
          <NumberCell cell={table.cell(TOTAL, TOTAL, measure)} measure={measure} />
        </tr>
      </tfoot>
    </ScrollingTable>
  );
}

function MeasuresTable({
  caption,
  layout,
  table,
  measures,
}: {
  caption: string;
  layout: ReportLayout;
  table: LayerTable;
  measures: string[];
}) {
  const t = useT();
  const lang = currentLang();
  return (
    <ScrollingTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{dimensionName(t, layout.rows)}</th>
          {measures.map((measure) => (
            <th key={measure} scope="col" className="numeric">
              {measureName(t, measure)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {table.rowKeys.map((row) => (
          <tr key={row}>
            <th scope="row">{valueLabel(t, lang, layout.rows, row)}</th>
            {measures.map((measure) => (
              <NumberCell key={measure} cell={table.cell(row, TOTAL, measure)} measure={measure} />
            ))}
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('analyst.table.total')}</th>
          {measures.map((measure) => (
            <NumberCell key={measure} cell={table.cell(TOTAL, TOTAL, measure)} measure={measure} />
          ))}
        </tr>
      </tfoot>
    </ScrollingTable>
  );
}

/** Over every layer (all selected years together). */
function OverallTotals({ report, measures }: { report: Report; measures: string[] }) {
  const t = useT();
  return (
    <ScrollingTable caption={t('analyst.table.overallCaption')}>
      <thead>
        <tr>
          <th scope="col">{t('analyst.table.measure')}</th>
          <th scope="col" className="numeric">
            {t('analyst.table.total')}
          </th>
        </tr>
      </thead>
      <tbody>
        {measures.map((measure) => (
          <tr key={measure}>
            <th scope="row">{measureName(t, measure)}</th>
            <NumberCell cell={totalCell(report, measure)} measure={measure} />
          </tr>
        ))}
      </tbody>
    </ScrollingTable>
  );
}

/** A pivot's answer: rows × columns (or one column) of one measure with row, column and grand totals. */
export function PivotResultTable({ pivot }: { pivot: PivotTable }) {
  const t = useT();
  const lang = currentLang();
  const hidden = pivot.suppressed;
  const cell = (value: number | null, isHidden: boolean | undefined): Cell => ({
    value,
    isSuppressed: value === null && isHidden === true,
  });
  const rowOrder = sortKeys(pivot.rowDimension, pivot.rowKeys).map((key) => pivot.rowKeys.indexOf(key));
  const columnOrder = pivot.columnDimension
    ? sortKeys(pivot.columnDimension, pivot.columnKeys).map((key) => pivot.columnKeys.indexOf(key))
    : [];
  const measure = pivot.measure;
  const caption = pivot.columnDimension
    ? t('analyst.pivot.captionTwo', {
        measure: measureName(t, measure),
        rows: dimensionName(t, pivot.rowDimension),
        columns: dimensionName(t, pivot.columnDimension),
      })
    : t('analyst.pivot.captionOne', {
        measure: measureName(t, measure),
        rows: dimensionName(t, pivot.rowDimension),
      });
  if (pivot.rowKeys.length === 0) return <p>{t('analyst.table.empty')}</p>;
  return (
    <ScrollingTable caption={caption}>
      <thead>
        <tr>
          <th scope="col">{dimensionName(t, pivot.rowDimension)}</th>
          {columnOrder.map((j) => (
            <th key={pivot.columnKeys[j]} scope="col" className="numeric">
              {valueLabel(t, lang, pivot.columnDimension ?? 'year', pivot.columnKeys[j] ?? '')}
            </th>
          ))}
          <th scope="col" className="numeric">
            {pivot.columnDimension ? t('analyst.table.total') : measureName(t, measure)}
          </th>
        </tr>
      </thead>
      <tbody>
        {rowOrder.map((i) => (
          <tr key={pivot.rowKeys[i]}>
            <th scope="row">{valueLabel(t, lang, pivot.rowDimension, pivot.rowKeys[i] ?? '')}</th>
            {columnOrder.map((j) => (
              <NumberCell
                key={pivot.columnKeys[j]}
                cell={cell(pivot.cells[i]?.[j] ?? null, hidden?.cells[i]?.[j])}
                measure={measure}
              />
            ))}
            <NumberCell cell={cell(pivot.rowTotals[i] ?? null, hidden?.rowTotals[i])} measure={measure} />
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row">{t('analyst.table.total')}</th>
          {columnOrder.map((j) => (
            <NumberCell
              key={pivot.columnKeys[j]}
              cell={cell(pivot.columnTotals[j] ?? null, hidden?.columnTotals[j])}
              measure={measure}
            />
          ))}
          <NumberCell cell={cell(pivot.grandTotal, hidden?.grandTotal)} measure={measure} />
        </tr>
      </tfoot>
    </ScrollingTable>
  );
}
