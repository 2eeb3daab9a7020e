// Rule failures of the catalog API (problem.errors: [{location, code, message}]) placed next to the fields they
// concern, and their locations named in the console's language for the list view.
import { i18n } from '../i18n'
import { names } from './vocabulary'

const t = (key, args) => i18n.global.t(key, args)
const te = (key) => i18n.global.te(key) || i18n.global.te(key, 'zh-CN')

/** {location → message}, several messages of one location joined; `relatedCodes[0]` also under `relatedCodes`. */
export function byLocation(errors) {
  const map = {}
  const add = (key, message) => {
    map[key] = map[key] ? `${map[key]}；${message}` : message
  }
  for (const error of errors || []) {
    const location = error.location || ''
    const message = readable(error)
    add(location, message)
    const list = /^(\w+)\[\d+\]$/.exec(location)
    if (list) add(list[1], message)
  }
  return map
}

/** "dataItems[1].length" → "信息项第 2 行 · 长度"; unknown locations (e.g. spreadsheet cells) stay as they are. */
export function locationLabel(location) {
  if (!location) return ''
  const item = /^dataItems\[(\d+)\]\.(\w+)$/.exec(location)
  if (item) {
    const field = te('catalog.item.' + item[2]) ? t('catalog.item.' + item[2]) : item[2]
    return t('catalog.rules.itemLocation', { row: Number(item[1]) + 1, field })
  }
  const list = /^(\w+)\[(\d+)\]$/.exec(location)
  if (list && te('catalog.field.' + list[1])) return `${t('catalog.field.' + list[1])} #${Number(list[2]) + 1}`
  return te('catalog.field.' + location) ? t('catalog.field.' + location) : location
}

const CODES = {
  UNCONDITIONAL: names.shareType, CONDITIONAL: names.shareType, NOT_SHARED: names.shareType,
  OPEN: names.openType, CONDITIONAL_OPEN: names.openType, NOT_OPEN: names.openType
}

/**
 * Text of the platform (a rule's message, a spreadsheet location) with the technical names it quotes — field
 * paths such as `dataItems[0].length` or `summary`, type codes such as NOT_OPEN — replaced by the names people
 * see on the form. In English only paths and camelCase names are replaced, so that prose stays as it is.
 */
export function humanize(text) {
  if (!text) return ''
  let out = text.replace(/\b(?:dataItems\[\d+\]\.\w+|\w+\[\d+\])/g, (path) => locationLabel(path))
  const words = i18n.global.locale.value === 'en' ? /\b[a-z]+[A-Z][a-zA-Z]*\b/g : /\b[a-z][a-zA-Z]*\b/g
  out = out.replace(words, (word) => (te('catalog.field.' + word) ? t('catalog.field.' + word) : word))
  for (const [code, name] of Object.entries(CODES)) out = out.replace(new RegExp(`\\b${code}\\b`, 'g'), name(code))
  return out
}

/** Rules whose message quotes what the editor typed (a data item's identifier, a code): left as it is. */
const QUOTING = new Set(['DUPLICATE_DATA_ITEM', 'UNKNOWN_RESOURCE_CODE'])

/** A rule failure's message in the names of the form. */
export function readable(error) {
  return QUOTING.has(error?.code) ? error?.message || '' : humanize(error?.message)
}

/** A problem's detail without its pointer to the `errors` member, which the console shows as a list instead. */
export function summary(detail) {
  return (detail || '').replace(/[，,；;]?\s*(详见|see) errors[。.]?/i, (m) => (/[。.]$/.test(m) ? m.slice(-1) : ''))
}
