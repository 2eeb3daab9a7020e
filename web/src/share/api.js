// The sharing API (/api/v1/share) in one place: the share catalog, requests for unconditional data,
// applications with their materials, decisions, coordination, timelines, grants, usage, subscriptions and objections.
import { api, download, query } from '../api'

const SHARE = '/api/v1/share'
const APPLICATIONS = `${SHARE}/applications`
const GRANTS = `${SHARE}/grants`
const OBJECTIONS = `${SHARE}/objections`
const SUBSCRIPTIONS = `${SHARE}/subscriptions`

export const share = {
  /** The region's published entries with the caller's department's availability; shareType comma-separated. */
  catalog: ({ shareType, departmentId, page = 0, size = 20 } = {}) =>
    api.get(`${SHARE}/catalog` + query({ shareType, departmentId, page, size })),
  departments: (regionId) => api.get('/api/v1/departments' + query({ regionId })),
  /** The caller's department's connected systems (the org API). */
  systems: () => api.get('/api/v1/systems'),

  // --- requests and applications ----------------------------------------------------------------------------

  /** Unconditional data: {entryId, purpose, ways[], items?, systems?}; answers the grant, issued at once. */
  request: (form) => api.post(`${SHARE}/requests`, form),
  draft: (form) => api.post(APPLICATIONS, form),
  update: (id, form) => api.put(`${APPLICATIONS}/${id}`, form),
  submit: (id) => api.post(`${APPLICATIONS}/${id}/submit`),
  withdraw: (id) => api.post(`${APPLICATIONS}/${id}/withdraw`),
  /** side APPLICANT (default) / PROVIDER / AUTHORITY; status optional. */
  applications: (side, status) => api.get(APPLICATIONS + query({ side, status })),
  application: (id) => api.get(`${APPLICATIONS}/${id}`),
  timeline: (id) => api.get(`${APPLICATIONS}/${id}/timeline`),
  /** The electronically signed decisions of an application (SEC-7), and one's signed content, signature and certificate. */
  decisions: (id) => api.get(`${APPLICATIONS}/${id}/decisions`),
  decisionSignature: (decisionId) => api.get(`/api/v1/share/decisions/${decisionId}/signature`),

  // --- materials ---------------------------------------------------------------------------------------------

  attachments: (id) => api.get(`${APPLICATIONS}/${id}/attachments`),
  /** material: the material's index in the entry's list. */
  attach(id, material, file) {
    const form = new FormData()
    form.append('material', String(material))
    form.append('file', file)
    return api.upload(`${APPLICATIONS}/${id}/attachments`, form)
  },
  removeAttachment: (id, attachmentId) => api.delete(`${APPLICATIONS}/${id}/attachments/${attachmentId}`),
  downloadAttachment: (id, attachment) => download(`${APPLICATIONS}/${id}/attachments/${attachment.id}`, attachment.fileName),

  // --- decisions and coordination ------------------------------------------------------------------------------

  inbox: () => api.get(`${SHARE}/inbox`),
  overdue: () => api.get(`${SHARE}/overdue`),
  /** approval: {items?, rowFilter?, periodFrom?, periodTo?, ways?, systems?, rateLimit?, dailyQuota?, comment?} */
  approve: (id, approval) => api.post(`${APPLICATIONS}/${id}/approve`, approval),
  /** refusal: {reason, basis: {kind, title, article}} */
  refuse: (id, refusal) => api.post(`${APPLICATIONS}/${id}/refuse`, refusal),
  requestCoordination: (id, negotiation) => api.post(`${APPLICATIONS}/${id}/coordination`, { negotiation }),
  /** A not-shared entry: the application's fields and the negotiation with the provider. */
  coordinateNotShared: (form) => api.post(`${SHARE}/coordinations`, form),
  note: (id, note) => api.post(`${APPLICATIONS}/${id}/coordination/notes`, { note }),
  /** {outcome: GRANT, reason?, …narrowing} or {outcome: REFUSE, reason, basis} */
  decideCoordination: (id, decision) => api.post(`${APPLICATIONS}/${id}/coordination/decide`, decision),

  // --- grants ------------------------------------------------------------------------------------------------

  /** side CONSUMER (default) / PROVIDER / AUTHORITY; status ACTIVE / SCHEDULED / EXPIRED / REVOKED. */
  grants: (side, status) => api.get(GRANTS + query({ side, status })),
  grant: (id) => api.get(`${GRANTS}/${id}`),
  revoke: (id, reason) => api.post(`${GRANTS}/${id}/revoke`, { reason }),
  /** A new draft application pre-filled from the grant, for the following period. */
  renew: (id) => api.post(`${GRANTS}/${id}/renewal`),

  // --- usage records and the data access interfaces --------------------------------------------------------

  /** Use per grant and Beijing day of a side (CONSUMER / PROVIDER / AUTHORITY) between two dates, with totals. */
  usage: (side, from, to) => api.get(`${SHARE}/usage` + query({ side, from, to })),
  /** The individual uses of a grant, newest first. */
  uses: (grantId, limit = 100) => api.get(`${SHARE}/usage/uses` + query({ grantId, limit })),
  /** The OpenAPI document of what the caller's grants on an entry let it call. */
  interfaceOf: (entryId) => api.get(`${SHARE}/data/${entryId}/openapi.json`),
  /** 比对验证 as the signed-in user: {key: {item: value}, claims: {item: value}}. */
  verify: (entryId, request) => api.post(`${SHARE}/data/${entryId}/verification`, request),

  // --- subscriptions (主动推送) -----------------------------------------------------------------------------------

  /** The department's subscriptions (a data user sees all of them), newest first. */
  subscriptions: () => api.get(SUBSCRIPTIONS),
  /** {entryId, endpoint, items?, fullInitialDelivery?}; the answer carries the signing secret, this once. */
  subscribe: (form) => api.post(SUBSCRIPTIONS, form),
  pauseSubscription: (id) => api.post(`${SUBSCRIPTIONS}/${id}/pause`),
  /** Authorised anew: a grant that no longer allows it is answered as a refusal. */
  resumeSubscription: (id) => api.post(`${SUBSCRIPTIONS}/${id}/resume`),
  /** A new signing secret, in this answer only; the old one signs nothing more. */
  rotateSubscriptionSecret: (id) => api.post(`${SUBSCRIPTIONS}/${id}/secret`),
  deleteSubscription: (id) => api.delete(`${SUBSCRIPTIONS}/${id}`),
  /** The latest 100 delivery requests, newest first. */
  deliveries: (id) => api.get(`${SUBSCRIPTIONS}/${id}/deliveries`),
  deadLetters: (id) => api.get(`${SUBSCRIPTIONS}/${id}/dead-letters`),
  retryDeadLetter: (id, deadLetterId) => api.post(`${SUBSCRIPTIONS}/${id}/dead-letters/${deadLetterId}/retry`),
  discardDeadLetter: (id, deadLetterId) => api.post(`${SUBSCRIPTIONS}/${id}/dead-letters/${deadLetterId}/discard`),

  // --- objections and re-verification (疑义与复核) ---------------------------------------------------------------

  /** {entryId, keyValues: {keyItem: value}, item, proposedValue, description} */
  raiseObjection: (objection) => api.post(OBJECTIONS, objection),
  /** side RAISER (default) / PROVIDER / AUTHORITY; status OPEN / CORRECTED / CONFIRMED. */
  objections: (side, status) => api.get(OBJECTIONS + query({ side, status })),
  /** The region's open objections past their due date (the authority's officers). */
  overdueObjections: () => api.get(`${OBJECTIONS}/overdue`),
  /** With its evidence and timeline. */
  objection: (id) => api.get(`${OBJECTIONS}/${id}`),
  addEvidence(id, file) {
    const form = new FormData()
    form.append('file', file)
    return api.upload(`${OBJECTIONS}/${id}/evidence`, form)
  },
  downloadEvidence: (id, evidence) => download(`${OBJECTIONS}/${id}/evidence/${evidence.id}`, evidence.fileName),
  forward: (id, note) => api.post(`${OBJECTIONS}/${id}/forward`, { note }),
  requestExtension: (id, workingDays, reason) => api.post(`${OBJECTIONS}/${id}/extension`, { workingDays, reason }),
  decideExtension: (id, consent, note) => api.post(`${OBJECTIONS}/${id}/extension/decision`, { consent, note }),
  /** value defaults to the one proposed. */
  correct: (id, value, note) => api.post(`${OBJECTIONS}/${id}/correct`, { value, note }),
  confirm: (id, reasons) => api.post(`${OBJECTIONS}/${id}/confirm`, { reasons })
}
