// Talking to the platform's public, CKAN-compatible Action API (/api/3/action/…) and its open-data summary.
// Anonymous: no token is ever sent. Failures carry CKAN's error type so that pages can tell "not found" apart.
import { i18n } from './i18n'

export class CkanError extends Error {
  constructor(status, error) {
    super(error?.message || `HTTP ${status}`)
    this.status = status
    this.type = error?.__type || ''
  }

  get notFound() {
    return this.status === 404
  }
}

/** The URL of an action with its parameters; lists and objects go as JSON, as CKAN reads them. */
export function actionUrl(name, params = {}, origin = '') {
  const query = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null || value === '') continue
    query.set(key, typeof value === 'object' ? JSON.stringify(value) : String(value))
  }
  const search = query.toString()
  return `${origin}/api/3/action/${name}${search ? '?' + search : ''}`
}

async function getJson(url) {
  let response
  try {
    response = await fetch(url, { headers: { Accept: 'application/json', 'Accept-Language': i18n.global.locale.value } })
  } catch {
    throw new CkanError(0, { message: i18n.global.t('error.network') })
  }
  let body = null
  try {
    body = await response.json()
  } catch {
    // not JSON: the status says enough
  }
  return { response, body }
}

/** Calls an action and returns its result; throws CkanError when the platform says no. */
export async function action(name, params = {}) {
  const { response, body } = await getJson(actionUrl(name, params))
  if (!response.ok || !body?.success) throw new CkanError(response.status, body?.error)
  return body.result
}

/** The same call, answered as the platform sent it (for the "try it" panel). */
export async function rawAction(name, params = {}) {
  const { response, body } = await getJson(actionUrl(name, params))
  return { status: response.status, body }
}

/** A page of the open data harvested from other platforms and catalogs, with its origin. */
export async function harvested({ q, limit, offset }) {
  const query = new URLSearchParams({ limit: String(limit), offset: String(offset) })
  if (q) query.set('q', q)
  const { response, body } = await getJson('/api/v1/public/harvested?' + query)
  if (!response.ok || !body) throw new CkanError(response.status, body ? { message: body.detail } : null)
  return body
}

/** Counts for the home page: datasets, records, departments, downloads, API calls. */
export async function stats() {
  const { response, body } = await getJson('/api/v1/open/stats')
  if (!response.ok || !body) throw new CkanError(response.status, null)
  return body
}

/** The open datasets flagged as emergency data now (OPN-7), each with its reason, last day and change feed. */
export async function emergencies() {
  const { response, body } = await getJson('/api/v1/public/emergency')
  if (!response.ok || !body) throw new CkanError(response.status, null)
  return body
}

/** The approved apps and results built on a dataset (OPN-6), newest first. */
export async function reusesOf(dataset) {
  const { response, body } = await getJson('/api/v1/public/reuses?limit=20&dataset=' + encodeURIComponent(dataset))
  if (!response.ok || !body) throw new CkanError(response.status, null)
  return body
}

/** Where a resource's whole table is downloaded (streamed, desensitised like everything else). */
export function dumpUrl(resourceId, format) {
  return `/datastore/dump/${encodeURIComponent(resourceId)}?format=${format}`
}
