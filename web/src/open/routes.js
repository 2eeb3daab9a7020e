// The open-data pages of the console: the demand requests (开放需求) a department answers and the authority assigns
// and reviews; the applications for conditionally-open data (有条件开放申请) a department decides; the authority's
// moderation of apps and results, emergency data (应急数据) and revenue allocation (开放收益分配).
import './messages'
import { hasRole, isAuthority } from '../api'

export const openRoutes = [
  { path: 'open/demands', component: () => import('./DemandsView.vue'), meta: { menu: '/open/demands' } },
  { path: 'open/applications', component: () => import('./ApplicationsView.vue'), meta: { menu: '/open/applications' } },
  { path: 'open/applications/:id', component: () => import('./ApplicationsView.vue'), props: true,
    meta: { menu: '/open/applications' } },
  { path: 'open/reuses', component: () => import('./ReusesView.vue'), meta: { menu: '/open/reuses' } },
  { path: 'open/emergencies', component: () => import('./EmergenciesView.vue'), meta: { menu: '/open/emergencies' } },
  { path: 'open/revenues', component: () => import('./RevenuesView.vue'), meta: { menu: '/open/revenues' } }
]

/**
 * Whoever answers (a data provider) or assigns and reviews (the authority's catalog reviewer) demand requests; the
 * same people decide (the data provider) or look on at (the authority) applications for conditionally-open data.
 */
export function openMenu() {
  const menu = hasRole('DATA_PROVIDER') || isAuthority('CATALOG_REVIEWER')
    ? [{ key: 'openDemands', path: '/open/demands' }, { key: 'openApplications', path: '/open/applications' }]
    : []
  // apps and results (利用成果) are moderated, emergency data flagged and revenue recorded by the authority's catalog
  // reviewer; a department's data provider reads its shares of the revenue
  if (isAuthority('CATALOG_REVIEWER')) {
    return [...menu, { key: 'openReuses', path: '/open/reuses' }, { key: 'openEmergencies', path: '/open/emergencies' },
      { key: 'openRevenues', path: '/open/revenues' }]
  }
  return hasRole('DATA_PROVIDER') ? [...menu, { key: 'openRevenues', path: '/open/revenues' }] : menu
}
