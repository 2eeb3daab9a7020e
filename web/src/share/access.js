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
