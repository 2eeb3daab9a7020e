// Names the console shows for the sharing module's codes, tag colours, and the dates sharing works in.
import { i18n } from '../i18n'

const t = (key, values) => i18n.global.t(key, values)
const te = (key) => i18n.global.te(key) || i18n.global.te(key, 'zh-CN')

export const WAYS = ['VERIFICATION', 'QUERY', 'EXCHANGE', 'SUBSCRIPTION']
export const APPLICATION_STATUSES = ['DRAFT', 'PENDING', 'APPROVED', 'REFUSED', 'COORDINATION', 'WITHDRAWN']
export const GRANT_STATUSES = ['ACTIVE', 'SCHEDULED', 'EXPIRED', 'REVOKED']
export const OPS = ['EQUALS', 'PREFIX']

/** A code's name under a prefix of the share messages; an unknown (newer) code is shown as it is. */
const named = (prefix) => (code) => (!code ? '' : te(`share.${prefix}.${code}`) ? t(`share.${prefix}.${code}`) : code)

export const shareNames = {
  way: named('way'),
  status: named('status'),
  grantStatus: named('grantStatus'),
  availability: named('availability'),
  stage: named('stage'),
  origin: named('origin'),
  event: named('event'),
  op: named('op'),
  masking: named('masking'),
  ways: (ways) => (ways || []).map(shareNames.way).join('、'),
  subscriptionStatus: named('subscription.status'),
  /** Why the platform suspended a subscription: a problem code (GRANT_REVOKED, …) or OWNER_INACTIVE. */
  subscriptionReason: named('subscription.reason'),
  deadLetterStatus: named('subscription.deadLetterStatus')
}

export function statusType(status) {
  return { DRAFT: 'info', PENDING: 'warning', APPROVED: 'success', REFUSED: 'danger', COORDINATION: 'warning', WITHDRAWN: 'info' }[status] || 'info'
}

export function grantStatusType(status) {
  return { ACTIVE: 'success', SCHEDULED: 'warning', EXPIRED: 'info', REVOKED: 'danger' }[status] || 'info'
}

export function subscriptionStatusType(status) {
  return { ACTIVE: 'success', PAUSED: 'warning', SUSPENDED: 'danger' }[status] || 'info'
}

export function deadLetterStatusType(status) {
  return { PENDING: 'danger', RETRIED: 'success', DISCARDED: 'info' }[status] || 'info'
}

export function availabilityType(availability) {
  return { OWN: 'info', IN_USE: 'success', APPLIED: 'warning', AVAILABLE_ON_REQUEST: 'primary', APPLICATION_REQUIRED: 'primary', COORDINATION_ONLY: 'danger' }[availability] || 'info'
}

/** Today's date in Beijing (YYYY-MM-DD): periods and due dates are Beijing dates. */
export function beijingToday() {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' })
}

/** A YYYY-MM-DD date moved by days (calendar arithmetic, no time zone involved). */
export function plusDays(date, days) {
  const d = new Date(date + 'T00:00:00Z')
  d.setUTCDate(d.getUTCDate() + days)
  return d.toISOString().slice(0, 10)
}

/** "2026-01-01 – 2026-12-31", or "from 2026-01-01, no end". */
export function period(from, to) {
  if (!from && !to) return ''
  return to ? `${from || ''} – ${to}` : t('share.field.openEnded', { from })
}

/** A row filter in words: 行政区划代码 以 370602 开头；… or 全部记录. */
export function rowFilterText(filter, itemName = (i) => i) {
  const conditions = filter?.conditions || []
  if (!conditions.length) return t('share.rowFilter.none')
  return conditions.map((c) => t('share.rowFilter.condition.' + c.op, { item: itemName(c.item), values: c.values.join('、') })).join('；')
}

/** The problem's message and the messages of its broken rules (SHARE_APPLICATION_INVALID, SHARE_DECISION_INVALID). */
export function problemLines(problem) {
  return (problem?.errors || []).map((e) => e.message || e.code)
}

/** A row filter as the editor keeps it: one row per condition, values as typed (separated by commas or 、). */
export function filterRows(filter) {
  return (filter?.conditions || []).map((c) => ({ item: c.item, op: c.op, values: c.values.join('，') }))
}

