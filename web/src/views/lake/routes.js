// The data-lake (归集) pages; meta.menu names the menu item a page belongs to.
import { isOfficer, speaksForDepartment } from '../../lake/access'

const load = {
  datasets: () => import('./DatasetsView.vue'),
  dataset: () => import('./DatasetView.vue'),
  overview: () => import('./OverviewView.vue'),
  sources: () => import('./SourcesView.vue'),
  repeated: () => import('./RepeatedView.vue'),
  discrepancies: () => import('./DiscrepanciesView.vue'),
  deletions: () => import('./DeletionsView.vue'),
  purchases: () => import('./PurchasesView.vue')
}

export const lakeRoutes = [
  { path: 'lake/datasets', component: load.datasets, meta: { menu: '/lake/datasets' } },
  { path: 'lake/datasets/:id', component: load.dataset, props: true, meta: { menu: '/lake/datasets' } },
  { path: 'lake/overview', component: load.overview, meta: { menu: '/lake/overview' } },
  { path: 'lake/sources', component: load.sources, meta: { menu: '/lake/sources' } },
  { path: 'lake/repeated', component: load.repeated, meta: { menu: '/lake/repeated' } },
  { path: 'lake/discrepancies', component: load.discrepancies, meta: { menu: '/lake/discrepancies' } },
  { path: 'lake/deletions', component: load.deletions, meta: { menu: '/lake/deletions' } },
  { path: 'lake/purchases', component: load.purchases, meta: { menu: '/lake/purchases' } }
]

/**
 * The lake menu group for the signed-in user: data providers their datasets; the department's providers and
 * administrators its discrepancies and purchase filings, its head the deletion requests to decide; the
 * authority the region's overview, and its officers the governance pages.
 */
export function lakeMenu({ hasRole, session }) {
  const items = []
  const officer = isOfficer()
  const department = speaksForDepartment()
  if (hasRole('DATA_PROVIDER')) items.push({ key: 'lakeDatasets', path: '/lake/datasets' })
  if (session.me?.authority) items.push({ key: 'lakeOverview', path: '/lake/overview' })
  if (officer) items.push({ key: 'lakeSources', path: '/lake/sources' }, { key: 'lakeRepeated', path: '/lake/repeated' })
  if (officer || department) items.push({ key: 'lakeDiscrepancies', path: '/lake/discrepancies' })
  if (officer || (department && hasRole('DEPARTMENT_ADMIN'))) items.push({ key: 'lakeDeletions', path: '/lake/deletions' })
  if (officer || department) items.push({ key: 'lakePurchases', path: '/lake/purchases' })
  return items
}
