package cn.govdata.org;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.govdata.support.Api;

/** First start on an empty database without GOVDATA_ADMIN_PASSWORD: a random password, logged once. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:first-start;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1",
        "spring.datasource.username=sa", "spring.datasource.password=",
        "govdata.bootstrap.admin-password=" })
@ActiveProfiles("test")
class FirstStartTest {

    @LocalServerPort
    int port;

    @Test
    void theGeneratedAdministratorPasswordIsLoggedOnceAndMustBeChanged(CapturedOutput output) {
        Matcher matcher = Pattern.compile("one-time password: (\\S+)").matcher(output.getAll());
        assertThat(matcher.find()).as("the password is printed to the log").isTrue();
        String password = matcher.group(1);
        assertThat(matcher.find()).as("only once").isFalse();

        Api api = new Api(port);
        Api.Response login = api.post("/api/v1/auth/login", Map.of("username", "admin", "password", password));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.json().get("passwordChangeRequired").asBoolean()).isTrue();
        Api admin = api.withToken(login.text("token"));
        assertThat(admin.get("/api/v1/regions").code()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
        Api.Response me = admin.get("/api/v1/auth/me");
        assertThat(me.json().get("roles").toString()).contains("SYSTEM_ADMIN");
        assertThat(me.json().get("authority").asBoolean()).isTrue();
    }
}
