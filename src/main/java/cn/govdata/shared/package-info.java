/**
 * The shared kernel: the current {@link cn.govdata.shared.Actor}, roles, and the stable problem codes with
 * their RFC 9457 rendering. Every module may use it; it depends on no module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.govdata.shared;
