// Cross-platform sharing (SHR-10), the applicant's side: a lower platform's entry, and the department's
// applications made there through this platform (mirrored here).
import { api } from '../api'

const base = '/api/v1/federation'

export const federation = {
  /** {id, name, resourceCode, platform, departmentName, summary, shareType, shareCondition, items[], applicantMaterials[], linked} */
  entry: (id) => api.get(`${base}/entries/${id}`),
  /** {entryId, items, purpose, useScenario, legalDuty, periodFrom, periodTo, ways, systems}; made there as a draft. */
  apply: (form) => api.post(`${base}/applications`, form),
  applications: () => api.get(`${base}/applications`),
  /** Asked of the providing platform first; as last seen when it does not answer. */
  application: (id) => api.get(`${base}/applications/${id}`),
  /** material: the index of the material among those the entry asks for. */
  attach(id, material, file) {
    const form = new FormData()
    form.append('material', material)
    form.append('file', file)
    return api.upload(`${base}/applications/${id}/attachments`, form)
  },
  submit: (id) => api.post(`${base}/applications/${id}/submit`)
}

/** Whether the provider's due date has passed while the application still waits (dates in Beijing). */
export function overdue(application, today) {
  return ['PENDING', 'COORDINATION'].includes(application?.status) && !!application.dueOn && application.dueOn < today
}
