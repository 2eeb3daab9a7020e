// The supervision API (violations, correction orders, scorecards, the yearly report, the departments' self-reports,
// information projects, compliance).
import { api, download } from '../api'

const base = '/api/v1/supervision'

export const supervision = {
  violations: (query = {}) => {
    const params = new URLSearchParams(Object.entries(query).filter(([, v]) => v !== undefined && v !== null && v !== ''))
    return api.get(`${base}/violations${params.size ? '?' + params : ''}`)
  },
  detect: () => api.post(`${base}/detect`),
  order: (id, note) => api.post(`${base}/violations/${id}/order`, note ? { note } : {}),
  answer: (id, description) => api.post(`${base}/violations/${id}/answer`, { description }),
  recheck: (id) => api.post(`${base}/violations/${id}/recheck`),
  escalate: (id, note) => api.post(`${base}/violations/${id}/escalate`, { note }),
  scorecards: (year) => api.get(`${base}/scorecards?year=${year}`),
  region: (year) => api.get(`${base}/scorecards/region?year=${year}`),
  metrics: () => api.get(`${base}/metrics`),
  trends: (departmentId) => api.get(`${base}/dashboard/trends${departmentId ? '?departmentId=' + departmentId : ''}`),
  comparison: (year, departmentId) => api.get(`${base}/dashboard/comparison?year=${year}&departmentId=${departmentId}`),
  overdue: (departmentId) => api.get(`${base}/dashboard/overdue${departmentId ? '?departmentId=' + departmentId : ''}`),
  drillDown: (year, departmentId, metric) => api.get(`${base}/scorecards/${year}/departments/${departmentId}/metrics/${metric}`),
  report: (year) => download(`${base}/reports/${year}.pdf`, `监督评估报告-${year}.pdf`),
  selfReports: (year) => api.get(`${base}/self-reports?year=${year}`),
  selfReport: (year, departmentId) => api.get(`${base}/self-reports/${year}/departments/${departmentId}`),
  saveSelfReport: (year, departmentId, sections) => api.put(`${base}/self-reports/${year}/departments/${departmentId}`, sections),
  submitSelfReport: (year, departmentId) => api.post(`${base}/self-reports/${year}/departments/${departmentId}/submit`),
  returnSelfReport: (year, departmentId, reason) => api.post(`${base}/self-reports/${year}/departments/${departmentId}/return`, { reason }),
  selfReportFile: (year, departmentId, format) =>
    download(`${base}/self-reports/${year}/departments/${departmentId}.${format}`, `自评报告-${year}-${departmentId}.${format}`),
  projects: () => api.get(`${base}/projects`),
  registerProject: (project) => api.post(`${base}/projects`, project),
  approvalCheck: (id) => api.post(`${base}/projects/${id}/approval-check`),
  acceptanceCheck: (id) => api.post(`${base}/projects/${id}/acceptance-check`),
  evidence: (id, code) => download(`${base}/projects/${id}/acceptance.pdf`, `验收核查证明-${code}.pdf`),
  compliance: (departmentId, year, format) =>
    download(`${base}/compliance/${departmentId}/${year}.${format}`, `合规情况说明-${year}.${format}`)
}
