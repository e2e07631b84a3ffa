package io.presence.bench.fanout;

/**
 * The user ids of one run: the target, its subscribers and the other users, all prefixed with the
 * run's nonce so a run on a shared cluster never meets another's users.
 */
record FanoutUsers(String prefix, int subscribers, int others) {

    String target() {
        return prefix + "star";
    }

    String subscriber(int i) {
        return prefix + "s" + i;
    }

    String other(int i) {
        return prefix + "o" + i;
    }
}
