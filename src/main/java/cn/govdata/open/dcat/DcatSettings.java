package cn.govdata.open.dcat;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the DCAT documents ({@code govdata.open.dcat.*}).
 *
 * @param pageSize datasets per page of {@code /catalog.*} (ckanext-dcat's default is 100)
 */
@ConfigurationProperties("govdata.open.dcat")
record DcatSettings(@DefaultValue("100") int pageSize) {

    DcatSettings {
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("govdata.open.dcat.page-size is 1 to 1000, not " + pageSize);
        }
    }
}
