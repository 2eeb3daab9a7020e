// Technical service units (技术服务单位) authorised by the data authority.
import { api } from '../api'

const base = '/api/v1/org/service-units'

export const serviceUnits = {
  list: () => api.get(base),
  authorise: (authorisation) => api.post(base, authorisation),
  link: (id, userId) => api.post(`${base}/${id}/members`, { userId }),
  revoke: (id) => api.post(`${base}/${id}/revoke`)
}

/** What a unit may be authorised to do, as the API names it. */
export const SERVICE_UNIT_ACTIONS = ['CATALOG_EDIT', 'LAKE_UPLOAD']
