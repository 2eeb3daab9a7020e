// The security pages (SEC-5, SEC-6, SHR-6 leak tracing) and their menu group: the authority's security administrator
// runs them; a department sees the incidents that affect it and answers its own self-assessment.
import { isAuthority } from '../api'

export const securityRoutes = [
  { path: 'security/incidents', component: () => import('./IncidentsView.vue'), meta: { menu: '/security/incidents' } },
  { path: 'security/assessments', component: () => import('./AssessmentsView.vue'), meta: { menu: '/security/assessments' } },
  { path: 'security/trace', component: () => import('./TraceView.vue'), meta: { menu: '/security/trace' } }
]

export function securityMenu({ session }) {
  if (!session.me) return []
  return [
    { key: 'incidents', path: '/security/incidents' },
    { key: 'assessments', path: '/security/assessments' },
    ...(isAuthority('SECURITY_ADMIN') ? [{ key: 'trace', path: '/security/trace' }] : [])
  ]
}
