package cn.govdata.share.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.govdata.shared.DomainException;
import cn.govdata.shared.ProblemCode;

class SubscriptionRulesTest {

    private static SubscriptionSettings settings(List<String> httpHosts, int maxAttempts, Duration initial, Duration max) {
        return new SubscriptionSettings(httpHosts, List.of(), List.of(), 500, Duration.ofSeconds(3),
                Duration.ofSeconds(10), maxAttempts, initial, max, Duration.ofMinutes(1), Duration.ofMinutes(10), 2);
    }

    @Test
    void theBackoffDoublesFromTheInitialWaitUpToTheMaximum() {
        SubscriptionSettings settings = settings(List.of(), 8, Duration.ofSeconds(30), Duration.ofMinutes(5));
        assertThat(List.of(1, 2, 3, 4, 5, 6, 7).stream().map(settings::backoffAfter).toList()).containsExactly(
                Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(5), Duration.ofMinutes(5), Duration.ofMinutes(5));
        assertThat(settings.backoffAfter(1000)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void endpointsMustBeHttpsUnlessTheHostIsAllowedPlainHttp() {
        List<String> allowed = List.of("localhost");
        assertThat(SubscriptionEndpoint.checked(" https://gov.example.cn/hooks/population?x=1 ", List.of()))
                .hasToString("https://gov.example.cn/hooks/population?x=1");
        assertThat(SubscriptionEndpoint.checked("http://LOCALHOST:8081/hook", allowed)).hasToString("http://LOCALHOST:8081/hook");
        assertRefused("http://gov.example.cn/hook", allowed, ProblemCode.SUBSCRIPTION_ENDPOINT_NOT_HTTPS);
        assertRefused("http://localhost/hook", List.of(), ProblemCode.SUBSCRIPTION_ENDPOINT_NOT_HTTPS);
        assertRefused("ftp://gov.example.cn/hook", allowed, ProblemCode.SUBSCRIPTION_ENDPOINT_INVALID);
        assertRefused("https://user:pw@gov.example.cn/hook", allowed, ProblemCode.SUBSCRIPTION_ENDPOINT_INVALID);
        assertRefused("https://gov.example.cn/hook#part", allowed, ProblemCode.SUBSCRIPTION_ENDPOINT_INVALID);
        assertRefused("/relative/hook", allowed, ProblemCode.SUBSCRIPTION_ENDPOINT_INVALID);
        assertRefused("https:opaque", allowed, ProblemCode.SUBSCRIPTION_ENDPOINT_INVALID);
        assertRefused("https://bad host/", allowed, ProblemCode.SUBSCRIPTION_ENDPOINT_INVALID);
        assertRefused("https://gov.example.cn/" + "a".repeat(SubscriptionEndpoint.MAX_LENGTH), allowed,
                ProblemCode.SUBSCRIPTION_ENDPOINT_INVALID);
        assertRefused("  ", allowed, ProblemCode.FIELD_REQUIRED);
    }

    private static void assertRefused(String endpoint, List<String> allowed, ProblemCode code) {
        assertThatThrownBy(() -> SubscriptionEndpoint.checked(endpoint, allowed)).as(endpoint)
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
