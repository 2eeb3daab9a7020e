// Names the console shows for the lake's codes, and the arithmetic of a batch's progress.
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
export const FINISHED = ['APPLIED', 'REFUSED', 'FAILED', 'CANCELLED']

export const lakeNames = {
  /** A rule code as officials read it; an unknown (newer) code is shown as it is. */
  rule: (code) => (RULES.includes(code) ? t('lake.rule.' + code) : code || ''),
  status: (s) => (s ? t('lake.status.' + s) : ''),
  mode: (m) => (m ? t('lake.mode.' + m) : ''),
  format: (f) => (f ? t('lake.format.' + f) : '')
}

export function statusType(status) {
  return { RUNNING: 'primary', APPLIED: 'success', REFUSED: 'danger', FAILED: 'danger', CANCELLED: 'info' }[status] || 'info'
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
