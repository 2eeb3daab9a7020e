// Names the console shows for the codes of cross-platform sharing; an unknown (newer) code is shown as it is.
import { i18n } from '../i18n'

const named = (prefix) => (code) => (!code ? '' : i18n.global.te(`federation.${prefix}.${code}`) ? i18n.global.t(`federation.${prefix}.${code}`) : code)

export const WAYS = ['QUERY', 'VERIFICATION']

export const federationNames = {
  status: named('status'),
  way: named('way')
}
