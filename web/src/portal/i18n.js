// The portal's own messages, Simplified Chinese by default with an English switch; the choice is remembered
// (the same key as the console's, so one browser keeps one language).
import { createI18n } from 'vue-i18n'
import zhCN from './locales/zh-CN'
import en from './locales/en'

const LOCALE_KEY = 'govdata.locale'
const stored = localStorage.getItem(LOCALE_KEY)

export const i18n = createI18n({
  legacy: false,
  locale: stored === 'en' ? 'en' : 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en }
})

document.documentElement.lang = i18n.global.locale.value

export function setLocale(locale) {
  i18n.global.locale.value = locale
  localStorage.setItem(LOCALE_KEY, locale)
  document.documentElement.lang = locale
}

export const english = () => i18n.global.locale.value === 'en'
