// The technical service units page (the data authority's system administrator).
import './messages'

export const serviceUnitRoutes = [
  { path: 'service-units', component: () => import('./ServiceUnitsView.vue'), meta: { menu: '/service-units' } }
]
