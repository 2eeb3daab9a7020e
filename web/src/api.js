// One place for talking to the platform: bearer token, caller's language, RFC 9457 problems.
import { reactive } from 'vue'
import { i18n } from './i18n'

const TOKEN_KEY = 'govdata.token'

export const session = reactive({ token: sessionStorage.getItem(TOKEN_KEY), me: null })

export class Problem extends Error {
  constructor(status, body) {
    super(body?.detail || body?.title || `HTTP ${status}`)
    this.status = status
    this.code = body?.code
    this.fields = body?.fields || {}
    // rule failures: every broken rule as {location, code, message}, in the caller's language
    this.errors = Array.isArray(body?.errors) ? body.errors : []
  }
}

let onUnauthenticated = () => {}
export function whenUnauthenticated(handler) {
  onUnauthenticated = handler
}

function headers(extra = {}) {
  const h = { 'Accept-Language': i18n.global.locale.value, ...extra }
  if (session.token) h.Authorization = `Bearer ${session.token}`
  return h
}

export async function request(method, path, body, { raw = false } = {}) {
  const form = body instanceof FormData
  const init = { method, headers: headers(body === undefined || form ? {} : { 'Content-Type': 'application/json' }) }
  if (body !== undefined) init.body = form ? body : JSON.stringify(body)
  const response = await fetch(path, init)
  if (raw && response.ok) return response
  const type = response.headers.get('Content-Type') || ''
  const data = response.status === 204 ? null : type.includes('json') ? await response.json() : await response.text()
  if (!response.ok) {
    const problem = new Problem(response.status, typeof data === 'object' ? data : null)
    if (response.status === 401 && path !== '/api/v1/auth/login') {
      setToken(null)
      onUnauthenticated(problem)
    }
    throw problem
  }
  return data
}

/**
 * A query string from parameters, '' when none is left: blank and missing values are left out, and an array
 * becomes the parameter repeated, once per non-blank value.
 */
export function query(params) {
  const search = new URLSearchParams()
  Object.entries(params).forEach(([key, value]) => {
    if (Array.isArray(value)) value.forEach((v) => v !== '' && v != null && search.append(key, v))
    else if (value !== '' && value != null) search.set(key, value)
  })
  const text = search.toString()
  return text ? '?' + text : ''
}

export const api = {
  get: (path) => request('GET', path),
  post: (path, body = {}) => request('POST', path, body),
  put: (path, body) => request('PUT', path, body),
  delete: (path) => request('DELETE', path),
  /** Multipart upload; the browser sets the boundary. */
  upload: (path, formData) => request('POST', path, formData)
}

export function setToken(token) {
  session.token = token
  if (token) sessionStorage.setItem(TOKEN_KEY, token)
  else {
    sessionStorage.removeItem(TOKEN_KEY)
    session.me = null
  }
}

export async function loadMe() {
  session.me = await api.get('/api/v1/auth/me')
  return session.me
}

export function hasRole(...roles) {
  return !!session.me && roles.some((r) => session.me.roles.includes(r))
}

export function isAuthority(...roles) {
  return !!session.me && session.me.authority && hasRole(...roles)
}

/** Downloads a file from an authenticated endpoint. */
export async function download(path, filename) {
  const response = await request('GET', path, undefined, { raw: true })
  const blob = await response.blob()
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  document.body.appendChild(a)
  a.click()
  a.remove()
  URL.revokeObjectURL(url)
}
