package cn.govdata.open.demand;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of open-data demand requests ({@code govdata.open.demand.*}). The reply and review periods are the
 * region's, in its policy profile ({@code openDemand}); what the texts leave open is set here.
 *
 * @param objectionDays calendar days after an answer within which the requester may object (FZ18 sets no
 *        period; the same 15 days the department had to answer)
 */
@ConfigurationProperties("govdata.open.demand")
record DemandSettings(@DefaultValue("15") int objectionDays) {
}
