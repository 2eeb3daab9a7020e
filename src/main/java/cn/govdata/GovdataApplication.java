package cn.govdata;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The government data resource platform (政务数据资源平台): one deployable, modules by domain. */
// no in-memory user store: accounts live in the org module and sessions are bearer tokens
@SpringBootApplication(exclude = UserDetailsServiceAutoConfiguration.class)
@ConfigurationPropertiesScan
@EnableScheduling
public class GovdataApplication {

    public static void main(String[] args) {
        SpringApplication.run(GovdataApplication.class, args);
    }
}
