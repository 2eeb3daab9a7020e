// The notifications inbox API, and the unread count the header's bell shows.
import { reactive } from 'vue'
import { api, query } from '../api'

const base = '/api/v1/notifications'

export const notices = {
  page: (page, size) => api.get(base + query({ page, size })),
  read: (id) => api.post(`${base}/${id}/read`),
  readAll: () => api.post(`${base}/read-all`),
  preference: () => api.get(`${base}/preference`),
  savePreference: (preference) => api.put(`${base}/preference`, preference)
}

export const inbox = reactive({ unread: 0 })

/** Asks the platform how many notices are unread; quiet when it cannot (the bell just keeps its number). */
export async function refreshUnread() {
  try {
    inbox.unread = (await api.get(`${base}/unread-count`)).unread
  } catch {
    // signed out or offline: the next poll tries again
  }
}
