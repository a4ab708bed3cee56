import type {
  ActionDetailDto,
  ActionFacetsDto,
  ActionGroupBy,
  ActionHistoryDto,
  ActionListDto,
  ActionPatchDto,
  ActionSort,
  ActionStatus,
} from '../../../src/contracts/actions';
import type { ApiClient } from './client';

/** The tracker's filters and order, as the page keeps them. */
export type TrackerQuery = {
  agency: string;
  statuses: ActionStatus[];
  overdue: boolean;
  q: string;
  sort: ActionSort;
  groupBy: ActionGroupBy;
};

/** @returns the query string of `GET /api/actions` (and the export) for the filters */
export function queryString(query: TrackerQuery, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (query.agency) {
    params.set('agency', query.agency);
  }
  if (query.statuses.length) {
    params.set('status', query.statuses.join(','));
  }
  if (query.overdue) {
    params.set('overdue', 'true');
  }
  if (query.q.trim()) {
    params.set('q', query.q.trim());
  }
  params.set('sort', query.sort);
  params.set('groupBy', query.groupBy);
  for (const [k, v] of Object.entries(extra)) {
    params.set(k, v);
  }
  return params.toString();
}

/** Typed calls of the tracker's REST API. */
export class TrackerApi {
  constructor(private readonly api: ApiClient) {}

  list(query: TrackerQuery, cursor?: string | null, limit = 50): Promise<ActionListDto> {
    const extra: Record<string, string> = { limit: String(limit) };
    if (cursor) {
      extra.cursor = cursor;
    }
    return this.api.request<ActionListDto>('GET', `/api/actions?${queryString(query, extra)}`);
  }

  facets(): Promise<ActionFacetsDto> {
    return this.api.request<ActionFacetsDto>('GET', '/api/actions/facets');
  }

  get(id: number): Promise<ActionDetailDto> {
    return this.api.request<ActionDetailDto>('GET', `/api/actions/${id}`);
  }

  history(id: number): Promise<ActionHistoryDto> {
    return this.api.request<ActionHistoryDto>('GET', `/api/actions/${id}/history`);
  }

  update(id: number, patch: ActionPatchDto): Promise<ActionDetailDto> {
    return this.api.request<ActionDetailDto>('PATCH', `/api/actions/${id}`, patch);
  }

  /** Downloads the filtered list as a file (the token goes in a header, so not a plain link). */
  async download(query: TrackerQuery, format: 'csv' | 'xlsx'): Promise<void> {
    const blob = await this.api.download(`/api/actions/export?${queryString(query, { format })}`);
    const url = URL.createObjectURL(blob);
    const a = document.createElement('a');
    a.href = url;
    a.download = `actions.${format}`;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
