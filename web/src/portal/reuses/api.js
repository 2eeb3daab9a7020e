// The approved apps and results (利用成果, OPN-6) as anyone reads them: /api/v1/public/reuses, no token sent.
import { i18n } from '../i18n'
import { CkanError } from '../ckan'

async function getJson(url) {
  let response
  try {
    response = await fetch(url, { headers: { Accept: 'application/json', 'Accept-Language': i18n.global.locale.value } })
  } catch {
    throw new CkanError(0, { message: i18n.global.t('error.network') })
  }
  const body = await response.json().catch(() => null)
  if (!response.ok || !body) throw new CkanError(response.status, body ? { message: body.detail } : null)
  return body
}

export const publishedReuses = {
  /** A page of approved apps and results, newest first. */
  list: ({ offset = 0, limit = 20 } = {}) => getJson(`/api/v1/public/reuses?offset=${offset}&limit=${limit}`),
  get: (id) => getJson(`/api/v1/public/reuses/${encodeURIComponent(id)}`)
}

/** Who published a result, in plain words: an organisation by its name, a citizen only as "an individual". */
export function publisherName(reuse, t) {
  if (reuse.publisher) return reuse.publisher
  return reuse.publisherKind ? t('reuses.citizen') : t('reuses.deletedAccount')
}

/** A link out only when it is a web address (what the publisher typed is never trusted as a scheme). */
export function safeLink(link) {
  return /^https?:\/\//i.test(link || '') ? link : null
}
