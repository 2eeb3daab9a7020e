// Third-party assessors' time-boxed read access (SUP-5), granted by the authority's officers.
import { api } from '../api'

const base = '/api/v1/supervision/assessors'

export const assessors = {
  list: () => api.get(base),
  grant: (grant) => api.post(base, grant),
  revoke: (id) => api.post(`${base}/${id}/revoke`)
}
