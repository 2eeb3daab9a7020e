// The supervision pages; meta.menu names the menu item a page belongs to.
import './messages'
import './assessorMessages'
import { isSupervisor } from './access'

const load = {
  dashboard: () => import('./DashboardView.vue'),
  violations: () => import('./ViolationsView.vue'),
  selfReports: () => import('./SelfReportsView.vue'),
  selfReport: () => import('./SelfReportView.vue'),
  projects: () => import('./ProjectsView.vue'),
  assessors: () => import('./AssessorsView.vue')
}

export const superviseRoutes = [
  { path: 'supervise/dashboard', component: load.dashboard, meta: { menu: '/supervise/dashboard' } },
  { path: 'supervise/violations', component: load.violations, meta: { menu: '/supervise/violations' } },
  { path: 'supervise/self-reports', component: load.selfReports, meta: { menu: '/supervise/self-reports' } },
  { path: 'supervise/self-reports/:year/:departmentId', component: load.selfReport, meta: { menu: '/supervise/self-reports' } },
  { path: 'supervise/projects', component: load.projects, meta: { menu: '/supervise/projects' } },
  { path: 'supervise/assessors', component: load.assessors, meta: { menu: '/supervise/assessors' } }
]

/** Everyone signed in sees their department's scorecard and violations; the authority's officers the whole region. */
export function superviseMenu() {
  return [
    { key: 'superviseDashboard', path: '/supervise/dashboard' },
    { key: 'superviseViolations', path: '/supervise/violations' },
    { key: 'superviseSelfReports', path: '/supervise/self-reports' },
    { key: 'superviseProjects', path: '/supervise/projects' },
    // granting assessors: the authority's officers only
    ...(isSupervisor() ? [{ key: 'superviseAssessors', path: '/supervise/assessors' }] : [])
  ]
}
