// The security chapter's API (/api/v1/security): incidents and their notices (SEC-5), risk self-assessments (SEC-6),
// leak tracing (SHR-6).
import { api, download } from '../api'

const BASE = '/api/v1/security'

export const security = {
  incidents: () => api.get(`${BASE}/incidents`),
  incident: (id) => api.get(`${BASE}/incidents/${id}`),
  register: (form) => api.post(`${BASE}/incidents`, form),
  confirm: (id, form) => api.post(`${BASE}/incidents/${id}/confirm`, form),
  act: (id, text) => api.post(`${BASE}/incidents/${id}/actions`, { text }),
  close: (id, text) => api.post(`${BASE}/incidents/${id}/close`, { text }),
  scan: () => api.post(`${BASE}/incidents/scan`),
  report: (id) => download(`${BASE}/incidents/${id}/report`, `incident-${id}.txt`),
  notices: () => api.get(`${BASE}/incident-notices`),

  assessments: (year) => api.get(`${BASE}/assessments?year=${year}`),
  assessment: (id) => api.get(`${BASE}/assessments/${id}`),
  open: (year) => api.post(`${BASE}/assessments/open`, { year }),
  answer: (id, code, form) => api.put(`${BASE}/assessments/${id}/items/${code}`, form),
  submit: (id) => api.post(`${BASE}/assessments/${id}/submit`),
  review: (id, outcome, comment) => api.post(`${BASE}/assessments/${id}/review`, { outcome, comment }),

  trace: (file) => {
    const form = new FormData()
    form.append('file', file)
    return api.upload(`${BASE}/trace`, form)
  }
}
