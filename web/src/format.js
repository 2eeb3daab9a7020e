import { i18n } from './i18n'

/** A timestamp as officials read it: Beijing time, 24-hour clock, in the console's language. */
export function formatTime(value) {
  if (!value) return ''
  return new Date(value).toLocaleString(i18n.global.locale.value, { timeZone: 'Asia/Shanghai', hour12: false })
}
