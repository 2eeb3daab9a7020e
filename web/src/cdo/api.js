// Chief data officers (首席数据官) of the region and of each department.
import { api, query } from '../api'

const base = '/api/v1/org/chief-data-officers'

export const chiefDataOfficers = {
  list: (params = {}) => api.get(base + query(params)),
  appoint: (appointment) => api.post(base, appointment),
  end: (id, ending) => api.post(`${base}/${id}/end`, ending)
}
