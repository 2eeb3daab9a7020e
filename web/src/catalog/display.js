// Read-only rendering of content values, for the entry detail, the review page and version differences.
import { i18n } from '../i18n'
import { names } from './vocabulary'

const t = (key) => i18n.global.t(key)

export function basisText(b) {
  if (!b || (!b.kind && !b.title && !b.article)) return ''
  return [names.basisKind(b.kind), b.title ? `《${b.title.replace(/^《|》$/g, '')}》` : '', b.article || ''].filter(Boolean).join(' ')
}

/** One field's value (entry field or data-item property) as people read it; empty values as "—". */
export function valueText(field, value) {
  if (value === null || value === undefined || value === '' || (Array.isArray(value) && !value.length)) return '—'
  switch (field) {
    case 'classification': return names.classification(value)
    case 'format': return names.format(value)
    case 'shareType': return names.shareType(value)
    case 'openType': return names.openType(value)
    case 'shareMethod': return names.shareMethod(value)
    case 'updateCycle': return names.updateCycle(value)
    case 'shareBasis':
    case 'openBasis': return basisText(value) || '—'
    case 'type': return names.dataType(value)
    case 'sensitivity': return names.sensitivity(value)
    case 'grade': return names.grade(value)
    default:
      if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no')
      if (Array.isArray(value)) return value.join('、')
      if (typeof value === 'object') return JSON.stringify(value)
      return String(value)
  }
}

/** The label of an entry field or a data-item property. */
export function fieldLabel(field, item = false) {
  const key = (item ? 'catalog.item.' : 'catalog.field.') + field
  return i18n.global.te(key) ? t(key) : field
}
