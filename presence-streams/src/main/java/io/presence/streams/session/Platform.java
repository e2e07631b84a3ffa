package io.presence.streams.session;

/** The kind of client a device session runs on, given by the gateway at LOGIN. */
public enum Platform {
    IOS, ANDROID, WEB, WINDOWS, MAC, LINUX, OTHER
}
