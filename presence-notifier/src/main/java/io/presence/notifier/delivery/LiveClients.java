package io.presence.notifier.delivery;

/** The recipients' open sockets on this instance. */
public interface LiveClients {

    /**
     * Sends the notification to every live socket of its recipient and returns true, or returns false
     * at once if the recipient has none. After a true, exactly one callback runs, once every socket has
     * written or failed the frame: {@code delivered} if at least one wrote it, else {@code undelivered}
     * (the sockets closed meanwhile). Callbacks may run on any thread, also before this method returns.
     */
    boolean tryDeliver(Notification notification, Runnable delivered, Runnable undelivered);
}
