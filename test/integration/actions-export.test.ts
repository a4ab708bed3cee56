import assert from 'node:assert/strict';

import ExcelJS from 'exceljs';

import { startTestServer, type TestServer } from '../helpers/start-server';
import { actionOf, roleTokens, type TrackerRole } from '../helpers/tracker';

/** Parses RFC 4180 CSV (quoted fields with doubled quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      row.push(field);
      field = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else {
      field += ch;
    }
  }
  return rows;
}

describe('GET /api/actions/export', function () {
  this.timeout(60_000);
  let server: TestServer;
  let tokens: Record<TrackerRole, string>;

  async function download(query: string, role: TrackerRole) {
    const res = await fetch(`${server.url}/api/actions/export?${query}`, { headers: { authorization: `Bearer ${tokens[role]}` } });
    return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
  }

  async function csvRows(query: string, role: TrackerRole): Promise<Record<string, string>[]> {
    const res = await download(`format=csv&${query}`, role);
    assert.equal(res.status, 200, res.body.toString());
    const [header, ...rows] = parseCsv(res.body.toString('utf8').replace(/^\uFEFF/, ''));
    return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
  }

  before(async () => {
    server = await startTestServer();
    tokens = await roleTokens(server);
    const police = await actionOf(server, 'POLICE', (a) => a.status !== 'complete');
    const current = await server.request('GET', `/api/actions/${police.id}`, { token: tokens.agency_lead });
    const res = await server.request('PATCH', `/api/actions/${police.id}`, {
      token: tokens.agency_lead,
      body: {
        version: current.body.version,
        note: '=HYPERLINK("http://evil.example","click"), with "quotes"\nand a second line',
        evidence: { text: 'Police-only evidence: custody audit' },
      },
    });
    assert.equal(res.status, 200, res.text);
  });
  after(async () => {
    await server?.stop();
  });

  it('should export the same actions in the same order as the list, with the same filters', async () => {
    const list = await server.request('GET', '/api/actions?status=red,amber&limit=200', { token: tokens.board });
    const rows = await csvRows('status=red,amber', 'board');
    assert.deepEqual(rows.map((r) => Number(r['Action id'])), list.body.items.map((i: { id: number }) => i.id));
    assert.ok(rows.every((r) => ['Red', 'Amber'].includes(r.Status)));
  });

  it('should send CSV as an attachment with a byte-order mark', async () => {
    const res = await download('format=csv', 'business_unit');
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv/);
    assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="actions-\d{4}-\d{2}-\d{2}\.csv"$/);
    assert.deepEqual([...res.body.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  });

  it('should quote commas, quotes and line breaks and neutralise a formula in a note', async () => {
    const rows = await csvRows('agency=POLICE', 'business_unit');
    const noted = rows.find((r) => r['Progress note'].includes('HYPERLINK'));
    assert.ok(noted, 'the note is exported');
    assert.equal(noted['Progress note'], '\'=HYPERLINK("http://evil.example","click"), with "quotes"\nand a second line');
  });

  it("should leave another agency's private fields blank in an agency lead's export", async () => {
    const rows = await csvRows('', 'other_agency_lead');
    const police = rows.filter((r) => r['Lead agency'] === 'County Police');
    assert.ok(police.length > 0, 'other agencies are listed, as in the list');
    for (const r of police) {
      for (const col of ['Progress note', 'Evidence', 'Evidence links', 'Reason for revised date', 'Override reason', 'Signed off by']) {
        assert.equal(r[col], '', `${col} of action ${r['Action id']}`);
      }
    }
    const text = (await download('format=csv', 'other_agency_lead')).body.toString('utf8');
    assert.doesNotMatch(text, /Police-only evidence|HYPERLINK/);
  });

  it("should include the agency's own private fields in its lead's export", async () => {
    const rows = await csvRows('agency=POLICE', 'agency_lead');
    assert.ok(rows.some((r) => r.Evidence === 'Police-only evidence: custody audit'));
  });

  it('should export XLSX with a header row and the same rows as the CSV', async () => {
    const res = await download('format=xlsx&agency=POLICE', 'board');
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('Actions');
    assert.ok(ws);
    assert.equal(ws.getRow(1).getCell(1).value, 'Action id');
    const csv = await csvRows('agency=POLICE', 'board');
    assert.equal(ws.actualRowCount - 1, csv.length);
    const ids: number[] = [];
    ws.eachRow((row, n) => n > 1 && ids.push(Number(row.getCell(1).value)));
    assert.deepEqual(ids, csv.map((r) => Number(r['Action id'])));
    const cell = ws.getRow(ids.indexOf(Number(csv.find((r) => r['Progress note'].includes('HYPERLINK'))?.['Action id'])) + 2).getCell(17);
    assert.equal(typeof cell.value, 'string', 'a note is text, never a formula');
  });

  it('should record each export in the audit log without the search text', async () => {
    await download('format=csv&q=secret-search', 'board');
    const [row] = await server.db.query("SELECT detail_json FROM audit_log WHERE action = 'actions.exported' ORDER BY id DESC LIMIT 1");
    assert.ok(row);
    assert.doesNotMatch(row.detail_json, /secret-search/);
  });

  it('should answer 400 without a format or with an unknown one', async () => {
    assert.equal((await download('', 'board')).status, 400);
    assert.equal((await download('format=pdf', 'board')).status, 400);
  });
});
