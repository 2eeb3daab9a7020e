// Chief data officers (首席数据官) of the region and of each department, their working group, documents of
// appointment and the filings to the data authority.
import { api, download, query } from '../api'

const base = '/api/v1/org/chief-data-officers'
const group = '/api/v1/org/working-group'
const filingBase = '/api/v1/org/filings'

function upload(path, file) {
  const form = new FormData()
  form.append('file', file)
  return api.upload(path, form)
}

export const chiefDataOfficers = {
  list: (params = {}) => api.get(base + query(params)),
  appoint: (appointment) => api.post(base, appointment),
  end: (id, ending) => api.post(`${base}/${id}/end`, ending),
  documents: (id) => api.get(`${base}/${id}/documents`),
  addDocument: (id, file) => upload(`${base}/${id}/documents`, file)
}

export const workingGroup = {
  list: (params = {}) => api.get(group + query(params)),
  appoint: (appointment) => api.post(group, appointment),
  end: (id, ending) => api.post(`${group}/${id}/end`, ending),
  addDocument: (id, file) => upload(`${group}/${id}/documents`, file)
}

export const filings = {
  list: (params = {}) => api.get(filingBase + query(params)),
  report: (id, text) => api.post(`${filingBase}/${id}/report`, { text }),
  acknowledge: (id) => api.post(`${filingBase}/${id}/acknowledge`),
  addDocument: (id, file) => upload(`${filingBase}/${id}/documents`, file)
}

export const downloadDocument = (document) =>
  download(`/api/v1/org/appointment-documents/${document.id}`, document.fileName)

/** The roles of the working group, as the API names them. */
export const WORKING_GROUP_ROLES = ['DATA_MANAGEMENT_SPECIALIST', 'SYSTEM_INTEGRATION_CONTACT', 'SECURITY_SPECIALIST', 'QUALITY_SPECIALIST']
