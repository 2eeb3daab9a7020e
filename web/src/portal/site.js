// What the whole portal shows about the platform: its name (CKAN's status_show site_title), and the
// document title of the page being read.
import { reactive, watchEffect } from 'vue'
import { action } from './ckan'
import { i18n } from './i18n'

export const site = reactive({ title: '', pageTitle: null })

export function loadSite() {
  action('status_show')
    .then((status) => {
      site.title = status.site_title || ''
    })
    .catch(() => {
      // the name is a nicety: the portal's own name stands in
    })
}

/** The platform's name for citations and the header, in the reader's language when it has none. */
export function platformName() {
  return site.title || i18n.global.t('site.name')
}

watchEffect(() => {
  const name = platformName()
  const page = typeof site.pageTitle === 'function' ? site.pageTitle() : site.pageTitle
  document.title = page ? `${page} - ${name}` : name
})

/**
 * Pages name themselves (the dataset's title, the department's name…) for the window and for screen readers;
 * a function is asked again when the language changes.
 */
export function setPageTitle(title) {
  site.pageTitle = title || null
}
