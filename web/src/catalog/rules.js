// Rule failures of the catalog API (problem.errors: [{location, code, message}]) placed next to the fields they
// concern, and their locations named in the console's language for the list view.
import { i18n } from '../i18n'

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
    add(location, error.message)
    const list = /^(\w+)\[\d+\]$/.exec(location)
    if (list) add(list[1], error.message)
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
