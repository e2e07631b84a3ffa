package io.presence.notifier.membership;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MemberAddressTest {

    @Test
    void theAdvertisedUrlTravelsInTheClientIdAndBack() {
        String clientId = MemberAddress.clientIdFor("wss://notifier-2.example.com:8443/edge");

        assertThat(MemberAddress.urlOf(clientId)).contains("wss://notifier-2.example.com:8443/edge");
    }

    @Test
    void otherMembersOfTheGroupHaveNoUrl() {
        assertThat(MemberAddress.urlOf("consumer-presence-notifier-1")).isEmpty();
        assertThat(MemberAddress.urlOf("presence-notifier@")).isEmpty();
        assertThat(MemberAddress.urlOf(null)).isEmpty();
    }
}
