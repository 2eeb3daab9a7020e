// The chief data officers page.
import './messages'

export const chiefDataOfficerRoutes = [
  { path: 'chief-data-officers', component: () => import('./ChiefDataOfficersView.vue'), meta: { menu: '/chief-data-officers' } }
]
