// The data-lake API (/api/v1/lake) in one place: datasets, batches (upload, progress, cancel, reports,
// rejected rows) and records now or as of an instant.
import { api, download } from '../api'

const BASE = '/api/v1/lake/datasets'

function query(params) {
  const search = new URLSearchParams()
  Object.entries(params).forEach(([key, value]) => {
    if (value !== '' && value != null) search.set(key, value)
  })
  const text = search.toString()
  return text ? '?' + text : ''
}

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
  rejectedCsv: (id, batchId) => download(`${BASE}/${id}/batches/${batchId}/rejected.csv`, `batch-${batchId}-rejected.csv`),

  /** Records now, or as of an ISO instant; page counts from 0. */
  records: (id, { key, asOf, page = 0, size = 20 } = {}) => api.get(`${BASE}/${id}/records` + query({ key, asOf, page, size }))
}
