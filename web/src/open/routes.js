// The open-data pages of the console: the demand requests (开放需求) a department answers and the authority assigns
// and reviews; the applications for conditionally-open data (有条件开放申请) a department decides.
import './messages'
import { hasRole, isAuthority } from '../api'

export const openRoutes = [
  { path: 'open/demands', component: () => import('./DemandsView.vue'), meta: { menu: '/open/demands' } },
  { path: 'open/applications', component: () => import('./ApplicationsView.vue'), meta: { menu: '/open/applications' } },
  { path: 'open/applications/:id', component: () => import('./ApplicationsView.vue'), props: true,
    meta: { menu: '/open/applications' } },
  { path: 'open/reuses', component: () => import('./ReusesView.vue'), meta: { menu: '/open/reuses' } }
]

/**
 * Whoever answers (a data provider) or assigns and reviews (the authority's catalog reviewer) demand requests; the
 * same people decide (the data provider) or look on at (the authority) applications for conditionally-open data.
 */
export function openMenu() {
  const menu = hasRole('DATA_PROVIDER') || isAuthority('CATALOG_REVIEWER')
    ? [{ key: 'openDemands', path: '/open/demands' }, { key: 'openApplications', path: '/open/applications' }]
    : []
  // apps and results (利用成果) are moderated by the authority's catalog reviewer
  return isAuthority('CATALOG_REVIEWER') ? [...menu, { key: 'openReuses', path: '/open/reuses' }] : menu
}
