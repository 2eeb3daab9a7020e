// Who may do what in sharing, as the console shows it (the platform checks every request itself).
import { hasRole, isAuthority, session } from '../api'

/** A department's data user applies for data and holds its grants. */
export const isDataUser = () => hasRole('DATA_USER')

/** A share approver: the providing department's, or the data authority's. */
export const isApprover = () => hasRole('SHARE_APPROVER')

/** The data authority's share approver: overdue applications, coordination, every grant of the region. */
export const isAuthorityApprover = () => isAuthority('SHARE_APPROVER')

/** Whether the application waits for the signed-in user's decision (pending at a stage they answer for). */
export function decidesNow(application) {
  const me = session.me
  if (!me || !application || application.status !== 'PENDING' || !isApprover()) return false
  if (application.stage === 'PROVIDER') return application.providerDepartmentId === me.departmentId
  return application.stage === 'AUTHORITY' && me.authority
}

/** Whether the authority's approver coordinates it now. */
export const coordinatesNow = (application) => application?.status === 'COORDINATION' && isAuthorityApprover()

/** The applicant department's data user acts on it (edits a draft, withdraws, takes a refusal to coordination). */
export const appliesFor = (application) =>
  !!application && application.applicantDepartmentId === session.me?.departmentId && isDataUser()

/**
 * The sides of the usage records the signed-in user is offered: a data user its department's own use, a share
 * approver who used the department's data, a user of the data authority the region's (the platform lets any
 * user of a department read both of its sides; the menu offers what each role works with).
 */
export function usageSides() {
  const sides = []
  if (isDataUser()) sides.push('CONSUMER')
  if (isApprover()) sides.push('PROVIDER')
  if (session.me?.authority) sides.push('AUTHORITY')
  return sides
}

/**
 * A data user registers a subscription (主动推送) on an active grant of the department that allows it; the
 * platform authorises the registration itself, as any use.
 */
export const subscribesWith = (grant) =>
  isDataUser() && grant?.status === 'ACTIVE' && (grant.ways || []).includes('SUBSCRIPTION')

// --- objections and re-verification (疑义与复核) ------------------------------------------------------------------

/** The authority's officers: its share approver or catalog reviewer (they raise for citizens, forward, see all). */
export const isObjectionOfficer = () => isAuthority('SHARE_APPROVER', 'CATALOG_REVIEWER')

/** The handler's roles in the providing department: they correct or confirm, and ask for the extension. */
const isHandlerRole = () => hasRole('DATA_PROVIDER', 'SHARE_APPROVER')

/**
 * The sides of the objections the signed-in user is offered: 我提出的 for those who raise (a data user, the
 * authority's officers), 待我核查 for the providing department's handlers and head, 全区 for the officers.
 */
export function objectionSides() {
  const sides = []
  if (isDataUser() || isObjectionOfficer()) sides.push('RAISER')
  if (isHandlerRole() || hasRole('DEPARTMENT_ADMIN')) sides.push('PROVIDER')
  if (isObjectionOfficer()) sides.push('AUTHORITY')
  return sides
}

const open = (o) => o?.status === 'OPEN'
const ofProvider = (o) => o?.providerDepartmentId === session.me?.departmentId

/** The provider's handler checks it now: corrects or confirms, asks once for more time. */
export const handlesObjection = (o) => open(o) && o.stage === 'PROVIDER' && ofProvider(o) && isHandlerRole()

/** The authority's officer forwards it to the provider (route AUTHORITY, still at the authority's stage). */
export const forwardsObjection = (o) => open(o) && o.stage === 'AUTHORITY' && isObjectionOfficer()

/** The raising department adds evidence while the objection is open. */
export const addsEvidence = (o) => open(o) && o.raiserDepartmentId === session.me?.departmentId

/** An approver answers the extension asked for: the provider's head or share approver, or an officer, not the asker. */
export function decidesExtension(o) {
  if (!open(o) || !o.extension || o.extension.decision || o.extension.requestedBy === session.me?.username) return false
  return (ofProvider(o) && hasRole('DEPARTMENT_ADMIN', 'SHARE_APPROVER')) || isObjectionOfficer()
}
