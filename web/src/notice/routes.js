// The inbox page; the bell in the header leads to it.
import './messages'

export const noticeRoutes = [
  { path: 'notifications', component: () => import('./InboxView.vue'), meta: { menu: '/notifications' } }
]
