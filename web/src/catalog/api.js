// The catalog API (/api/v1/catalog) in one place. Responses of the endpoints still being built in parallel
// (search, import/export, lists) are mapped here, so that a change of their naming touches only this file.
import { api, download, query } from '../api'

const BASE = '/api/v1/catalog'

/**
 * Whether a failure of the search, import/export or list endpoints means the platform does not offer them
 * (yet): the pages then say so instead of showing a bare 404.
 */
export function notAvailable(problem) {
  return problem?.status === 404 || problem?.status === 405
}

export const catalog = {
  vocabulary: () => api.get(`${BASE}/vocabulary`),
  policy: () => api.get('/api/v1/policy'),
  departments: (regionId) => api.get('/api/v1/departments' + query({ regionId })),

  entries: (departmentId) => api.get(`${BASE}/entries` + query({ departmentId })),
  reviewQueue: () => api.get(`${BASE}/review-queue`),
  entry: (id) => api.get(`${BASE}/entries/${id}`),
  create: (content, parentCode, changeNote) => api.post(`${BASE}/entries`, { content, parentCode, changeNote }),
  update: (id, content, parentCode, changeNote, revision) =>
    api.put(`${BASE}/entries/${id}`, { content, parentCode, changeNote, revision }),
  submit: (id, revision) => api.post(`${BASE}/entries/${id}/submit`, { revision }),
  withdraw: (id) => api.post(`${BASE}/entries/${id}/withdraw`),
  returnForChanges: (id, comment) => api.post(`${BASE}/entries/${id}/return`, { comment }),
  publish: (id, consentToLocalEntry = false) => api.post(`${BASE}/entries/${id}/publish`, { consentToLocalEntry }),
  retire: (id, reason) => api.post(`${BASE}/entries/${id}/retire`, { reason }),
  versions: (id) => api.get(`${BASE}/entries/${id}/versions`),
  version: (id, n) => api.get(`${BASE}/entries/${id}/versions/${n}`),
  diff: (id, from, to) => api.get(`${BASE}/entries/${id}/diff` + query({ from, to })),

  leads: () => api.get(`${BASE}/leads`),
  designateLead: (subjectCode, departmentId) => api.put(`${BASE}/leads/${subjectCode}`, { departmentId }),
  duplicates: (status) => api.get(`${BASE}/duplicates` + query({ status })),
  designateCollector: (id, collectingDepartmentId, note) =>
    api.post(`${BASE}/duplicates/${id}/designate`, { collectingDepartmentId, note }),
  dismissDuplicate: (id, comment) => api.post(`${BASE}/duplicates/${id}/dismiss`, { comment }),
  obligations: (departmentId, openOnly) => api.get(`${BASE}/obligations` + query({ departmentId, openOnly })),
  recordObligation: (obligation) => api.post(`${BASE}/obligations`, obligation),

  // --- built in parallel: search, spreadsheet import/export, open and share lists -------------------------

  /** Full-text search of the published catalog; criteria.page counts from 1; facets and hits mapped to the console's names. */
  async search(criteria) {
    const page = (criteria.page || 1) - 1 + SEARCH_FIRST_PAGE
    const answer = await api.get(`${BASE}/search` + query({ ...criteria, page }))
    return mapSearch(answer)
  },

  /** Imports an .xlsx workbook; with submit the imported entries are also submitted for review. */
  async importWorkbook(file, submit) {
    const form = new FormData()
    form.append('file', file)
    const answer = await api.upload(`${BASE}/import` + query({ submit: submit ? 'true' : undefined }), form)
    return mapImport(answer)
  },
  template: () => download(`${BASE}/template.xlsx`, 'catalog-template.xlsx'),
  /** Exports the entries named by ids, or a department's entries, or the published catalog. */
  exportWorkbook: ({ ids, departmentId, published } = {}) =>
    download(`${BASE}/export.xlsx` + query({ ids: ids?.length ? ids.join(',') : undefined, departmentId,
      published: published ? 'true' : undefined }), 'catalog-export.xlsx'),

  /** kind: 'open' or 'share'. */
  async list(kind, type) {
    return mapList(await api.get(`${BASE}/lists/${kind}` + query({ type })))
  },
  listCsv: (kind, type) => download(`${BASE}/lists/${kind}` + query({ type, format: 'csv' }), `${kind}-list-${type}.csv`)
}

/** The number of the search's first page (0 like the audit search). */
const SEARCH_FIRST_PAGE = 0

/** The facets the search page shows, in order; key = query parameter, field = the answer's facet name. */
export const FACETS = [
  { key: 'departmentId', field: 'department' },
  { key: 'category', field: 'category' },
  { key: 'subject', field: 'subject' },
  { key: 'shareType', field: 'shareType' },
  { key: 'openType', field: 'openType' },
  { key: 'format', field: 'format' },
  { key: 'updateCycle', field: 'updateCycle' }
]

function mapSearch(answer) {
  const facets = {}
  FACETS.forEach(({ key, field }) => {
    const values = answer?.facets?.[field] || answer?.facets?.[key] || []
    facets[key] = values.map((f) => ({ value: String(f.value), label: f.label ?? f.value, count: f.count ?? 0 }))
  })
  const hits = (answer?.hits || answer?.items || []).map((h) => ({
    id: h.id ?? h.entryId,
    resourceCode: h.resourceCode,
    name: h.name,
    summary: h.summary,
    departmentId: h.departmentId ?? null,
    departmentName: h.departmentName,
    shareType: h.shareType,
    openType: h.openType,
    format: h.format,
    updateCycle: h.updateCycle,
    score: h.score,
    // a lower platform's entry (SHR-10): {platform, baseUrl}; null for this platform's own
    origin: h.origin ?? null
  }))
  return { total: answer?.total ?? hits.length, hits, facets }
}

function mapImport(answer) {
  if (Array.isArray(answer)) return { imported: answer.length, entries: answer }
  const entries = answer?.entries || answer?.created || []
  return { imported: answer?.imported ?? answer?.count ?? entries.length, entries }
}

function mapList(answer) {
  const rows = Array.isArray(answer) ? answer : answer?.items || answer?.entries || answer?.hits || []
  return rows.map((r) => {
    const content = r.published?.content || r.latest?.content || r.content || r
    return {
      id: r.id ?? r.entryId,
      resourceCode: r.resourceCode,
      name: r.name ?? content.name,
      departmentName: r.departmentName,
      format: r.format ?? content.format,
      updateCycle: r.updateCycle ?? content.updateCycle,
      condition: r.condition ?? r.shareCondition ?? r.openCondition ?? content.shareCondition ?? content.openCondition
    }
  })
}
