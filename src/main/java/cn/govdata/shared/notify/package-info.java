/**
 * Notices raised by any module for people to read ({@link cn.govdata.shared.notify.NoticeRaised}): here in the
 * shared kernel so that raising one needs no dependency on the {@code notice} module that delivers them (which
 * depends on {@code org} to find the addressees), and no cycle arises.
 */
package cn.govdata.shared.notify;
