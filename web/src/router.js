import { createRouter, createWebHashHistory } from 'vue-router'
import { session, loadMe, whenUnauthenticated } from './api'
import LoginView from './views/LoginView.vue'
import LayoutView from './views/LayoutView.vue'
import HomeView from './views/HomeView.vue'
import AccountView from './views/AccountView.vue'
import RegionsView from './views/RegionsView.vue'
import DepartmentsView from './views/DepartmentsView.vue'
import DepartmentView from './views/DepartmentView.vue'
import UsersView from './views/UsersView.vue'
import SystemsView from './views/SystemsView.vue'
import PolicyView from './views/PolicyView.vue'
import CalendarView from './views/CalendarView.vue'
import AuditView from './views/AuditView.vue'
import { catalogRoutes } from './views/catalog/routes'
import { lakeRoutes } from './views/lake/routes'
import { shareRoutes } from './views/share/routes'
import { superviseRoutes } from './supervise/routes'
import { openRoutes } from './open/routes'
import { securityRoutes } from './security/routes'
import { noticeRoutes } from './notice/routes'
import { chiefDataOfficerRoutes } from './cdo/routes'
import { serviceUnitRoutes } from './serviceunit/routes'

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/login', component: LoginView, meta: { open: true } },
    {
      path: '/',
      component: LayoutView,
      children: [
        { path: '', component: HomeView },
        { path: 'account', component: AccountView },
        { path: 'regions', component: RegionsView },
        { path: 'departments', component: DepartmentsView },
        { path: 'departments/:id', component: DepartmentView, props: true },
        { path: 'users', component: UsersView },
        { path: 'systems', component: SystemsView },
        { path: 'policy', component: PolicyView },
        { path: 'calendar', component: CalendarView },
        { path: 'audit', component: AuditView },
        ...catalogRoutes,
        ...lakeRoutes,
        ...shareRoutes,
        ...superviseRoutes,
        ...openRoutes,
        ...securityRoutes,
        ...noticeRoutes,
        ...chiefDataOfficerRoutes,
        ...serviceUnitRoutes
      ]
    },
    { path: '/:pathMatch(.*)*', redirect: '/' }
  ]
})

router.beforeEach(async (to) => {
  if (to.meta.open) return true
  if (!session.token) return { path: '/login', query: { next: to.fullPath } }
  if (!session.me) {
    try {
      await loadMe()
    } catch {
      return { path: '/login' }
    }
  }
  // until the password is changed the platform answers nothing else
  if (session.me.passwordChangeRequired && to.path !== '/account') return { path: '/account' }
  return true
})

whenUnauthenticated(() => {
  if (router.currentRoute.value.path !== '/login') router.push('/login')
})
