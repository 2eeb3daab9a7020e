// The data-lake API (/api/v1/lake) in one place: datasets, batches (upload, progress, cancel, reports,
// rejected rows), records now or as of an instant, and governance: update cycles and their exceptions,
// deletion requests, extension rules, quality over time, purchase filings, authoritative sources, repeated
// collections and discrepancies.
import { api, download, query } from '../api'

const LAKE = '/api/v1/lake'
const BASE = `${LAKE}/datasets`

export const lake = {
  datasets: () => api.get(BASE),
  dataset: (id) => api.get(`${BASE}/${id}`),
  create: (entryId) => api.post(BASE, { entryId }),
  /** Published entries of the caller's department (with their published content). */
  entries: () => api.get('/api/v1/catalog/entries'),
  entry: (id) => api.get(`/api/v1/catalog/entries/${id}`),
  departments: (regionId) => api.get('/api/v1/departments' + query({ regionId })),

  /**
   * Starts a batch (202 with the running batch). options: format ('' or AUTO = from the file name), encoding ('' or AUTO = detected),
   * mode UPSERT / REPLACE, acceptValid, confirmReplace.
   */
  upload(id, file, { format, encoding, mode, acceptValid, confirmReplace }) {
    const form = new FormData()
    form.append('file', file)
    if (format && format !== 'AUTO') form.append('format', format)
    if (encoding && encoding !== 'AUTO') form.append('encoding', encoding)
    form.append('mode', mode || 'UPSERT')
    form.append('acceptValid', acceptValid ? 'true' : 'false')
    form.append('confirmReplace', confirmReplace ? 'true' : 'false')
    return api.upload(`${BASE}/${id}/batches`, form)
  },
  batches: (id) => api.get(`${BASE}/${id}/batches`),
  batch: (id, batchId) => api.get(`${BASE}/${id}/batches/${batchId}`),
  cancel: (id, batchId) => api.post(`${BASE}/${id}/batches/${batchId}/cancel`),
  /** A batch held for a secrecy marking: released as a false positive (reason required) or discarded. */
  release: (id, batchId, reason) => api.post(`${BASE}/${id}/batches/${batchId}/release`, { reason }),
  discard: (id, batchId, reason) => api.post(`${BASE}/${id}/batches/${batchId}/discard`, { reason }),
  rejectedCsv: (id, batchId) => download(`${BASE}/${id}/batches/${batchId}/rejected.csv`, `batch-${batchId}-rejected.csv`),

  /** Records now, or as of an ISO instant; page counts from 0. */
  records: (id, { key, asOf, page = 0, size = 20 } = {}) => api.get(`${BASE}/${id}/records` + query({ key, asOf, page, size })),

  /** id → name of the departments of a region, for lists that name departments by id. */
  async departmentNames(regionId) {
    const departments = await api.get('/api/v1/departments' + query({ regionId }))
    return Object.fromEntries(departments.map((d) => [d.id, d.name]))
  },

  // --- update cycles (AGG-2, TJ13) --------------------------------------------------------------------------

  /** Each dataset's cycle, last success, due date and whether it is overdue (the department's, or the region's). */
  status: () => api.get(`${LAKE}/status`),
  cycleExceptions: (id) => api.get(`${BASE}/${id}/cycle-exceptions`),
  fileCycleException: (id, agreedDays, reason) => api.post(`${BASE}/${id}/cycle-exceptions`, { agreedDays, reason }),
  decideCycleException: (exceptionId, accept, note) => api.post(`${LAKE}/cycle-exceptions/${exceptionId}/decide`, { accept, note }),

  // --- deletion requests (AGG-7) ----------------------------------------------------------------------------

  deletions: (id) => api.get(`${BASE}/${id}/deletions`),
  /** recordKeys: the keys as the records hold them (the items of a composite key joined by the unit separator). */
  requestDeletion: (id, recordKeys, reason) => api.post(`${BASE}/${id}/deletions`, { recordKeys, reason }),
  /** The requests of the caller's department, or of the region for the authority; status PENDING / APPROVED / REJECTED. */
  deletionQueue: (status) => api.get(`${LAKE}/deletions` + query({ status })),
  approveDeletion: (requestId, reason) => api.post(`${LAKE}/deletions/${requestId}/approve`, { reason }),
  rejectDeletion: (requestId, reason) => api.post(`${LAKE}/deletions/${requestId}/reject`, { reason }),

  // --- extension rules and quality over time (AGG-4) ---------------------------------------------------------

  rules: (id) => api.get(`${BASE}/${id}/rules`),
  /** rule: {item, kind, params: {values} / {min, max} / {pattern}, description} */
  addRule: (id, rule) => api.post(`${BASE}/${id}/rules`, rule),
  retireRule: (id, ruleId) => api.post(`${BASE}/${id}/rules/${ruleId}/retire`),
  quality: (id) => api.get(`${BASE}/${id}/quality`),

  // --- purchased social data (AGG-5) -------------------------------------------------------------------------

  purchases: () => api.get(`${LAKE}/purchases`),
  /** filing: {supplier, description, items: [Chinese item names]} */
  filePurchase: (filing) => api.post(`${LAKE}/purchases`, filing),
  decidePurchase: (filingId, approve, note) => api.post(`${LAKE}/purchases/${filingId}/decide`, { approve, note }),

  // --- one data item, one source (AGG-3, AGG-8) --------------------------------------------------------------

  sources: () => api.get(`${LAKE}/sources`),
  /** Replaces the region's whole list: [{elementName, valueStandard, subject, departmentId}]. */
  designate: (designations) => api.put(`${LAKE}/sources`, designations),
  repeatedCollections: (status) => api.get(`${LAKE}/repeated-collections` + query({ status })),
  decideRepeatedCollection: (id, decision, note) => api.post(`${LAKE}/repeated-collections/${id}/decide`, { decision, note }),

  // --- discrepancies between departments (AGG-6) -------------------------------------------------------------

  discrepancies: (status) => api.get(`${LAKE}/discrepancies` + query({ status })),
  scanDiscrepancies: () => api.post(`${LAKE}/discrepancies/scan`),
  /** resolution: {decision: ONE_VALUE_CORRECT / BOTH_VALID, correctDepartmentId, note} */
  resolveDiscrepancy: (id, resolution) => api.post(`${LAKE}/discrepancies/${id}/resolve`, resolution)
}
