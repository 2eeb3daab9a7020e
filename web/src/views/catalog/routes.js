// The catalog pages; meta.menu names the menu item a page belongs to (the editor belongs to 我的目录, …).
const load = {
  workbench: () => import('./WorkbenchView.vue'),
  editor: () => import('./EntryEditorView.vue'),
  versions: () => import('./VersionsView.vue'),
  review: () => import('./ReviewQueueView.vue'),
  reviewEntry: () => import('./ReviewEntryView.vue'),
  duplicates: () => import('./DuplicatesView.vue'),
  obligations: () => import('./ObligationsView.vue'),
  leads: () => import('./LeadsView.vue'),
  search: () => import('./SearchView.vue'),
  detail: () => import('./EntryDetailView.vue'),
  lists: () => import('./ListsView.vue')
}

export const catalogRoutes = [
  { path: 'catalog/mine', component: load.workbench, meta: { menu: '/catalog/mine' } },
  { path: 'catalog/new', component: load.editor, meta: { menu: '/catalog/mine' } },
  { path: 'catalog/edit/:id', component: load.editor, props: true, meta: { menu: '/catalog/mine' } },
  { path: 'catalog/entries/:id/versions', component: load.versions, props: true, meta: { menu: '/catalog/mine' } },
  { path: 'catalog/review', component: load.review, meta: { menu: '/catalog/review' } },
  { path: 'catalog/review/:id', component: load.reviewEntry, props: true, meta: { menu: '/catalog/review' } },
  { path: 'catalog/duplicates', component: load.duplicates, meta: { menu: '/catalog/duplicates' } },
  { path: 'catalog/obligations', component: load.obligations, meta: { menu: '/catalog/obligations' } },
  { path: 'catalog/leads', component: load.leads, meta: { menu: '/catalog/leads' } },
  { path: 'catalog/search', component: load.search, meta: { menu: '/catalog/search' } },
  { path: 'catalog/entries/:id', component: load.detail, props: true, meta: { menu: '/catalog/search' } },
  { path: 'catalog/lists', component: load.lists, meta: { menu: '/catalog/lists' } }
]

/** The catalog menu group for the signed-in user: what their roles let them do. */
export function catalogMenu({ hasRole, isAuthority }) {
  const items = []
  if (hasRole('CATALOG_EDITOR')) items.push({ key: 'catalogMine', path: '/catalog/mine' })
  if (isAuthority('CATALOG_REVIEWER')) {
    items.push({ key: 'catalogReview', path: '/catalog/review' }, { key: 'catalogDuplicates', path: '/catalog/duplicates' })
  }
  if (hasRole('CATALOG_EDITOR') || isAuthority('CATALOG_REVIEWER')) {
    items.push({ key: 'catalogObligations', path: '/catalog/obligations' }, { key: 'catalogLeads', path: '/catalog/leads' })
  }
  items.push({ key: 'catalogSearch', path: '/catalog/search' }, { key: 'catalogLists', path: '/catalog/lists' })
  return items
}
