// Names the console shows for the lake's codes, the arithmetic of a batch's progress, and record keys as typed.
import { i18n } from '../i18n'

const t = (key, values) => i18n.global.t(key, values)

export const RULES = [
  'REQUIRED', 'TYPE', 'LENGTH', 'ID_NUMBER_FORMAT', 'ID_NUMBER_CHECK_DIGIT', 'ID_NUMBER_BIRTH_DATE', 'ID_NUMBER_REGION',
  'ID_NUMBER_LEGACY', 'CREDIT_CODE', 'DIVISION_CODE', 'MOBILE', 'EMAIL', 'CODE_LIST', 'RANGE', 'PATTERN', 'CROSS_ITEM',
  'DUPLICATE_KEY'
]
export const FORMATS = ['CSV', 'XLSX', 'JSON_LINES']
export const ENCODINGS = ['UTF-8', 'GBK', 'GB18030']
/** The choice of letting the platform tell the format (by file name) or detect the encoding. */
export const AUTO = 'AUTO'
export const FINISHED = ['APPLIED', 'REFUSED', 'FAILED', 'CANCELLED', 'HELD', 'DISCARDED']

export const lakeNames = {
  /** A rule code as officials read it; an unknown (newer) code is shown as it is. */
  rule: (code) => (RULES.includes(code) ? t('lake.rule.' + code) : code || ''),
  status: (s) => (s ? t('lake.status.' + s) : ''),
  mode: (m) => (m ? t('lake.mode.' + m) : ''),
  format: (f) => (f ? t('lake.format.' + f) : '')
}

export function statusType(status) {
  return { RUNNING: 'primary', APPLIED: 'success', REFUSED: 'danger', FAILED: 'danger', CANCELLED: 'info', HELD: 'warning', DISCARDED: 'info' }[status] || 'info'
}

/** Seconds since the batch started, up to its end (or now while it runs). */
export function elapsedSeconds(batch, now = Date.now()) {
  if (!batch?.createdAt) return 0
  const end = batch.finishedAt ? Date.parse(batch.finishedAt) : now
  return Math.max(0, (end - Date.parse(batch.createdAt)) / 1000)
}

/** Rows read per second so far. */
export function rowsPerSecond(batch, now = Date.now()) {
  const seconds = elapsedSeconds(batch, now)
  return seconds > 0 ? Math.round((batch.rowsRead || 0) / seconds) : batch?.rowsRead || 0
}

export function formatElapsed(seconds) {
  const s = Math.floor(seconds)
  const m = Math.floor(s / 60)
  return m ? t('lake.progress.minutes', { m, s: s % 60 }) : t('lake.progress.seconds', { s: (Math.round(seconds * 10) / 10).toString() })
}

/** Data-item identifier → Chinese name, from the entry's published content. */
export function itemNamesOf(entry) {
  const items = (entry?.published || entry?.latest)?.content?.dataItems || []
  return Object.fromEntries(items.map((i) => [i.name, i.chineseName]))
}

/** The statuses of governance decisions (deletions, cycle exceptions, purchases, flags, discrepancies) as tags. */
export function decisionType(status) {
  return {
    PENDING: 'warning', FILED: 'warning', OPEN: 'warning',
    APPROVED: 'success', ACCEPTED: 'success', ALLOWED: 'success', SETTLED: 'success', DECIDED: 'success',
    REJECTED: 'danger', SHARE_INSTEAD: 'danger',
    LAPSED: 'info', CLOSED: 'info'
  }[status] || 'info'
}

/** A share between 0 and 1 as a percentage with at most one decimal. */
export function percent(share) {
  return share == null ? '' : `${Math.round(share * 1000) / 10}%`
}

/** The items of a composite record key are joined by the unit separator, as the platform keys records. */
export const KEY_SEPARATOR = '\u001f'

/**
 * The record keys typed or pasted one record per line; the items of a composite key separated by tabs (as
 * copied from a spreadsheet) or commas. Blank lines are ignored, repeated keys sent once.
 */
export function parseRecordKeys(text, keyItemCount) {
  const keys = (text || '').split(/\r?\n/).map((line) => line.trim()).filter(Boolean)
    .map((line) => (keyItemCount > 1 ? line.split(/\t|,|，/).map((v) => v.trim()).join(KEY_SEPARATOR) : line))
  return [...new Set(keys)]
}

