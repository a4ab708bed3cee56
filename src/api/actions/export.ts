import ExcelJS from 'exceljs';

import type { ActionDetailDto } from '../../contracts/actions';

/** One column of the export: its heading and how to read it from an action. */
type Column = { header: string; width: number; value: (a: ActionDetailDto) => string | number };

const STATUS_LABEL: Record<string, string> = { red: 'Red', amber: 'Amber', green: 'Green', complete: 'Complete' };

const date = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

/**
 * The export's columns, in order. Private columns (notes, evidence, reasons, names of approvers)
 * are blank on rows the caller has no full view of: `toDetail` has already emptied them.
 */
export const EXPORT_COLUMNS: Column[] = [
  { header: 'Action id', width: 10, value: (a) => a.id },
  { header: 'Source type', width: 12, value: (a) => a.plan.sourceType },
  { header: 'Source reference', width: 16, value: (a) => a.plan.sourceRef },
  { header: 'Plan', width: 40, value: (a) => a.plan.title },
  { header: 'Recommendation', width: 50, value: (a) => a.recommendation.text },
  { header: 'Action', width: 50, value: (a) => a.description },
  { header: 'Lead agency', width: 24, value: (a) => a.leadAgency.name },
  { header: 'Owner', width: 20, value: (a) => a.owner?.name ?? '' },
  { header: 'Target date', width: 12, value: (a) => a.targetDate },
  { header: 'Revised target date', width: 12, value: (a) => a.revisedTargetDate ?? '' },
  { header: 'Reason for revised date', width: 30, value: (a) => a.revisedTargetReason ?? '' },
  { header: 'Status', width: 10, value: (a) => STATUS_LABEL[a.status] ?? a.status },
  { header: 'Rule says', width: 10, value: (a) => STATUS_LABEL[a.ruleStatus] ?? a.ruleStatus },
  { header: 'Override reason', width: 30, value: (a) => a.override?.reason ?? '' },
  { header: 'Overdue', width: 8, value: (a) => (a.overdue ? 'Yes' : 'No') },
  { header: 'Last progress', width: 12, value: (a) => date(a.lastProgressAt) },
  { header: 'Progress note', width: 40, value: (a) => a.progressNote ?? '' },
  { header: 'Evidence', width: 40, value: (a) => a.evidence.text ?? '' },
  { header: 'Evidence links', width: 40, value: (a) => a.evidence.links.join(' ') },
  { header: 'Completion proposed', width: 12, value: (a) => date(a.completionProposedAt) },
  { header: 'Signed off', width: 12, value: (a) => date(a.signedOffAt) },
  { header: 'Signed off by', width: 20, value: (a) => a.signedOffBy ?? '' },
];

/**
 * Makes a text cell safe to open in a spreadsheet: a leading `=`, `+`, `-`, `@`, tab or carriage
 * return would start a formula (CSV injection), so such text gets a leading apostrophe.
 */
export function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** @returns one CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF */
export function csvField(value: string | number): string {
  if (typeof value === 'number') {
    return String(value);
  }
  const text = neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** @returns the actions as CSV (UTF-8 with a byte-order mark for Excel, CRLF line ends) */
export function toCsv(actions: ActionDetailDto[]): Buffer {
  const lines = [EXPORT_COLUMNS.map((c) => csvField(c.header)).join(',')];
  for (const a of actions) {
    lines.push(EXPORT_COLUMNS.map((c) => csvField(c.value(a))).join(','));
  }
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

/** @returns the actions as an XLSX workbook (one sheet, header row frozen and filterable) */
export async function toXlsx(actions: ActionDetailDto[], title: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Safeguarding Learning';
  const ws = wb.addWorksheet('Actions', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  for (const a of actions) {
    // Values are plain strings and numbers: exceljs writes a formula only for `{ formula }` cells.
    ws.addRow(EXPORT_COLUMNS.map((c) => c.value(a)));
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: EXPORT_COLUMNS.length } };
  wb.title = title;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
