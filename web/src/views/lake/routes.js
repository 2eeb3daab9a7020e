// The data-lake (归集) pages; meta.menu names the menu item a page belongs to.
const load = {
  datasets: () => import('./DatasetsView.vue'),
  dataset: () => import('./DatasetView.vue'),
  overview: () => import('./OverviewView.vue')
}

export const lakeRoutes = [
  { path: 'lake/datasets', component: load.datasets, meta: { menu: '/lake/datasets' } },
  { path: 'lake/datasets/:id', component: load.dataset, props: true, meta: { menu: '/lake/datasets' } },
  { path: 'lake/overview', component: load.overview, meta: { menu: '/lake/overview' } }
]

/** The lake menu group for the signed-in user: data providers their datasets, the authority the region's. */
export function lakeMenu({ hasRole, session }) {
  const items = []
  if (hasRole('DATA_PROVIDER')) items.push({ key: 'lakeDatasets', path: '/lake/datasets' })
  if (session.me?.authority) items.push({ key: 'lakeOverview', path: '/lake/overview' })
  return items
}
