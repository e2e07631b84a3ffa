package io.presence.notifier.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    @Test
    void theSignatureIsTheTimeAndTheHexHmacSha256OfTimeDotBody() {
        // expected value computed independently: python3 hmac.new(b"s3cret", b"1732550000000.<body>", sha256).hexdigest()
        String body = "{\"id\":\"n1\",\"recipientId\":\"bob\"}";

        String signature = new WebhookSigner("s3cret").signature(1732550000000L, body);

        assertThat(signature).isEqualTo("t=1732550000000,v1=daed12a1c04f31e1c241517cecad75b5d9652bf05b0db0fc64f7a7d005582cbb");
    }

    @Test
    void anotherTimeOrBodyOrSecretGivesAnotherSignature() {
        String base = new WebhookSigner("s3cret").signature(1, "{}");
        assertThat(new WebhookSigner("s3cret").signature(2, "{}")).isNotEqualTo(base);
        assertThat(new WebhookSigner("s3cret").signature(1, "{ }")).isNotEqualTo(base);
        assertThat(new WebhookSigner("other").signature(1, "{}")).isNotEqualTo(base);
    }
}
