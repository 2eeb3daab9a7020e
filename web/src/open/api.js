// The open-data demand requests of the console (/api/v1/open/demands): list, read, assign, answer, link, review.
import { api, download } from '../api'

const DEMANDS = '/api/v1/open/demands'

export const demands = {
  /** The department's requests, or the authority's region's; status optional, overdue=true for the late ones. */
  list: ({ status, overdue } = {}) => {
    const search = new URLSearchParams()
    if (status) search.set('status', status)
    if (overdue) search.set('overdue', 'true')
    const text = search.toString()
    return api.get(DEMANDS + (text ? '?' + text : ''))
  },
  get: (id) => api.get(`${DEMANDS}/${id}`),
  assign: (id, departmentId) => api.post(`${DEMANDS}/${id}/assign`, { departmentId }),
  /** {decision, reasons, legalBasis, entryId} */
  answer: (id, form) => api.post(`${DEMANDS}/${id}/answer`, form),
  link: (id, entryId) => api.post(`${DEMANDS}/${id}/link`, { entryId }),
  /** {outcome, reasons, decision?, decisionReasons?, legalBasis?, entryId?} */
  review: (id, form) => api.post(`${DEMANDS}/${id}/review`, form),
  departments: (regionId) => api.get('/api/v1/departments?regionId=' + regionId)
}

const APPLICATIONS = '/api/v1/open/applications'

// The applications for conditionally-open data (/api/v1/open/applications): list, read, approve, refuse.
export const applications = {
  /** The department's applications, or the authority's region's; status optional, overdue=true for the late ones. */
  list: ({ status, overdue } = {}) => {
    const search = new URLSearchParams()
    if (status) search.set('status', status)
    if (overdue) search.set('overdue', 'true')
    const text = search.toString()
    return api.get(APPLICATIONS + (text ? '?' + text : ''))
  },
  get: (id) => api.get(`${APPLICATIONS}/${id}`),
  /** {conditions?, items?, accessUntil?} */
  approve: (id, form) => api.post(`${APPLICATIONS}/${id}/approve`, form),
  /** {reasons, legalBasis} */
  refuse: (id, form) => api.post(`${APPLICATIONS}/${id}/refuse`, form),
  recordSelection: (id, form) => api.post(`${APPLICATIONS}/${id}/selection`, form)
}

const REUSES = '/api/v1/open/reuses'

// Apps and results built on open data (/api/v1/open/reuses): the authority's moderation.
export const reuses = {
  /** The region's apps and results, of one status or all. */
  list: (status) => api.get(REUSES + (status ? '?status=' + status : '')),
  get: (id) => api.get(`${REUSES}/${id}`),
  approve: (id) => api.post(`${REUSES}/${id}/approve`, {}),
  reject: (id, reason) => api.post(`${REUSES}/${id}/reject`, { reason })
}

const EMERGENCIES = '/api/v1/open/emergencies'

// Emergency data (/api/v1/open/emergencies): the authority flags an open dataset, lists the flags, lifts one.
export const emergencies = {
  list: () => api.get(EMERGENCIES),
  /** {dataset, reason, until, updateCycle} */
  flag: (form) => api.post(EMERGENCIES, form),
  lift: (id, reason) => api.post(`${EMERGENCIES}/${id}/lift`, reason ? { reason } : {}),
  /**
   * Open datasets by name, as anyone finds them on the portal (its public CKAN-compatible search, called without
   * the official's token: that API reads an Authorization header as a public API key).
   */
  findOpen: async (q) => {
    const response = await fetch('/api/3/action/package_search?rows=10&q=' + encodeURIComponent(q),
      { headers: { Accept: 'application/json' } })
    const body = await response.json().catch(() => null)
    if (!response.ok || !body?.success) throw new Error(body?.error?.message || `HTTP ${response.status}`)
    return body.result.results
  }
}

const REVENUES = '/api/v1/open/revenues'

// Revenue from authorised development (/api/v1/open/revenues): recorded and allocated, listed, exported.
export const revenues = {
  list: () => api.get(REVENUES),
  /** {grants: [applicationId], amount: "1234.50", periodStart, periodEnd, source} */
  record: (form) => api.post(REVENUES, form),
  export: (format) => download(`${REVENUES}/export?format=${format}`, `open-revenue.${format}`)
}
