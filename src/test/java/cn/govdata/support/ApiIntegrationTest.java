package cn.govdata.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

import cn.govdata.shared.Role;

/**
 * Base for tests through the real HTTP API on a random port against the real database (in-memory H2, or
 * PostgreSQL when SPRING_DATASOURCE_URL is set). Tests share one database, so every fixture is created
 * with unique names and codes and no test assumes an empty table.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
public abstract class ApiIntegrationTest {

    /** The bootstrap administrator's password after its forced first change (see application-test.yml). */
    public static final String ADMIN_PASSWORD = "Gov-Root-2026!";
    public static final String INITIAL_ADMIN_PASSWORD = "Initial-Admin-2026";
    public static final String USER_PASSWORD = "Dept-User-2026!";

    /**
     * One data directory for the tests' application context, fixed here because {@code ${random.uuid}} in a
     * property is drawn anew at every lookup: the audit key, the search index and the command-line verb
     * must all see the same directory, as they do in a real installation.
     */
    private static final String DATA_DIR = System.getProperty("java.io.tmpdir") + "/govdata-test-"
            + java.util.UUID.randomUUID();

    @org.springframework.test.context.DynamicPropertySource
    static void dataDirectory(org.springframework.test.context.DynamicPropertyRegistry registry) {
        // govdata.data-dir is this unless a test class with a context of its own sets govdata.test.data-dir
        // (application-test.yml): two contexts cannot share a data directory (the search index is locked)
        registry.add("govdata.test.shared-data-dir", () -> DATA_DIR);
    }

    private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);
    private static final SecureRandom RANDOM = new SecureRandom();

    @LocalServerPort
    protected int port;

    protected Api anonymous;

    @BeforeEach
    void connect() {
        anonymous = new Api(port);
    }

    /** A user of a department, logged in with its password already changed. */
    public record LoggedIn(long id, String username, String password, long departmentId, Api api) {
    }

    public record Dept(long id, long regionId, String name, String creditCode) {
    }

    /** Logs in the bootstrap system administrator, changing its initial password the first time. */
    protected Api admin() {
        Api.Response login = anonymous.post("/api/v1/auth/login", Map.of("username", "admin", "password", ADMIN_PASSWORD));
        if (login.status() == 401) {
            login = anonymous.post("/api/v1/auth/login",
                    Map.of("username", "admin", "password", INITIAL_ADMIN_PASSWORD));
            assertThat(login.status()).as(login.body()).isEqualTo(200);
            Api first = anonymous.withToken(login.text("token"));
            Api.Response change = first.post("/api/v1/auth/password",
                    Map.of("currentPassword", INITIAL_ADMIN_PASSWORD, "newPassword", ADMIN_PASSWORD));
            assertThat(change.status()).as(change.body()).isEqualTo(204);
            return first;
        }
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return anonymous.withToken(login.text("token"));
    }

    /** The region of the bootstrap authority. */
    protected long homeRegionId(Api admin) {
        return admin.get("/api/v1/auth/me").json().get("regionId").asLong();
    }

    protected long authorityDepartmentId(Api admin) {
        return admin.get("/api/v1/auth/me").json().get("departmentId").asLong();
    }

    protected Dept newDepartment(Api admin, String namePrefix) {
        long regionId = homeRegionId(admin);
        String name = namePrefix + unique();
        String creditCode = randomCreditCode();
        Api.Response created = admin.post("/api/v1/departments", Map.of("regionId", regionId, "name", name,
                "creditCode", creditCode, "type", "ADMINISTRATIVE_ORGAN"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return new Dept(created.id(), regionId, name, creditCode);
    }

    /** Creates a user with the given roles and logs it in, its initial password already changed. */
    protected LoggedIn newUser(Api creator, long departmentId, Role... roles) {
        String username = "u" + unique();
        Api.Response created = creator.post("/api/v1/users", Map.of("username", username, "displayName", "测试用户",
                "departmentId", departmentId, "roles", Arrays.stream(roles).map(Role::name).toList(),
                "initialPassword", "Initial-Pass-2026"));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Api.Response login = anonymous.post("/api/v1/auth/login",
                Map.of("username", username, "password", "Initial-Pass-2026"));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        Api api = anonymous.withToken(login.text("token"));
        Api.Response change = api.post("/api/v1/auth/password",
                Map.of("currentPassword", "Initial-Pass-2026", "newPassword", USER_PASSWORD));
        assertThat(change.status()).as(change.body()).isEqualTo(204);
        return new LoggedIn(created.id(), username, USER_PASSWORD, departmentId, api);
    }

    protected Api login(String username, String password) {
        Api.Response login = anonymous.post("/api/v1/auth/login", Map.of("username", username, "password", password));
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return anonymous.withToken(login.text("token"));
    }

    /**
     * A connected system's API client: the client credentials its registration answered ({@code clientId},
     * {@code clientSecret}) exchanged for an access token at {@code /oauth2/token}.
     */
    protected Api connectedSystem(Api.Response registered) {
        String basic = java.util.Base64.getEncoder().encodeToString((registered.text("clientId") + ":"
                + registered.text("clientSecret")).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Api.Response token = anonymous.postForm("/oauth2/token", "grant_type=client_credentials", "Authorization",
                "Basic " + basic);
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        return anonymous.withToken(token.text("access_token"));
    }

    protected static String unique() {
        // a digit in the middle: a suffix of letters only (cyqvir) would read as an English word to the console's
        // language checks, wherever people's names show
        return Long.toString(SEQUENCE.incrementAndGet(), 36) + RANDOM.nextInt(10)
                + Integer.toString(RANDOM.nextInt(36), 36);
    }

    /** A random code with a valid GB 32100 check character, in the organ category (11). */
    public static String randomCreditCode() {
        String alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
        StringBuilder code = new StringBuilder("11370600");
        for (int i = 0; i < 9; i++) {
            code.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return code.append(cn.govdata.org.CreditCode.checkCharacter(code.toString())).toString();
    }

    protected static List<String> codes(Api.Response response, String field) {
        return Api.texts(response.json(), field);
    }
}
