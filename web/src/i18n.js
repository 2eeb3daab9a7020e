import { createI18n } from 'vue-i18n'
import zhCN from './locales/zh-CN'
import en from './locales/en'
import { securityMessages } from './security/messages'

// the security pages keep their labels in their own folder
const withSecurity = (messages, locale) => ({
  ...messages,
  security: securityMessages[locale].security,
  menu: { ...messages.menu, ...securityMessages[locale].menu }
})

const LOCALE_KEY = 'govdata.locale'

export const i18n = createI18n({
  legacy: false,
  locale: localStorage.getItem(LOCALE_KEY) || 'zh-CN',
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': withSecurity(zhCN, 'zh-CN'), en: withSecurity(en, 'en') }
})

export function setLocale(locale) {
  i18n.global.locale.value = locale
  localStorage.setItem(LOCALE_KEY, locale)
  document.documentElement.lang = locale
}
