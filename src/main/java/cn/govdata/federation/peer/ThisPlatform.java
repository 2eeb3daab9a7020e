package cn.govdata.federation.peer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import cn.govdata.org.Directory;
import cn.govdata.org.Directory.RegionInfo;

/** This platform as its peers know it: its name and its address. */
@Component
public class ThisPlatform {

    private final Directory directory;
    private final Environment environment;
    private final String name;
    private final String publicUrl;

    ThisPlatform(Directory directory, Environment environment,
            @Value("${govdata.federation.platform-name:}") String name,
            @Value("${govdata.federation.public-url:}") String publicUrl) {
        this.directory = directory;
        this.environment = environment;
        this.name = name;
        this.publicUrl = publicUrl;
    }

    /** Its name as peers show it: set, or its top region's. */
    public String name() {
        if (!name.isBlank()) {
            return name;
        }
        return directory.regions().stream().filter(r -> r.parentId() == null).map(RegionInfo::name).findFirst()
                .orElse("govdata");
    }

    /** Its address: set, or this machine's port (a demo on one machine). */
    public String publicUrl() {
        if (!publicUrl.isBlank()) {
            return publicUrl;
        }
        return "http://localhost:" + environment.getProperty("local.server.port", "8080");
    }
}
