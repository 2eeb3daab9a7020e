// The open-data pages of the console: the demand requests (开放需求) a department answers and the authority assigns
// and reviews.
import './messages'
import { hasRole, isAuthority } from '../api'

export const openRoutes = [
  { path: 'open/demands', component: () => import('./DemandsView.vue'), meta: { menu: '/open/demands' } }
]

/** Whoever answers (a data provider) or assigns and reviews (the authority's catalog reviewer) demand requests. */
export function openMenu() {
  return hasRole('DATA_PROVIDER') || isAuthority('CATALOG_REVIEWER') ? [{ key: 'openDemands', path: '/open/demands' }] : []
}
