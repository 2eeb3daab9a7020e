// The portal's pages live under /open/ with real paths (not #), so that every page can be linked and shared;
// the platform answers the portal's page for any path below /open/.
import { createRouter, createWebHistory } from 'vue-router'
import HomeView from './views/HomeView.vue'
import SearchView from './views/SearchView.vue'
import DatasetView from './views/DatasetView.vue'
import OrganizationsView from './views/OrganizationsView.vue'
import OrganizationView from './views/OrganizationView.vue'
import DeveloperView from './views/DeveloperView.vue'
import HarvestedView from './views/HarvestedView.vue'
import NotFoundView from './views/NotFoundView.vue'
import './account/messages'
import './reuses/messages'

export const router = createRouter({
  history: createWebHistory('/open/'),
  routes: [
    { path: '/', name: 'home', component: HomeView, meta: { title: 'nav.home' } },
    { path: '/datasets', name: 'search', component: SearchView, meta: { title: 'nav.datasets' } },
    { path: '/datasets/:name', name: 'dataset', component: DatasetView, props: true, meta: { title: 'nav.datasets' } },
    { path: '/organizations', name: 'organizations', component: OrganizationsView, meta: { title: 'nav.organizations' } },
    { path: '/organizations/:name', name: 'organization', component: OrganizationView, props: true,
      meta: { title: 'nav.organizations' } },
    { path: '/elsewhere', name: 'harvested', component: HarvestedView, meta: { title: 'nav.harvested' } },
    { path: '/reuses', name: 'reuses', component: () => import('./reuses/ReusesView.vue'), meta: { title: 'nav.reuses' } },
    { path: '/reuses/:id', name: 'reuse', component: () => import('./reuses/ReuseView.vue'), props: true,
      meta: { title: 'nav.reuses' } },
    { path: '/developers', name: 'developers', component: DeveloperView, meta: { title: 'nav.developers' } },
    { path: '/account', name: 'account', component: () => import('./account/AccountView.vue'),
      meta: { title: 'nav.account' } },
    { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundView, meta: { title: 'notFound.title' } }
  ],
  scrollBehavior: (to, from, saved) => saved || (to.path !== from.path ? { top: 0 } : undefined)
})