/** The editor's rows as the API takes them; null when no row has an item and a value. */
export function filterOf(rows) {
  const conditions = (rows || [])
    .map((r) => ({ item: r.item, op: r.op, values: (r.values || '').split(/[,，、\s]+/).map((v) => v.trim()).filter(Boolean) }))
    .filter((c) => c.item && c.values.length)
  return conditions.length ? { conditions } : null
}

/** An event's particulars in words: [label, value] pairs for what the event carries. */
export function eventDetails(event, itemName = (i) => i) {
  const d = event.detail || {}
  const lines = []
  const add = (key, value) => {
    if (value !== undefined && value !== null && value !== '' && !(Array.isArray(value) && !value.length)) {
      lines.push([t('share.detail.' + key), value])
    }
  }
  add('dueOn', d.dueOn)
  add('itemsRemoved', d.itemsRemoved?.map(itemName).join('、'))
  add('waysRemoved', d.waysRemoved?.map(shareNames.way).join('、'))
  add('systemsRemoved', d.systemsRemoved?.map((s) => '#' + s).join('、'))
  if (d.rowFilter) add('rowFilter', rowFilterText(d.rowFilter, itemName))
  add('period', d.period)
  add('items', d.items?.map(itemName).join('、'))
  add('ways', d.ways?.map(shareNames.way).join('、'))
  if (d.validFrom) add('validity', period(d.validFrom, d.validUntil))
  add('reason', d.reason)
  if (d.basis) add('basis', `${t('catalog.basisKind.' + d.basis.kind)}《${d.basis.title}》${d.basis.article}`)
  add('negotiation', d.negotiation)
  add('note', d.note)
  add('comment', d.comment)
  if (d.outcome) add('outcome', t('share.coordination.outcome.' + d.outcome))
  return lines
}

// --- objections and re-verification (疑义与复核) ------------------------------------------------------------------

export const OBJECTION_STATUSES = ['OPEN', 'CORRECTED', 'CONFIRMED']

const objectionNamed = (prefix) => (code) => (!code ? '' : te(`objection.${prefix}.${code}`) ? t(`objection.${prefix}.${code}`) : code)

export const objectionNames = {
  status: objectionNamed('status'),
  stage: objectionNamed('stage'),
  event: objectionNamed('event'),
  raisedAs: objectionNamed('raisedAs'),
  side: objectionNamed('side')
}

export function objectionStatusType(status) {
  return { OPEN: 'warning', CORRECTED: 'success', CONFIRMED: 'info' }[status] || 'info'
}

/** A record's key values as the API gives them: 公民身份号码 370602…，… */
export function keyText(keyValues, itemName = (i) => i) {
  return Object.entries(keyValues || {}).map(([item, value]) => `${itemName(item)} ${value}`).join('；')
}

/** How far a reminder's due date is, or how late an overdue note is: 2 个工作日后到期, 已逾期 3 个工作日. */
function dueText(event) {
  const d = event.detail || {}
  if (event.type === 'REMINDER' && d.workingDaysLeft !== undefined) {
    return d.workingDaysLeft > 0 ? t('objection.detail.dueIn', { days: d.workingDaysLeft }) : t('objection.detail.dueToday')
  }
  if (event.type === 'OVERDUE' && d.workingDaysLate !== undefined) {
    // the day after a Friday due date is late, but by no working day yet
    return d.workingDaysLate > 0 ? t('objection.detail.late', { days: d.workingDaysLate }) : t('objection.detail.lateNoWorkingDay')
  }
  return null
}

/**
 * An objection event's particulars in words: [label, value] pairs (FORWARDED names the department by its id; a
 * reminder and an overdue note say how far the due date is).
 */
export function objectionEventDetails(event, itemName = (i) => i, departmentName = (id) => '#' + id) {
  const d = event.detail || {}
  const lines = []
  const add = (key, value) => {
    if (value !== undefined && value !== null && value !== '') lines.push([t('objection.detail.' + key), String(value)])
  }
  add('item', d.item && itemName(d.item))
  add('stage', d.stage && objectionNames.stage(d.stage))
  add('file', d.file)
  if (event.type === 'FORWARDED') add('to', d.to && departmentName(d.to))
  add('workingDays', d.workingDays)
  add('from', d.from)
  const due = dueText(event)
  add('dueOn', d.dueOn && (due ? t('objection.detail.dueWith', { due: d.dueOn, note: due }) : d.dueOn))
  add('value', d.value)
  add('batchId', d.batchId && '#' + d.batchId)
  add('reason', d.reason)
  add('reasons', d.reasons)
  add('note', d.note)
  return lines
}
