// The pages of cross-platform sharing (SHR-10); they sit in the sharing menu group (see views/share/routes.js).
import './messages'

export const federationRoutes = [
  { path: 'federation/entries/:id', component: () => import('./EntryView.vue'), props: true, meta: { menu: '/catalog/search' } },
  { path: 'federation/apply/:entryId', component: () => import('./ApplicationFormView.vue'), props: true, meta: { menu: '/federation/applications' } },
  { path: 'federation/applications', component: () => import('./ApplicationsView.vue'), meta: { menu: '/federation/applications' } },
  { path: 'federation/applications/:id', component: () => import('./ApplicationView.vue'), props: true, meta: { menu: '/federation/applications' } }
]
