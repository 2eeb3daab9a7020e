// The account holder's side of the public API (/api/v1/public/…): login, their open applications with their usage
// reports, API keys, apps and results, and notices.
// The session's token is kept for this browser tab only (sessionStorage), never in a cookie, so no other site can
// ride on it.
import { ref } from 'vue'
import { i18n } from '../i18n'

const TOKEN = 'govdata.public.token'

/** The holder's session token, null while nobody is logged in. */
export const token = ref(sessionStorage.getItem(TOKEN))

/** A refusal of the public API: the RFC 9457 problem's detail, in the reader's language. */
export class Problem extends Error {
  constructor(status, body) {
    super(body?.detail || body?.title || `HTTP ${status}`)
    this.status = status
    this.code = body?.code || ''
  }
}

async function call(method, path, body) {
  const headers = { Accept: 'application/json', 'Accept-Language': i18n.global.locale.value }
  if (token.value) headers.Authorization = 'Bearer ' + token.value
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  let response
  try {
    response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  } catch {
    throw new Problem(0, { detail: i18n.global.t('error.network') })
  }
  let answer = null
  try {
    answer = await response.json()
  } catch {
    // no body
  }
  if (response.status === 401) setToken(null)
  if (!response.ok) throw new Problem(response.status, answer)
  return answer
}

function setToken(value) {
  token.value = value
  if (value) sessionStorage.setItem(TOKEN, value)
  else sessionStorage.removeItem(TOKEN)
}

export const account = {
  async login(login, password) {
    const session = await call('POST', '/api/v1/public/auth/login', { login, password })
    setToken(session.token)
  },
  async logout() {
    try {
      await call('POST', '/api/v1/public/auth/logout')
    } finally {
      setToken(null)
    }
  },
  applications: () => call('GET', '/api/v1/public/account/applications'),
  /** {dataset, use, purpose, scenario, securityMeasures, items?, until, agreementAccepted} */
  apply: (form) => call('POST', '/api/v1/public/account/applications', form),
  keys: () => call('GET', '/api/v1/public/account/keys'),
  /** {name, dailyQuota?} → {key, secret} */
  createKey: (form) => call('POST', '/api/v1/public/account/keys', form),
  revokeKey: (id) => call('DELETE', `/api/v1/public/account/keys/${id}`),
  usage: (id) => call('GET', `/api/v1/public/account/keys/${id}/usage`),
  /** The periods of an approved application's grant and their usage reports. */
  reports: (id) => call('GET', `/api/v1/public/account/applications/${id}/reports`),
  /** {periodStart, report} */
  report: (id, form) => call('POST', `/api/v1/public/account/applications/${id}/reports`, form),
  notices: () => call('GET', '/api/v1/public/account/notices'),
  markRead: (id) => call('POST', `/api/v1/public/account/notices/${id}/read`),
  reuses: () => call('GET', '/api/v1/public/account/reuses'),
  /** {name, description, kind, link, datasets: [{dataset, obtainedOn?}]} */
  publishReuse: (form) => call('POST', '/api/v1/public/account/reuses', form),
  deleteReuse: (id) => call('DELETE', `/api/v1/public/account/reuses/${id}`)
}
