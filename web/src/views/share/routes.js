// The sharing (共享) pages; meta.menu names the menu item a page belongs to, meta.list which list a page shows.
import { federationRoutes } from '../../federation/routes'
import { isApprover, isAuthorityApprover, isDataUser, isObjectionOfficer, objectionSides, usageSides } from '../../share/access'

const load = {
  catalog: () => import('./CatalogView.vue'),
  form: () => import('./ApplicationFormView.vue'),
  applications: () => import('./ApplicationsView.vue'),
  application: () => import('./ApplicationView.vue'),
  grants: () => import('./GrantsView.vue'),
  usage: () => import('./UsageView.vue'),
  subscriptions: () => import('./SubscriptionsView.vue'),
  api: () => import('./InterfaceView.vue'),
  objections: () => import('./objections/ObjectionsView.vue'),
  objection: () => import('./objections/ObjectionView.vue')
}

export const shareRoutes = [
  { path: 'share/catalog', component: load.catalog, meta: { menu: '/share/catalog' } },
  { path: 'share/apply/:entryId', component: load.form, props: true, meta: { menu: '/share/catalog' } },
  { path: 'share/coordinate/:entryId', component: load.form, props: (r) => ({ entryId: r.params.entryId, coordinate: true }), meta: { menu: '/share/catalog' } },
  { path: 'share/applications/:id/edit', component: load.form, props: true, meta: { menu: '/share/applications' } },
  { path: 'share/applications', component: load.applications, props: { list: 'mine' }, meta: { menu: '/share/applications' } },
  { path: 'share/applications/:id', component: load.application, props: true, meta: { menu: '/share/applications' } },
  { path: 'share/inbox', component: load.applications, props: { list: 'inbox' }, meta: { menu: '/share/inbox' } },
  { path: 'share/overdue', component: load.applications, props: { list: 'overdue' }, meta: { menu: '/share/overdue' } },
  { path: 'share/coordinations', component: load.applications, props: { list: 'coordination' }, meta: { menu: '/share/coordinations' } },
  { path: 'share/grants', component: load.grants, props: { side: 'CONSUMER' }, meta: { menu: '/share/grants' } },
  { path: 'share/grants-given', component: load.grants, props: { side: 'PROVIDER' }, meta: { menu: '/share/grants-given' } },
  { path: 'share/grants-region', component: load.grants, props: { side: 'AUTHORITY' }, meta: { menu: '/share/grants-region' } },
  { path: 'share/interface/:entryId', component: load.api, props: true, meta: { menu: '/share/grants' } },
  { path: 'share/usage', component: load.usage, meta: { menu: '/share/usage' } },
  { path: 'share/subscriptions', component: load.subscriptions, meta: { menu: '/share/subscriptions' } },
  { path: 'share/objections', component: load.objections, props: { list: 'sides' }, meta: { menu: '/share/objections' } },
  { path: 'share/objections-overdue', component: load.objections, props: { list: 'overdue' }, meta: { menu: '/share/objections-overdue' } },
  { path: 'share/objections/:id', component: load.objection, props: true, meta: { menu: '/share/objections' } },
  // applications to other platforms' entries (SHR-10), in this menu group
  ...federationRoutes
]

/**
 * The sharing menu group for the signed-in user: data users the share catalog, their applications, grants and
 * subscriptions (订阅推送) and applications to other platforms (跨平台申请); share approvers the inbox and the grants their department gave; the authority's
 * approver also the overdue applications, the coordination requests and the region's grants; 使用记录 whoever may
 * see a side of the use; 疑义与复核 whoever raises or checks objections, 逾期疑义 the authority's officers.
 */
export function shareMenu() {
  const items = []
  if (isDataUser()) {
    items.push({ key: 'shareCatalog', path: '/share/catalog' }, { key: 'shareApplications', path: '/share/applications' },
      { key: 'shareGrants', path: '/share/grants' }, { key: 'shareSubscriptions', path: '/share/subscriptions' },
      { key: 'federationApplications', path: '/federation/applications' })
  }
  if (isApprover()) items.push({ key: 'shareInbox', path: '/share/inbox' }, { key: 'shareGrantsGiven', path: '/share/grants-given' })
  if (isAuthorityApprover()) {
    items.push({ key: 'shareOverdue', path: '/share/overdue' }, { key: 'shareCoordinations', path: '/share/coordinations' },
      { key: 'shareGrantsRegion', path: '/share/grants-region' })
  }
  if (usageSides().length) items.push({ key: 'shareUsage', path: '/share/usage' })
  if (objectionSides().length) items.push({ key: 'shareObjections', path: '/share/objections' })
  if (isObjectionOfficer()) items.push({ key: 'shareObjectionsOverdue', path: '/share/objections-overdue' })
  return items
}
