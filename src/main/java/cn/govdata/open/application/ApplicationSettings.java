package cn.govdata.open.application;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of open applications ({@code govdata.open.application.*}). The decision's period is the region's, in its
 * policy profile ({@code openData.applicationReplyWorkingDays}); what the texts leave open is set here.
 *
 * @param maxDays the longest period of use an application may ask for, in days from the day it is made
 */
@ConfigurationProperties("govdata.open.application")
record ApplicationSettings(@DefaultValue("1095") int maxDays) {
}
