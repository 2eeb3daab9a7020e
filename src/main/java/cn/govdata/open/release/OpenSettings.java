package cn.govdata.open.release;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of open data ({@code govdata.open.*}).
 *
 * @param publicBaseUrl the platform's address as the public reaches it (e.g. {@code https://data.example.gov.cn}),
 *        used in resource URLs; when unset, taken from each request (honouring {@code X-Forwarded-*})
 * @param authorityConfirms whether an opening waits for the data authority's confirmation; when unset, as the
 *        region's text says (Fuzhou FZ14/FZ15 and Taijiang: the authority opens the data; elsewhere the provider)
 * @param catalogCheckInterval how often opened datasets are compared with the catalog (retired or changed entries)
 * @param licenseId the licence of open data in the CKAN API
 * @param licenseTitle its title
 * @param licenseUrl where its text is, or empty
 */
@ConfigurationProperties("govdata.open")
public record OpenSettings(String publicBaseUrl, Boolean authorityConfirms,
        @DefaultValue("PT30S") Duration catalogCheckInterval, @DefaultValue("other-at") String licenseId,
        @DefaultValue("开放数据使用协议（署名）") String licenseTitle, @DefaultValue("") String licenseUrl) {
}
