// The search as the portal asks it: which facets it shows, how it sorts, and how a page's address
// (q, one value per facet, sort, page) becomes a package_search call and back — so that a search can be shared.
export const FACETS = ['organization', 'groups', 'res_format', 'update_cycle', 'open_type']

export const SORTS = {
  relevance: 'score desc, metadata_modified desc',
  newest: 'metadata_modified desc',
  downloads: 'download_count desc, metadata_modified desc'
}

export const PAGE_SIZE = 10

/** A Solr filter clause, quoted so that values with spaces or colons stay one value. */
export function clause(field, value) {
  return `${field}:"${String(value).replace(/(["\\])/g, '\\$1')}"`
}

/** package_search's parameters for a page's query. */
export function searchParams(query, { facetLimit = 20, rows = PAGE_SIZE } = {}) {
  const filters = FACETS.filter((f) => query[f]).map((f) => clause(f, query[f]))
  const page = Math.max(1, parseInt(query.page, 10) || 1)
  const q = (query.q || '').trim()
  const sort = SORTS[query.sort] || (q ? SORTS.relevance : SORTS.newest)
  return {
    q: q || undefined,
    fq: filters.length ? filters.join(' AND ') : undefined,
    sort,
    rows,
    start: (page - 1) * rows,
    'facet.field': FACETS,
    'facet.limit': facetLimit
  }
}

export function currentPage(query) {
  return Math.max(1, parseInt(query.page, 10) || 1)
}
