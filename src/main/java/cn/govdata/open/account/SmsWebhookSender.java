package cn.govdata.open.account;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Sends text messages through an SMS gateway's webhook: one HTTP POST of {@code {"to": "<mobile>", "text": "…"}}
 * as JSON to the configured address (the common shape of the gateways' HTTP APIs; an adapter at the gateway's
 * side maps it to a particular provider). A status other than 2xx means the message was not sent.
 */
class SmsWebhookSender implements MessageSender {

    private final URI webhook;
    private final String token;
    private final Duration timeout;
    private final JsonMapper json;
    private final HttpClient client;

    SmsWebhookSender(URI webhook, String token, Duration timeout, JsonMapper json) {
        this.webhook = webhook;
        this.token = token;
        this.timeout = timeout;
        this.json = json;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public MessageChannel channel() {
        return MessageChannel.SMS;
    }

    @Override
    public void send(String address, OutgoingMessage message) {
        HttpRequest.Builder request = HttpRequest.newBuilder(webhook).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(
                        json.writeValueAsString(Map.of("to", address, "text", message.text())), StandardCharsets.UTF_8));
        if (token != null && !token.isBlank()) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<Void> response = client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() / 100 != 2) {
                throw new MessageNotSent("SMS gateway answered " + response.statusCode(), null);
            }
        } catch (IOException e) {
            throw new MessageNotSent("SMS gateway not reached: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MessageNotSent("interrupted", e);
        }
    }
}
